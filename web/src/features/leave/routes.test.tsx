import type { TPermission } from '@techserve/core';
import { screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { buildMenuItems, menuLeaves } from '../../layout/buildMenuItems';
import type { Guard } from '../../layout/featureRoutes';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { leaveMenuItems, leaveRoutes } from './routes';

afterEach(() => vi.unstubAllGlobals());

const keysFor = (perms: TPermission[]) =>
  leaveMenuItems((p) => perms.includes(p), i18n.t.bind(i18n)).map((item) => (item as { key: string }).key);

/** The leave routes as the app mounts them: a page the user may not open is "not found". */
function renderRoutes(url: string, permissions: TPermission[]) {
  const guard: Guard = (permission: TPermission, element: ReactElement) =>
    permissions.includes(permission) ? element : <div>not found</div>;
  return renderAs(<Routes>{leaveRoutes(guard)}</Routes>, { path: '/*', url, permissions, userId: 11 });
}

describe('leave menu', () => {
  it('offers my leave to applicants and the approvals only with leave.approve', () => {
    expect(keysFor([])).toEqual([]);
    expect(keysFor(['leave.request'])).toEqual(['/leave']);
    expect(keysFor(['leave.approve'])).toEqual(['/leave/approvals']);
    expect(keysFor(['leave.request', 'leave.approve'])).toEqual(['/leave', '/leave/approvals']);
  });

  it('labels the entries in Chinese by default', () => {
    const labels = leaveMenuItems(() => true, i18n.t.bind(i18n)).map((item) => (item as { label: string }).label);
    expect(labels).toEqual(['我的请假', '请假审批']);
  });

  // Issue 12 item 5: the menu in sections; leave opens the people section, travel stays in the field section.
  it('opens the people section of the side menu, travel in the field section', () => {
    const sections = buildMenuItems(['travel.request', 'leave.request', 'projects.read'], i18n.t.bind(i18n));
    const section = (key: string) => menuLeaves(sections.filter((item) => item?.key === key)).map((leaf) => leaf.key);
    expect(section('group-people')[0]).toBe('/leave');
    expect(section('group-field')).toContain('/travel/trips');
  });
});

describe('leave routes', () => {
  it('answers "not found" on the approvals page without leave.approve', async () => {
    stubFetch({ 'GET /leave-requests': { body: { items: [], nextCursor: null } } });
    renderRoutes('/leave/approvals', ['leave.request']);
    expect(await screen.findByText('not found')).toBeTruthy();
    expect(screen.queryByText('请假审批')).toBeNull();
  });

  it('opens the approvals page with leave.approve', async () => {
    stubFetch({ 'GET /leave-requests': { body: { items: [], nextCursor: null } } });
    renderRoutes('/leave/approvals', ['leave.request', 'leave.approve']);
    expect(await screen.findByRole('heading', { name: '请假审批' })).toBeTruthy();
  });

  it('opens my leave and the form only with leave.request', async () => {
    stubFetch({ 'GET /leave-requests': { body: { items: [], nextCursor: null } } });
    renderRoutes('/leave/new', ['leave.approve']);
    expect(await screen.findByText('not found')).toBeTruthy();
  });
});
