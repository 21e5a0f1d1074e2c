import { exportLang, sendWorkbook, workbookResponse } from '../../files';
import { exportLeave } from './leave.export';
import {
  exportQuery,
  ZIdParams,
  ZLeaveDecision,
  ZLeaveFormArchive,
  ZLeaveListQuery,
  ZLeaveRequest,
  ZLeaveRequestCreate,
  ZStandInList,
  ZStandInQuery,
  ZVersion,
  page,
} from '@techserve/core';
import { z } from 'zod';
import { type FileDeps, sendDownload } from '../../files';
import type { App } from '../../http/app-types';
import { archiveEmergencyForm, emergencyForms, readEmergencyForm } from './leave.archive';
import * as svc from './leave.service';

const ZVersionBody = z.strictObject({ version: ZVersion });

/** RS-4/AT-4: leave requests (请假申请) and their approval. */
export function leaveRoutes(app: App, deps: FileDeps & { companyName: string }) {
  const tags = ['leave'];
  const anyLeave = {}; // reads: leave.request or leave.approve, checked in the service
  const request = { permission: 'leave.request' as const };
  const approve = { permission: 'leave.approve' as const };

  app.post(
    '/leave-requests',
    {
      schema: {
        tags,
        summary: 'File a leave (请假申请): notice by length (RS-4), type (AT-4), stand-in; a late request is flagged for the superior',
        body: ZLeaveRequestCreate,
        response: { 201: ZLeaveRequest },
      },
      config: request,
    },
    async (req, reply) => reply.status(201).send(await svc.createLeave(req.ctx(), req.body)),
  );
  app.get(
    '/leave-requests',
    {
      schema: {
        tags,
        summary: 'Leave in your scope: mine, the ones waiting for me (approvals), or all',
        querystring: ZLeaveListQuery,
        response: { 200: page(ZLeaveRequest) },
      },
      config: anyLeave,
    },
    (req) => svc.listLeave(req.ctx(), req.query),
  );
  app.get(
    '/exports/leave-requests.xlsx',
    {
      schema: {
        tags: tags,
        summary: 'Issue 12 item 9: the leave list with the same filters as GET /leave-requests as Excel (.xlsx), headers in lang',
        querystring: exportQuery(ZLeaveListQuery),
        response: workbookResponse,
      },
      config: anyLeave,
    },
    async (req, reply) => sendWorkbook(reply, await exportLeave(req.ctx(), req.query, exportLang(req))),
  );
  app.get(
    '/leave-requests/:id',
    {
      schema: { tags, summary: 'One leave with its notice explanation', params: ZIdParams, response: { 200: ZLeaveRequest } },
      config: anyLeave,
    },
    (req) => svc.getLeave(req.ctx(), req.params.id),
  );
  app.post(
    '/leave-requests/:id/decision',
    {
      schema: {
        tags,
        summary: 'The superior approves or rejects (not one’s own)',
        params: ZIdParams,
        body: ZLeaveDecision,
        response: { 200: ZLeaveRequest },
      },
      config: approve,
    },
    (req) => svc.decideLeave(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/leave-requests/:id/cancel',
    {
      schema: {
        tags,
        summary: 'The applicant withdraws it (an approved one before its first day)',
        params: ZIdParams,
        body: ZVersionBody,
        response: { 200: ZLeaveRequest },
      },
      config: request,
    },
    (req) => svc.cancelLeave(req.ctx(), req.params.id, req.body.version),
  );
  app.post(
    '/leave-requests/:id/certificate',
    {
      schema: {
        tags,
        summary: 'The medical certificate of a sick leave was handed in (AT-4)',
        params: ZIdParams,
        body: ZVersionBody,
        response: { 200: ZLeaveRequest },
      },
      config: approve,
    },
    (req) => svc.recordCertificate(req.ctx(), req.params.id, req.body.version),
  );
  // RS-4b: the client IT office or supervision unit signs and archives a resident's emergency leave form (a PDF).
  const client = { permission: 'personnel.client' as const };
  app.get(
    '/client-emergency-leave',
    {
      schema: {
        tags,
        summary: 'The emergency leave forms of the site’s residents, archived or waiting (RS-4b)',
        response: { 200: z.strictObject({ items: z.array(ZLeaveRequest) }) },
      },
      config: client,
    },
    (req) => emergencyForms(req.ctx()),
  );
  app.post(
    '/leave-requests/:id/form-archive',
    {
      schema: {
        tags,
        summary: 'Sign and archive an emergency leave form as a PDF (RS-4b)',
        params: ZIdParams,
        body: ZLeaveFormArchive,
        response: { 200: ZLeaveRequest },
      },
      config: client,
    },
    (req) => archiveEmergencyForm(req.ctx(), req.params.id, req.body, deps),
  );
  app.get(
    '/leave-requests/:id/form.pdf',
    {
      schema: {
        tags,
        summary: 'The archived emergency leave form (PDF)',
        params: ZIdParams,
        response: {
          200: {
            description: 'The stored file',
            content: { 'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
          },
        },
      },
      config: anyLeave,
    },
    async (req, reply) => sendDownload(reply, await readEmergencyForm(req.ctx(), req.params.id, deps.storage)),
  );
  app.get(
    '/leave/stand-ins',
    {
      schema: {
        tags,
        summary: 'Colleagues of your department who may stand in while you are away (RS-4), your team first',
        querystring: ZStandInQuery,
        response: { 200: ZStandInList },
      },
      config: request,
    },
    (req) => svc.standInCandidates(req.ctx(), req.query.q),
  );
}
