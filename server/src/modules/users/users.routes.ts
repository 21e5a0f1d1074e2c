import { ZIdParams, ZOk, ZUser, ZUserCreate, ZUserListQuery, ZUserUpdate, exportQuery, page } from '@techserve/core';
import { exportLang, sendWorkbook, workbookResponse } from '../../files';
import type { App } from '../../http/app-types';
import { exportUsers } from './users.export';
import type { PasswordCost } from '../auth/password';
import { createUser, getUser, listUsers, resetTwoFactor, unlockUser, updateUser } from './users.service';

export function usersRoutes(app: App, cost: PasswordCost, companyName: string) {
  const tags = ['users'];
  app.get(
    '/users',
    {
      schema: { tags, summary: 'Users within your data scope', querystring: ZUserListQuery, response: { 200: page(ZUser) } },
      config: { permission: 'users.read' },
    },
    (req) => listUsers(req.ctx(), req.query),
  );
  app.get(
    '/exports/users.xlsx',
    {
      schema: {
        tags: tags,
        summary: 'Issue 12 item 9: the user list with the same filters as GET /users as Excel (.xlsx), headers in lang',
        querystring: exportQuery(ZUserListQuery),
        response: workbookResponse,
      },
      config: { permission: 'users.read' },
    },
    async (req, reply) => sendWorkbook(reply, await exportUsers(req.ctx(), req.query, exportLang(req))),
  );
  app.get(
    '/users/:id',
    { schema: { tags, summary: 'One user', params: ZIdParams, response: { 200: ZUser } }, config: { permission: 'users.read' } },
    (req) => getUser(req.ctx(), req.params.id),
  );
  app.post(
    '/users',
    { schema: { tags, summary: 'Create a user', body: ZUserCreate, response: { 201: ZUser } }, config: { permission: 'users.manage' } },
    async (req, reply) => reply.status(201).send(await createUser(req.ctx(), { cost, companyName }, req.body)),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Update a user (send the version you read)',
        params: ZIdParams,
        body: ZUserUpdate,
        response: { 200: ZUser },
      },
      config: { permission: 'users.manage' },
    },
    (req) => updateUser(req.ctx(), { cost, companyName }, req.params.id, req.body),
  );
  app.post(
    '/users/:id/unlock',
    {
      schema: { tags, summary: 'Clear a login lock-out', params: ZIdParams, response: { 200: ZUser } },
      config: { permission: 'users.manage' },
    },
    (req) => unlockUser(req.ctx(), req.params.id),
  );
  app.post(
    '/users/:id/two-factor/reset',
    {
      schema: {
        tags,
        summary: 'Turn off a user’s two-factor sign-in (lost phone and recovery codes)',
        params: ZIdParams,
        response: { 200: ZOk },
      },
      config: { permission: 'users.manage' },
    },
    async (req) => {
      await resetTwoFactor(req.ctx(), req.params.id);
      return { ok: true as const };
    },
  );
}
