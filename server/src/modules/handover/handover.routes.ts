import {
  ZConfidentiality,
  ZConfidentialityPut,
  ZHandover,
  ZHandoverCancel,
  ZHandoverCreate,
  ZHandoverListQuery,
  ZHandoverOverride,
  ZHandoverOverrideCreate,
  ZHandoverSignOff,
  ZHandoverSummary,
  ZHandoverTransfer,
  ZHandoverTransferResult,
  ZHoldings,
  ZIdParams,
  ZProperty,
  ZPropertyCreate,
  ZPropertyListQuery,
  ZPropertyReturn,
  page,
} from '@techserve/core';
import { sendDownload } from '../../files/download';
import type { App } from '../../http/app-types';
import { type HandoverDeps, renderRecord } from './handover.record';
import * as svc from './handover.service';

/** HO-1 handover on leaving or transfer; SEC-3 the confidentiality agreement. */
export function handoverRoutes(app: App, deps: HandoverDeps) {
  const tags = ['handover'];
  const manage = { permission: 'handover.manage' as const };

  app.get(
    '/handovers/holdings/:id',
    {
      schema: {
        tags,
        summary: 'HO-1: what a person holds now (the first step of a handover)',
        params: ZIdParams,
        response: { 200: ZHoldings },
      },
      config: manage,
    },
    (req) => svc.holdingsPreview(req.ctx(), req.params.id),
  );
  app.get(
    '/handovers',
    {
      schema: {
        tags,
        summary: 'Handovers: those you may run, or take part in',
        querystring: ZHandoverListQuery,
        response: { 200: page(ZHandoverSummary) },
      },
    },
    (req) => svc.listHandovers(req.ctx(), req.query),
  );
  app.post(
    '/handovers',
    {
      schema: {
        tags,
        summary: 'HO-1: start the handover of a leaving or transferring person',
        body: ZHandoverCreate,
        response: { 201: ZHandover },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await svc.startHandover(req.ctx(), req.body)),
  );
  app.get(
    '/handovers/:id',
    {
      schema: {
        tags,
        summary: 'One handover: the checklist, signatures and SEC-3 agreement',
        params: ZIdParams,
        response: { 200: ZHandover },
      },
    },
    (req) => svc.getHandover(req.ctx(), req.params.id),
  );
  app.post(
    '/handovers/:id/transfer',
    {
      schema: {
        tags,
        summary: 'HO-1: reassign items (per item or in bulk) through their modules; refusals are listed per item',
        params: ZIdParams,
        body: ZHandoverTransfer,
        response: { 200: ZHandoverTransferResult },
      },
      config: manage,
    },
    (req) => svc.transferItems(req.ctx(), deps, req.params.id, req.body),
  );
  app.post(
    '/handovers/:id/sign',
    {
      schema: {
        tags,
        summary: 'HO-1: sign as the leaver, the successor or the manager once nothing is open',
        params: ZIdParams,
        body: ZHandoverSignOff,
        response: { 200: ZHandover },
      },
    },
    (req) => svc.signHandover(req.ctx(), deps, req.params.id, req.body),
  );
  app.post(
    '/handovers/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an open handover (with a reason)',
        params: ZIdParams,
        body: ZHandoverCancel,
        response: { 200: ZHandover },
      },
      config: manage,
    },
    (req) => svc.cancelHandover(req.ctx(), req.params.id, req.body),
  );
  app.get(
    '/handovers/:id/pdf',
    { schema: { tags, summary: 'HO-1: the handover record (工作交接单) as a PDF', params: ZIdParams } },
    async (req, reply) => sendDownload(reply, await renderRecord(req.ctx(), deps, req.params.id)),
  );
  app.post(
    '/handover-overrides',
    {
      schema: {
        tags,
        summary: 'HO-1: the GM allows disabling an account without a handover (reason; audited)',
        body: ZHandoverOverrideCreate,
        response: { 201: ZHandoverOverride },
      },
      config: { permission: 'handover.override' },
    },
    async (req, reply) => reply.status(201).send(await svc.grantOverride(req.ctx(), req.body)),
  );
  app.get(
    '/company-property',
    {
      schema: {
        tags,
        summary: 'HO-1: company property, loans and receivables documents held by staff',
        querystring: ZPropertyListQuery,
        response: { 200: page(ZProperty) },
      },
      config: manage,
    },
    (req) => svc.listProperty(req.ctx(), req.query),
  );
  app.post(
    '/company-property',
    {
      schema: {
        tags,
        summary: 'Record property, a loan or a receivables document given to a person',
        body: ZPropertyCreate,
        response: { 201: ZProperty },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await svc.createProperty(req.ctx(), req.body)),
  );
  app.post(
    '/company-property/:id/return',
    {
      schema: { tags, summary: 'Record its return to the company', params: ZIdParams, body: ZPropertyReturn, response: { 200: ZProperty } },
      config: manage,
    },
    (req) => svc.returnProperty(req.ctx(), req.params.id, req.body),
  );
  app.get(
    '/users/:id/confidentiality',
    {
      schema: {
        tags,
        summary: 'SEC-3: the confidentiality agreement signed at hire (null: none recorded)',
        params: ZIdParams,
        response: { 200: ZConfidentiality.nullable() },
      },
      config: { permission: 'users.read' },
    },
    (req) => svc.getConfidentiality(req.ctx(), req.params.id),
  );
  app.put(
    '/users/:id/confidentiality',
    {
      schema: {
        tags,
        summary: 'SEC-3: record the agreement (date, version) — HR',
        params: ZIdParams,
        body: ZConfidentialityPut,
        response: { 200: ZConfidentiality },
      },
      config: { permission: 'users.manage' },
    },
    (req) => svc.putConfidentiality(req.ctx(), req.params.id, req.body),
  );
}
