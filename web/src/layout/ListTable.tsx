import { Table, type TableProps } from 'antd';

/**
 * The app's list table: rows keyed by `id`, no client-side paging (lists load more from the server's cursor),
 * and horizontal scrolling instead of squeezed columns on a phone. Any prop given overrides these.
 */
export function ListTable<T extends object>(props: TableProps<T>) {
  return <Table<T> rowKey="id" size="middle" pagination={false} scroll={{ x: 'max-content' }} {...props} />;
}
