import {
  ZChangeRequestSubmit,
  ZClientApprovalItem,
  ZClientApprovalParams,
  ZHandoverFormSign,
  ZHandoverStart,
  ZHandoverTick,
  ZIdParams,
  ZId,
  ZNewcomerTest,
  ZOk,
  ZPersonnelChange,
  ZPersonnelChangeListQuery,
  ZPersonnelCancel,
  ZPersonnelDecision,
  ZPersonnelNoticeCreate,
  ZReplacementCreate,
  page,
} from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import { type FileDeps, readUpload, sendDownload } from '../../files';
import { clientDecision, clientInbox } from './personnel.inbox';
import { cancelChange } from './personnel.cancel';
import * as svc from './personnel.service';
import { readHandoverPdf, readSignatureImage, signHandoverForm } from './personnel.signing';

const binary = {
  200: {
    description: 'The stored file',
    content: { 'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
  },
};

/** RS-6/RS-7/RS-4b: changes of resident personnel (人员变更), handover and its confirmation form; the client's second approvals. */
export function personnelRoutes(app: App, deps: FileDeps & { companyName: string }) {
  const tags = ['personnel'];
  const sign = { permission: 'personnel.sign' as const }; // everyone who may take part; the scope decides what they see
  const manage = { permission: 'personnel.manage' as const };
  const approve = { permission: 'personnel.approve' as const };
  const client = { permission: 'personnel.client' as const };

  app.get(
    '/personnel-changes',
    {
      schema: {
        tags,
        summary: 'Changes of resident personnel in my scope (RS-6/RS-7)',
        querystring: ZPersonnelChangeListQuery,
        response: { 200: page(ZPersonnelChange) },
      },
      config: sign,
    },
    (req) => svc.listChanges(req.ctx(), req.query),
  );
  app.get(
    '/personnel-changes/:id',
    {
      schema: {
        tags,
        summary: 'A change with its timeline, checklist and signatures',
        params: ZIdParams,
        response: { 200: ZPersonnelChange },
      },
      config: sign,
    },
    (req) => svc.getChange(req.ctx(), req.params.id),
  );
  app.post(
    '/personnel-changes',
    {
      schema: {
        tags,
        summary:
          'Announce a change of a resident (人员变动通知, RS-6): a month ahead; the change request becomes due 12 working days before',
        body: ZPersonnelNoticeCreate,
        response: { 201: ZPersonnelChange },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await svc.announceChange(req.ctx(), req.body)),
  );
  app.post(
    '/personnel-replacements',
    {
      schema: {
        tags,
        summary: 'The client IT office asks to replace a resident of its site (RS-7): done within 15 working days',
        body: ZReplacementCreate,
        response: { 201: ZPersonnelChange },
      },
      config: client,
    },
    async (req, reply) => reply.status(201).send(await svc.requestReplacement(req.ctx(), req.body)),
  );
  app.post(
    '/personnel-changes/:id/cv',
    {
      schema: {
        tags,
        summary: 'Upload the newcomer’s CV and qualification certificates (RS-6)',
        description:
          'multipart/form-data with a `file` part: PDF, an image or an Office document; anything else gets 415, an oversize file 413.',
        consumes: ['multipart/form-data'],
        params: ZIdParams,
        response: { 200: ZPersonnelChange },
      },
      config: manage,
    },
    (req) => svc.uploadCv(req.ctx(), req.params.id, () => readUpload(req, deps.maxBytes), deps.storage),
  );
  app.get(
    '/personnel-changes/:id/cv',
    { schema: { tags, summary: 'Download the newcomer’s CV', params: ZIdParams, response: binary }, config: sign },
    async (req, reply) => sendDownload(reply, await svc.readCv(req.ctx(), req.params.id, deps.storage)),
  );
  app.post(
    '/personnel-changes/:id/request',
    {
      schema: {
        tags,
        summary:
          'File the change request (人员变更申请) with the newcomer (RS-6: at least 12 working days before the change, else 422 RS-6)',
        params: ZIdParams,
        body: ZChangeRequestSubmit,
        response: { 200: ZPersonnelChange },
      },
      config: manage,
    },
    (req) => svc.submitRequest(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/personnel-changes/:id/decision',
    {
      schema: {
        tags,
        summary: 'The company’s approval (then the client’s)',
        params: ZIdParams,
        body: ZPersonnelDecision,
        response: { 200: ZPersonnelChange },
      },
      config: approve,
    },
    (req) => svc.companyDecide(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/personnel-changes/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a change in progress: the filer or HR before the client’s approval, the client after it (RS-6/RS-7)',
        params: ZIdParams,
        body: ZPersonnelCancel,
        response: { 200: ZPersonnelChange },
      },
      config: sign,
    },
    (req) => cancelChange(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/personnel-changes/:id/handover',
    {
      schema: {
        tags,
        summary: 'Start the handover (at least 10 working days of the site, RS-6/RS-7)',
        params: ZIdParams,
        body: ZHandoverStart,
        response: { 200: ZPersonnelChange },
      },
      config: manage,
    },
    (req) => svc.startHandover(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/personnel-changes/:id/checklist',
    {
      schema: {
        tags,
        summary: 'Tick an item of the handover checklist (RS-6)',
        params: ZIdParams,
        body: ZHandoverTick,
        response: { 200: ZPersonnelChange },
      },
      config: manage,
    },
    (req) => svc.tickChecklist(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/personnel-changes/:id/test',
    {
      schema: {
        tags,
        summary: 'The client’s test of the newcomer (RS-6)',
        params: ZIdParams,
        body: ZNewcomerTest,
        response: { 200: ZPersonnelChange },
      },
      config: client,
    },
    (req) => svc.recordTest(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/personnel-changes/:id/signatures',
    {
      schema: {
        tags,
        summary:
          'Sign the handover confirmation form (工作交接确认表): drawn on the device or approved in the app; the last signature archives the PDF',
        params: ZIdParams,
        body: ZHandoverFormSign,
        response: { 200: ZPersonnelChange },
      },
      config: sign,
    },
    (req) => signHandoverForm(req.ctx(), req.params.id, req.body, deps),
  );
  app.get(
    '/personnel-changes/:id/form.pdf',
    { schema: { tags, summary: 'The archived handover confirmation form (PDF)', params: ZIdParams, response: binary }, config: sign },
    async (req, reply) => sendDownload(reply, await readHandoverPdf(req.ctx(), req.params.id, deps.storage)),
  );
  app.get(
    '/personnel-changes/:id/signatures/:signatureId',
    {
      schema: { tags, summary: 'A signature drawn on the form', params: z.strictObject({ id: ZId, signatureId: ZId }), response: binary },
      config: sign,
    },
    async (req, reply) => sendDownload(reply, await readSignatureImage(req.ctx(), req.params.id, req.params.signatureId, deps.storage)),
  );

  app.get(
    '/client-approvals',
    {
      schema: {
        tags,
        summary: 'What waits for the client IT office’s second approval (RS-4b leave extensions, item 3 corrections, RS-6 changes)',
        response: { 200: z.object({ items: z.array(ZClientApprovalItem) }) },
      },
      config: client,
    },
    (req) => clientInbox(req.ctx()),
  );
  app.post(
    '/client-approvals/:kind/:id',
    {
      schema: {
        tags,
        summary: 'The client IT office decides an item of its inbox',
        params: ZClientApprovalParams,
        body: ZPersonnelDecision,
        response: { 200: ZOk },
      },
      config: client,
    },
    (req) => clientDecision(req.ctx(), req.params.kind, req.params.id, req.body),
  );
}
