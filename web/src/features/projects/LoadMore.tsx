import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

/** "Load more" under a keyset-paged list. */
export function LoadMore({ query }: { query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Flex justify="center" style={{ marginTop: 12 }}>
      <Button loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
        {t('common.loadMore')}
      </Button>
    </Flex>
  );
}
