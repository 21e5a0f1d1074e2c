import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { trainingFixture } from './fixtures';
import { TrainingDetailPage } from './TrainingDetailPage';

const render = () =>
  renderAs(<TrainingDetailPage />, {
    path: '/projects/trainings/:id',
    url: '/projects/trainings/4',
    permissions: ['projects.read'],
    scope: 'own',
    userId: 5,
  });

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

describe('training detail (FS-14)', () => {
  it('names who is not signed off when completion is refused, then completes once everyone is', async () => {
    let signedOff = false;
    const api = stubFetch({
      'GET /trainings/4': { body: trainingFixture() },
      'POST /training-trainees/22/sign-off': () => {
        signedOff = true;
        return {
          body: trainingFixture({
            version: 7,
            signedOffCount: 2,
            trainees: trainingFixture().trainees.map((x) => ({ ...x, signedOff: true, version: x.version + 1 })),
          }),
        };
      },
      'POST /trainings/4/complete': () =>
        signedOff
          ? { body: trainingFixture({ version: 8, status: 'completed', signedOffCount: 2, completedAt: '2026-03-06T01:00:00.000Z' }) }
          : {
              status: 422,
              body: {
                error: {
                  code: 'rule_violation',
                  message: 'FS-14: not every trainee can operate independently yet: 李工',
                  ruleId: 'FS-14',
                  details: [{ path: 'trainees.22', message: '李工 is not signed off' }],
                },
              },
            },
    });
    render();
    expect(await screen.findByText('1/2 can operate independently', { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByTestId('training-complete'));
    const alert = await screen.findByTestId('rule-error');
    expect(within(alert).getByText('Refused by rule FS-14')).toBeTruthy();
    expect(within(alert).getByText('李工 is not signed off')).toBeTruthy();
    expect(api.sent('POST /trainings/4/complete')[0].body).toEqual({ version: 6 });

    fireEvent.click(screen.getByTestId('sign-off-22'));
    await waitFor(() => expect(api.sent('POST /training-trainees/22/sign-off')).toHaveLength(1));
    expect(api.sent('POST /training-trainees/22/sign-off')[0].body).toEqual({ version: 1, canOperateIndependently: true });
    await waitFor(() => expect(screen.queryByTestId('rule-error')).toBeNull());
    fireEvent.click(screen.getByTestId('training-complete'));
    await waitFor(() => expect(api.sent('POST /trainings/4/complete')).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('training-status').textContent).toBe('Completed'));
    expect(api.sent('POST /trainings/4/complete')[1].body).toEqual({ version: 7 });
    expect(screen.queryByTestId('training-complete')).toBeNull();
  });
});
