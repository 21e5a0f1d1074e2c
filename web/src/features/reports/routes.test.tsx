import type { TPermission } from '@techserve/core';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { reportsMenuItems } from './routes';

type Group = { key: string; children: { key: string; label: string }[] };
const groups = (perms: TPermission[]) => reportsMenuItems((p) => perms.includes(p), i18n.t.bind(i18n)) as unknown as Group[];
const keys = (perms: TPermission[]) => groups(perms).flatMap((g) => g.children.map((c) => c.key));

describe('reports menu', () => {
  it('gives an engineer the daily log, plans, weekly reports and volume, not the department pages', () => {
    expect(keys(['leave.request', 'reports.write'])).toEqual([
      '/reports/due',
      '/reports/daily',
      '/reports/plans',
      '/reports/weekly',
      '/reports/volume',
    ]);
  });

  it('gives the supervisor the monthly report, the department view and the workload', () => {
    expect(keys(['leave.request', 'reports.review', 'reports.supervise', 'projects.manage'])).toEqual([
      '/reports/due',
      '/reports/plans',
      '/reports/weekly',
      '/reports/monthly',
      '/reports/volume',
      '/reports/department',
      '/reports/workload',
    ]);
  });

  it('shows nothing to a customer contact, and labels in Chinese by default', () => {
    expect(groups(['tickets.read'])).toEqual([]);
    expect(groups(['reports.write']).map((g) => (g as unknown as { label: string }).label)).toEqual(['工作报告']);
  });
});
