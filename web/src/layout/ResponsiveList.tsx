import { Card, Empty, Flex, Grid, Spin } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { ListTable } from './ListTable';

/**
 * A list that is a table on wider screens and one card per row on a phone (so nothing scrolls sideways): `columns`
 * for the table, `card` for a phone's card body.
 */
export function ResponsiveList<T extends { id: number | string }>({
  items,
  loading,
  empty,
  columns,
  card,
  testId,
}: {
  items: T[];
  loading?: boolean;
  empty: string;
  columns: ColumnsType<T>;
  card: (item: T) => ReactNode;
  testId: string;
}) {
  const isPhone = Grid.useBreakpoint().sm === false;
  if (isPhone)
    return (
      <Flex vertical gap={8} data-testid={testId}>
        {loading && <Spin />}
        {!loading && items.length === 0 && <Empty description={empty} />}
        {items.map((item) => (
          <Card key={item.id} size="small" data-testid={`${testId}-card`}>
            {card(item)}
          </Card>
        ))}
      </Flex>
    );
  return (
    <ListTable<T>
      columns={columns}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: <Empty description={empty} /> }}
      data-testid={testId}
    />
  );
}
