import type { TPermission } from '@techserve/core';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { fieldMenuItems } from './routes';

const keysFor = (permissions: TPermission[]) => fieldMenuItems((p) => permissions.includes(p), i18n.t).map((item) => item?.key);

describe('field-service menu', () => {
  it('gives an engineer my jobs and the letters, and no supervisor pages', () => {
    expect(keysFor(['field.read', 'field.work'])).toEqual(['/field/jobs', '/field/letters']);
  });

  it('gives the supervisor notices, approvals, the dispatch board and the stand-up', () => {
    expect(keysFor(['field.read', 'field.work', 'field.notice', 'field.dispatch', 'field.approve', 'field.sign'])).toEqual([
      '/field/jobs',
      '/field/notices',
      '/field/letters',
      '/field/approvals',
      '/field/board',
      '/field/standup',
    ]);
  });

  it('gives the GM (sign only) the notices, and sales admin the ledger', () => {
    expect(keysFor(['field.read', 'field.sign'])).toEqual(['/field/notices', '/field/letters']);
    expect(keysFor(['field.read', 'field.ledger'])).toEqual(['/field/letters', '/field/ledger']);
  });

  it('labels the entries in Chinese by default', async () => {
    await i18n.changeLanguage('zh-CN');
    const labels = fieldMenuItems(() => true, i18n.t).map((item) => (item as { label: string }).label);
    expect(labels).toEqual(['我的任务', '服务通知单', '项目责任书', '现场审批', '调度看板', '晨夕会', '服务台账']);
  });
});
