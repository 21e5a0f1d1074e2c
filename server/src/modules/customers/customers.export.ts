import type { TCustomer } from '@techserve/core';
import { type ListColumn, listExport } from '../../files';
import { listCustomers } from './customers.service';

const COLUMNS: ListColumn<TCustomer>[] = [
  { header: { 'zh-CN': '客户名称', en: 'Name' }, width: 30, value: (c) => c.name },
  { header: { 'zh-CN': '简称', en: 'Short name' }, width: 14, value: (c) => c.shortName },
  { header: { 'zh-CN': '编码', en: 'Code' }, width: 12, value: (c) => c.code },
  { header: { 'zh-CN': '行业', en: 'Industry' }, width: 14, value: (c) => c.industry },
  { header: { 'zh-CN': '地址', en: 'Address' }, width: 36, value: (c) => c.address },
  { header: { 'zh-CN': '备注', en: 'Note' }, width: 30, value: (c) => c.note },
  { header: { 'zh-CN': '创建时间', en: 'Created' }, width: 22, value: (c) => c.createdAt },
];

/** Issue 12 item 9: the customer list with its search and region as Excel, through the list's own scope (CU-1). */
export const exportCustomers = listExport({ 'zh-CN': '客户', en: 'Customers' }, COLUMNS, listCustomers);
