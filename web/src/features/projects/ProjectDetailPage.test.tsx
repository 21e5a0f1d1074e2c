import type { TPermission } from '@techserve/core';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { projectFixture } from './fixtures';
import { ProjectDetailPage } from './ProjectDetailPage';

const SUPERVISOR: TPermission[] = ['projects.read', 'projects.manage'];
const render = () =>
  renderAs(<ProjectDetailPage />, { path: '/projects/:id', url: '/projects/9', permissions: SUPERVISOR, scope: 'department' });

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

describe('project detail (FS-12)', () => {
  it('shows why the start is refused: each of plan, materials and costs that is missing', async () => {
    const api = stubFetch({
      'GET /projects/9': { body: projectFixture() },
      'POST /projects/9/transitions': {
        status: 422,
        body: {
          error: {
            code: 'rule_violation',
            message:
              'FS-12: enter before starting: the progress plan has no items; the material purchase list is empty; the cost breakdown is empty',
            ruleId: 'FS-12',
            details: [
              { path: 'planItems', message: 'the progress plan has no items' },
              { path: 'materials', message: 'the material purchase list is empty' },
              { path: 'costs', message: 'the cost breakdown is empty' },
            ],
          },
        },
      },
    });
    render();
    fireEvent.click(await screen.findByTestId('action-start'));
    const alert = await screen.findByTestId('rule-error');
    expect(within(alert).getByText('Refused by rule FS-12')).toBeTruthy();
    expect(within(alert).getByText('The progress plan has no items')).toBeTruthy();
    expect(within(alert).getByText('The material purchase list is empty')).toBeTruthy();
    expect(within(alert).getByText('The cost breakdown is empty')).toBeTruthy();
    expect(api.sent('POST /projects/9/transitions')[0].body).toEqual({ action: 'start', version: 4 });
  });

  it('shows the FS-12b refusal of the start in the UI language, one line per missing signature', async () => {
    stubFetch({
      'GET /projects/9': { body: projectFixture() },
      'POST /projects/9/transitions': {
        status: 422,
        body: {
          error: {
            code: 'rule_violation',
            message: 'FS-12b: A project starts only after the technical handover …',
            ruleId: 'FS-12b',
            reason: 'projects.technicalHandoverIncomplete',
            params: { missing: { 'zh-CN': '郑凯尚未在技术交底上签字', en: '郑凯 has not signed the technical handover' } },
            details: [
              {
                path: 'technicalHandover.signatures.6',
                message: '郑凯 has not signed the technical handover',
                reason: 'projects.signatureMissing',
                params: { name: '郑凯' },
              },
            ],
          },
        },
      },
    });
    render();
    fireEvent.click(await screen.findByTestId('action-start'));
    const alert = await screen.findByTestId('rule-error');
    expect(within(alert).getByText('Refused by rule FS-12b')).toBeTruthy();
    expect(within(alert).getByText('郑凯 has not signed the technical handover')).toBeTruthy();
  });

  it('offers an engineer on the project no management actions and lists the handover documents', async () => {
    stubFetch({ 'GET /projects/9': { body: projectFixture({ status: 'planning', canManage: false }) } });
    renderAs(<ProjectDetailPage />, { path: '/projects/:id', url: '/projects/9', permissions: ['projects.read'], scope: 'own', userId: 5 });
    expect(await screen.findByTestId('project-name')).toBeTruthy();
    expect(screen.queryByTestId('action-start')).toBeNull();
    fireEvent.click(screen.getByText('Handover'));
    expect(await screen.findByTestId('handover-technicalDisclosure')).toBeTruthy();
    expect(within(screen.getByTestId('handover-technicalDisclosure')).getByText('Needed before the start')).toBeTruthy();
    // FS-12b: what is missing before the start, and the item lead's own signature button.
    const missing = screen.getByTestId('technical-handover-missing');
    expect(within(missing).getByText('Upload the Technical disclosure')).toBeTruthy();
    expect(within(missing).getByText('郑凯 has not signed the technical handover')).toBeTruthy();
    expect(within(screen.getByTestId('signatory-5')).getByTestId('technical-handover-sign')).toBeTruthy();
    expect(within(screen.getByTestId('signatory-6')).queryByTestId('technical-handover-sign')).toBeNull();
  });
});
