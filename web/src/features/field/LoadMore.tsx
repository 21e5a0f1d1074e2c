import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** "Load more" under a keyset-paged list, or "no more" once the last page is in. */
export function LoadMore({
  list,
  count,
  testId,
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  count: number;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="center" style={{ marginTop: 16 }}>
      {list.hasNextPage ? (
        <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} data-testid={testId}>
          {t('common.loadMore')}
        </Button>
      ) : (
        count > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
      )}
    </Flex>
  );
}
