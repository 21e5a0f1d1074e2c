import { PERMISSIONS, ZIdParams, ZOk, ZRole, ZRoleCreate, ZRoleUpdate } from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import { createRole, deleteRole, getRole, listRoles, updateRole } from './roles.service';

export function rolesRoutes(app: App) {
  const tags = ['roles'];
  app.get(
    '/roles',
    {
      schema: {
        tags,
        summary: 'Roles (editable permission sets) and the permission catalogue',
        response: { 200: z.object({ items: z.array(ZRole), permissions: z.array(z.enum(PERMISSIONS)) }) },
      },
      config: { permission: 'users.read' },
    },
    async (req) => ({ items: await listRoles(req.ctx()), permissions: [...PERMISSIONS] }),
  );
  app.get(
    '/roles/:id',
    { schema: { tags, summary: 'One role', params: ZIdParams, response: { 200: ZRole } }, config: { permission: 'users.read' } },
    (req) => getRole(req.ctx().db, req.params.id),
  );
  app.post(
    '/roles',
    { schema: { tags, summary: 'Create a role', body: ZRoleCreate, response: { 201: ZRole } }, config: { permission: 'roles.manage' } },
    async (req, reply) => reply.status(201).send(await createRole(req.ctx(), req.body)),
  );
  app.patch(
    '/roles/:id',
    {
      schema: { tags, summary: 'Edit a role (send the version you read)', params: ZIdParams, body: ZRoleUpdate, response: { 200: ZRole } },
      config: { permission: 'roles.manage' },
    },
    (req) => updateRole(req.ctx(), req.params.id, req.body),
  );
  app.delete(
    '/roles/:id',
    {
      schema: { tags, summary: 'Delete an unused custom role', params: ZIdParams, response: { 200: ZOk } },
      config: { permission: 'roles.manage' },
    },
    async (req) => {
      await deleteRole(req.ctx(), req.params.id);
      return { ok: true as const };
    },
  );
}
