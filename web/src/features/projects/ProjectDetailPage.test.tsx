import type { TPermission } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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

  it('asks who accepts and shows the missing signed handover record when acceptance is refused', async () => {
    const api = stubFetch({
      'GET /projects/9': {
        body: projectFixture({
          status: 'commissioned',
          startedOn: '2026-03-02',
          commissionedOn: '2026-03-02',
          acceptanceDueOn: '2026-03-07',
          acceptanceDays: 5,
          policyVersion: 1,
          warnings: ['acceptanceDueSoon'],
        }),
      },
      'POST /projects/9/transitions': {
        status: 422,
        body: {
          error: {
            code: 'rule_violation',
            message:
              'FS-12: the handover record (技术交底书 / Technical disclosure) must be uploaded and signed by the customer before acceptance',
            ruleId: 'FS-12',
            details: [{ path: 'handoverDocuments.technicalDisclosure', message: 'missing or not signed' }],
          },
        },
      },
    });
    render();
    expect(await screen.findByTestId('warning-acceptanceDueSoon')).toBeTruthy();
    expect(screen.getByText('Acceptance due 2026-03-07')).toBeTruthy();
    fireEvent.click(screen.getByTestId('action-accept'));
    fireEvent.change(await screen.findByTestId('accepted-by'), { target: { value: '钱主任' } });
    fireEvent.click(screen.getByTestId('action-confirm'));
    const alert = await screen.findByTestId('rule-error');
    expect(within(alert).getByText('The technical disclosure is not uploaded or not signed by the customer')).toBeTruthy();
    await waitFor(() => expect(api.sent('POST /projects/9/transitions')).toHaveLength(1));
    expect(api.sent('POST /projects/9/transitions')[0].body).toMatchObject({ action: 'accept', version: 4, acceptedBy: '钱主任' });
  });

  it('offers an engineer on the project no management actions and lists the handover documents', async () => {
    stubFetch({ 'GET /projects/9': { body: projectFixture({ status: 'planning', canManage: false }) } });
    renderAs(<ProjectDetailPage />, { path: '/projects/:id', url: '/projects/9', permissions: ['projects.read'], scope: 'own', userId: 5 });
    expect(await screen.findByTestId('project-name')).toBeTruthy();
    expect(screen.queryByTestId('action-start')).toBeNull();
    fireEvent.click(screen.getByText('Handover'));
    expect(await screen.findByTestId('handover-technicalDisclosure')).toBeTruthy();
    expect(within(screen.getByTestId('handover-technicalDisclosure')).getByText('Needed for acceptance')).toBeTruthy();
  });
});
