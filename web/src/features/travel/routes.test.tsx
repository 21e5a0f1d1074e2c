import type { TPermission } from '@techserve/core';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { travelMenuItems } from './routes';

const keysFor = (perms: TPermission[]) =>
  travelMenuItems((p) => perms.includes(p), i18n.t.bind(i18n)).map((item) => (item as { key: string; label: string }).key);

describe('travel menu', () => {
  it('offers my trips, approvals and the finance page by permission', () => {
    expect(keysFor([])).toEqual([]);
    expect(keysFor(['travel.request'])).toEqual(['/travel/trips']);
    expect(keysFor(['travel.approve'])).toEqual(['/travel/approvals']);
    expect(keysFor(['travel.finance'])).toEqual(['/travel/finance']);
  });

  it('labels the entries in Chinese by default', () => {
    const labels = travelMenuItems(() => true, i18n.t.bind(i18n)).map((item) => (item as { label: string }).label);
    expect(labels).toEqual(['我的出差', '出差审批', '差旅报销/财务导出']);
  });
});
