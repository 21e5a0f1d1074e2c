import { ZIdParams, ZOk, ZProductExperts, ZProductExpertsSet } from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import { ORG_ENTITIES } from './org-entities';
import { createOrg, deleteOrg, getOrg, listOrg, updateOrg } from './org.service';
import { getProductExperts, listProductExperts, setProductExperts } from './product-experts.service';

/** CRUD for each organisation entity (ORG-1..4, PAY-4), plus the product-expert table (ORG-3). */
export function orgRoutes(app: App) {
  for (const e of ORG_ENTITIES) {
    const tags = ['organisation'];
    const name = e.entity.replace('_', ' ');
    app.get(
      `/${e.path}`,
      {
        schema: { tags, summary: `List ${name}s`, response: { 200: z.object({ items: z.array(e.schemas.out) }) } },
        config: { permission: 'org.read' },
      },
      (req) => listOrg(req.ctx(), e),
    );
    app.get(
      `/${e.path}/:id`,
      { schema: { tags, summary: `One ${name}`, params: ZIdParams, response: { 200: e.schemas.out } }, config: { permission: 'org.read' } },
      (req) => getOrg(req.ctx().db, e, req.params.id),
    );
    app.post(
      `/${e.path}`,
      {
        schema: { tags, summary: `Create a ${name}`, body: e.schemas.create, response: { 201: e.schemas.out } },
        config: { permission: 'org.manage' },
      },
      async (req, reply) => reply.status(201).send(await createOrg(req.ctx(), e, req.body as Record<string, unknown>)),
    );
    app.patch(
      `/${e.path}/:id`,
      {
        schema: {
          tags,
          summary: `Update a ${name} (send the version you read)`,
          params: ZIdParams,
          body: e.schemas.update,
          response: { 200: e.schemas.out },
        },
        config: { permission: 'org.manage' },
      },
      (req) => updateOrg(req.ctx(), e, req.params.id, req.body as Record<string, unknown> & { version: number }),
    );
    app.delete(
      `/${e.path}/:id`,
      {
        schema: { tags, summary: `Delete a ${name} no longer in use`, params: ZIdParams, response: { 200: ZOk } },
        config: { permission: 'org.manage' },
      },
      async (req) => {
        await deleteOrg(req.ctx(), e, req.params.id);
        return { ok: true as const };
      },
    );
  }

  app.get(
    '/product-experts',
    {
      schema: {
        tags: ['organisation'],
        summary: 'The product-expert table (ORG-3)',
        response: { 200: z.object({ items: z.array(ZProductExperts) }) },
      },
      config: { permission: 'org.read' },
    },
    async (req) => {
      const map = await listProductExperts(req.ctx());
      return { items: [...map].map(([productId, experts]) => ({ productId, experts })) };
    },
  );
  app.get(
    '/products/:id/experts',
    {
      schema: {
        tags: ['organisation'],
        summary: "A product's experts, in consulting order",
        params: ZIdParams,
        response: { 200: ZProductExperts },
      },
      config: { permission: 'org.read' },
    },
    (req) => getProductExperts(req.ctx(), req.params.id),
  );
  app.put(
    '/products/:id/experts',
    {
      schema: {
        tags: ['organisation'],
        summary: "Set a product's experts (ORG-3)",
        params: ZIdParams,
        body: ZProductExpertsSet,
        response: { 200: ZProductExperts },
      },
      config: { permission: 'org.manage' },
    },
    (req) => setProductExperts(req.ctx(), req.params.id, req.body.userIds),
  );
}
