import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** "Load more" under a keyset-paged list; once the last page is in, "no more" when the list shows `count` rows. */
export function LoadMore({
  list,
  count = 0,
  testId,
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  count?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (!list.hasNextPage && count === 0) return null;
  return (
    <Flex justify="center" style={{ marginTop: 16 }}>
      {list.hasNextPage ? (
        <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} data-testid={testId}>
          {t('common.loadMore')}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
      )}
    </Flex>
  );
}
