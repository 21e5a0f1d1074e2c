import type { TUser } from '@techserve/core';
import { type ListColumn, listExport, labelOf } from '../../files';
import { listUsers } from './users.service';

const STATUSES = { active: { 'zh-CN': '在用', en: 'Active' }, disabled: { 'zh-CN': '已停用', en: 'Disabled' } };

const COLUMNS: ListColumn<TUser>[] = [
  { header: { 'zh-CN': '用户名', en: 'User name' }, width: 16, value: (u) => u.username },
  { header: { 'zh-CN': '姓名', en: 'Name' }, width: 14, value: (u) => u.name },
  { header: { 'zh-CN': '工号', en: 'Employee no.' }, width: 12, value: (u) => u.employeeNo },
  { header: { 'zh-CN': '角色', en: 'Role' }, width: 16, value: (u) => u.roleKey },
  { header: { 'zh-CN': '状态', en: 'Status' }, width: 8, value: (u, lang) => labelOf(STATUSES, u.status, lang) },
  { header: { 'zh-CN': '电话', en: 'Phone' }, width: 16, value: (u) => u.phone },
  { header: { 'zh-CN': '邮箱', en: 'E-mail' }, width: 24, value: (u) => u.email },
  { header: { 'zh-CN': '入职日期', en: 'Hired' }, width: 12, value: (u) => u.hireDate },
  { header: { 'zh-CN': '创建时间', en: 'Created' }, width: 22, value: (u) => u.createdAt },
];

/** Issue 12 item 9: the user list with its filters as Excel, within the reader's data scope (ORG-2). */
export const exportUsers = listExport({ 'zh-CN': '用户', en: 'Users' }, COLUMNS, listUsers);
