import { exportLang, sendWorkbook, workbookResponse } from '../../files';
import { exportCustomers } from './customers.export';
import {
  exportQuery,
  ZContact,
  ZContactCreate,
  ZContactUpdate,
  ZContract,
  ZContractCreate,
  ZContractUpdate,
  ZCustomer,
  ZCustomerCreate,
  ZCustomerFile,
  ZCustomerListQuery,
  ZCustomerUpdate,
  ZIdParams,
  ZInstalledProduct,
  ZInstalledProductCreate,
  ZInstalledProductUpdate,
  ZOk,
  ZPartReplacementCreate,
  ZSite,
  ZSiteCreate,
  ZSiteUpdate,
  page,
} from '@techserve/core';
import type { z } from 'zod';
import type { App } from '../../http/app-types';
import type { Ctx } from '../../http/context';
import * as svc from './customers.service';

type Crud<C, U> = {
  path: string;
  name: string;
  out: z.ZodType;
  create: z.ZodType<C>;
  update: z.ZodType<U>;
  get: (ctx: Ctx, id: number) => Promise<unknown>;
  add: (ctx: Ctx, body: C) => Promise<unknown>;
  edit: (ctx: Ctx, id: number, body: U) => Promise<unknown>;
  remove: (ctx: Ctx, id: number) => Promise<void>;
};

/** CU-1..5: the customer file — customers, contacts, sites, installed products (CU-2 warranty), contracts (CU-4). */
export function customersRoutes(app: App) {
  const tags = ['customers'];
  const read = { permission: 'customers.read' as const };
  const manage = { permission: 'customers.manage' as const };

  app.get(
    '/customers',
    {
      schema: {
        tags,
        summary: 'Customers, searched by name, short name, code, contact name or phone',
        querystring: ZCustomerListQuery,
        response: { 200: page(ZCustomer) },
      },
      config: read,
    },
    (req) => svc.listCustomers(req.ctx(), req.query),
  );
  app.get(
    '/exports/customers.xlsx',
    {
      schema: {
        tags: tags,
        summary: 'Issue 12 item 9: the customer list with the same filters as GET /customers as Excel (.xlsx), headers in lang',
        querystring: exportQuery(ZCustomerListQuery),
        response: workbookResponse,
      },
      config: read,
    },
    async (req, reply) => sendWorkbook(reply, await exportCustomers(req.ctx(), req.query, exportLang(req))),
  );
  app.get(
    '/customers/:id/file',
    {
      schema: {
        tags,
        summary: 'The customer file (客户资料表, CU-1) with warranty (CU-2) and contract states',
        params: ZIdParams,
        response: { 200: ZCustomerFile },
      },
      config: read,
    },
    (req) => svc.getCustomerFile(req.ctx(), req.params.id),
  );

  const crud = <C, U>(c: Crud<C, U>) => {
    app.get(
      `/${c.path}/:id`,
      { schema: { tags, summary: `One ${c.name}`, params: ZIdParams, response: { 200: c.out } }, config: read },
      (req) => c.get(req.ctx(), req.params.id),
    );
    app.post(
      `/${c.path}`,
      { schema: { tags, summary: `Create a ${c.name}`, body: c.create, response: { 201: c.out } }, config: manage },
      async (req, reply) => reply.status(201).send(await c.add(req.ctx(), req.body as C)),
    );
    app.patch(
      `/${c.path}/:id`,
      {
        schema: {
          tags,
          summary: `Update a ${c.name} (send the version you read)`,
          params: ZIdParams,
          body: c.update,
          response: { 200: c.out },
        },
        config: manage,
      },
      (req) => c.edit(req.ctx(), req.params.id, req.body as U),
    );
    app.delete(
      `/${c.path}/:id`,
      { schema: { tags, summary: `Delete a ${c.name}`, params: ZIdParams, response: { 200: ZOk } }, config: manage },
      async (req) => {
        await c.remove(req.ctx(), req.params.id);
        return { ok: true as const };
      },
    );
  };

  crud({
    path: 'customers',
    name: 'customer',
    out: ZCustomer,
    create: ZCustomerCreate,
    update: ZCustomerUpdate,
    get: svc.getCustomer,
    add: svc.createCustomer,
    edit: svc.updateCustomer,
    remove: svc.deleteCustomer,
  });
  crud({
    path: 'contacts',
    name: 'customer contact',
    out: ZContact,
    create: ZContactCreate,
    update: ZContactUpdate,
    get: svc.getContact,
    add: svc.createContact,
    edit: svc.updateContact,
    remove: svc.deleteContact,
  });
  crud({
    path: 'sites',
    name: 'customer site',
    out: ZSite,
    create: ZSiteCreate,
    update: ZSiteUpdate,
    get: svc.getSite,
    add: svc.createSite,
    edit: svc.updateSite,
    remove: svc.deleteSite,
  });
  crud({
    path: 'installed-products',
    name: 'installed product (with its CU-2 warranty)',
    out: ZInstalledProduct,
    create: ZInstalledProductCreate,
    update: ZInstalledProductUpdate,
    get: svc.getInstalledProduct,
    add: svc.createInstalledProduct,
    edit: svc.updateInstalledProduct,
    remove: svc.deleteInstalledProduct,
  });
  crud({
    path: 'contracts',
    name: 'service contract (CU-4)',
    out: ZContract,
    create: ZContractCreate,
    update: ZContractUpdate,
    get: svc.getContract,
    add: svc.createContract,
    edit: svc.updateContract,
    remove: svc.deleteContract,
  });

  app.post(
    '/installed-products/:id/part-replacements',
    {
      schema: {
        tags,
        summary: 'Record a replaced part; the part keeps its own warranty from its replacement date (CU-2)',
        params: ZIdParams,
        body: ZPartReplacementCreate,
        response: { 201: ZInstalledProduct },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await svc.addPartReplacement(req.ctx(), req.params.id, req.body)),
  );
}
