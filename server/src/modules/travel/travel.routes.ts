import { exportLang, sendWorkbook, workbookResponse } from '../../files';
import { exportClaims, exportTrips } from './travel.export';
import {
  exportQuery,
  ZApprovalDecision,
  ZExtensionRequest,
  ZFinanceExportQuery,
  ZIdParams,
  ZTravelAdvance,
  ZTravelAdvanceCreate,
  ZTravelAdvanceListQuery,
  ZTravelClaim,
  ZTravelClaimCreate,
  ZTravelClaimListQuery,
  ZTravelDecision,
  ZTravelLog,
  ZTravelLogCreate,
  ZTravelLink,
  ZTravelLinkParams,
  ZTravelLinkQuery,
  ZTravelLogDays,
  ZTravelReceipt,
  ZTravelRequest,
  ZTravelRequestCreate,
  ZTravelRequestListQuery,
  ZTravelRequestSummary,
  ZVersion,
  page,
} from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import type { FileDeps } from '../../files';
import * as advances from './advances.service';
import * as claims from './claims.service';
import { financeExport } from './finance-export';
import * as links from './links.service';
import * as logs from './logs.service';
import * as svc from './travel.service';
import { readUpload, contentDisposition, sendDownload } from '../../files';

const ZVersionBody = z.strictObject({ version: ZVersion });
const binary = (description: string) => ({
  description,
  content: { 'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
});

/** TR-1..4, AT-2/3, FS-3: travel requests, advances, daily travel logs, allowances, claims and the finance export. */
export function travelRoutes(app: App, deps: FileDeps) {
  const tags = ['travel'];
  const anyTravel = {}; // reads: any of travel.request / approve / finance, checked in the service (GM and finance hold no travel.request)
  const request = { permission: 'travel.request' as const };
  const approve = { permission: 'travel.approve' as const };
  const finance = { permission: 'travel.finance' as const };

  app.post(
    '/travel-requests',
    {
      schema: {
        tags,
        summary: 'A travel request (出差申请) with its itinerary (TR-1/TR-2); a segment ending before it starts gets 422',
        body: ZTravelRequestCreate,
        response: { 201: ZTravelRequest },
      },
      config: request,
    },
    async (req, reply) => reply.status(201).send(await svc.createRequest(req.ctx(), req.body)),
  );
  app.get(
    '/travel-links',
    {
      schema: {
        tags,
        summary:
          'FS-3: letters (you are on) and service requests (in your scope) whose number or title contains q — the trip form type-ahead',
        querystring: ZTravelLinkQuery,
        response: { 200: z.object({ items: z.array(ZTravelLink) }) },
      },
      config: request,
    },
    (req) => links.searchLinks(req.ctx(), req.query.q),
  );
  app.get(
    '/travel-links/:number',
    {
      schema: {
        tags,
        summary:
          'FS-3: the letter (ZR-000002) or service request (SR-…) with this number; unknown or out of scope is 404 travel.linkUnknown',
        params: ZTravelLinkParams,
        response: { 200: ZTravelLink },
      },
      config: request,
    },
    (req) => links.linkByNumber(req.ctx(), req.params.number),
  );
  app.get(
    '/travel-requests',
    {
      schema: {
        tags,
        summary: 'Trips in your scope: mine, the ones waiting for me (approvals), or all',
        querystring: ZTravelRequestListQuery,
        response: { 200: page(ZTravelRequestSummary) },
      },
      config: anyTravel,
    },
    (req) => svc.listRequests(req.ctx(), req.query),
  );
  app.get(
    '/exports/travel-requests.xlsx',
    {
      schema: {
        tags,
        summary: 'Issue 12 item 9: the trip list with the same filters as GET /travel-requests as Excel (.xlsx), headers in lang',
        querystring: exportQuery(ZTravelRequestListQuery),
        response: workbookResponse,
      },
      config: anyTravel,
    },
    async (req, reply) => sendWorkbook(reply, await exportTrips(req.ctx(), req.query, exportLang(req))),
  );
  app.get(
    '/travel-requests/:id',
    {
      schema: {
        tags,
        summary: 'One trip with its allowance lines and their explanations (TR-3/TR-4), advances and claims',
        params: ZIdParams,
        response: { 200: ZTravelRequest },
      },
      config: anyTravel,
    },
    (req) => svc.getRequest(req.ctx(), req.params.id),
  );
  app.post(
    '/travel-requests/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or reject; plane, taxi and other modes needing prior approval must be named in approvedTransport (422 TR-2)',
        params: ZIdParams,
        body: ZTravelDecision,
        response: { 200: ZTravelRequest },
      },
      config: approve,
    },
    (req) => svc.decideRequest(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/travel-requests/:id/cancel',
    {
      schema: {
        tags,
        summary: 'The traveller withdraws the request',
        params: ZIdParams,
        body: ZVersionBody,
        response: { 200: ZTravelRequest },
      },
      config: request,
    },
    (req) => svc.cancelRequest(req.ctx(), req.params.id, req.body.version),
  );
  app.post(
    '/travel-requests/:id/special-rate',
    {
      schema: {
        tags,
        summary: 'The GM approves or rejects the special-region rate (TR-4; others get 403)',
        params: ZIdParams,
        body: ZApprovalDecision,
        response: { 200: ZTravelRequest },
      },
      config: approve,
    },
    (req) => svc.decideSpecialRate(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/travel-requests/:id/extension',
    {
      schema: {
        tags,
        summary: 'Report days beyond the itinerary for approval (TR-1)',
        params: ZIdParams,
        body: ZExtensionRequest,
        response: { 200: ZTravelRequest },
      },
      config: request,
    },
    (req) => svc.requestExtension(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/travel-requests/:id/extension/decision',
    {
      schema: {
        tags,
        summary: 'Approve or reject the reported extra days (TR-1)',
        params: ZIdParams,
        body: ZApprovalDecision,
        response: { 200: ZTravelRequest },
      },
      config: approve,
    },
    (req) => svc.decideExtension(req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/travel-requests/:id/advances',
    {
      schema: {
        tags,
        summary: 'A travel advance (预支出差款); 422 FS-3 unless the linked letter is complete and approved',
        params: ZIdParams,
        body: ZTravelAdvanceCreate,
        response: { 201: ZTravelAdvance },
      },
      config: request,
    },
    async (req, reply) => reply.status(201).send(await advances.requestAdvance(req.ctx(), req.params.id, req.body)),
  );
  app.get(
    '/travel-advances',
    {
      schema: { tags, summary: 'Advances in your scope', querystring: ZTravelAdvanceListQuery, response: { 200: page(ZTravelAdvance) } },
      config: anyTravel,
    },
    (req) => advances.listAdvances(req.ctx(), req.query),
  );
  app.post(
    '/travel-advances/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or reject an advance (FS-3)',
        params: ZIdParams,
        body: ZApprovalDecision,
        response: { 200: ZTravelAdvance },
      },
      config: approve,
    },
    (req) => advances.decideAdvance(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/travel-advances/:id/pay',
    {
      schema: {
        tags,
        summary: 'Finance pays an approved advance',
        params: ZIdParams,
        body: ZVersionBody,
        response: { 200: ZTravelAdvance },
      },
      config: finance,
    },
    (req) => advances.payAdvance(req.ctx(), req.params.id, req.body.version),
  );

  app.post(
    '/travel-logs',
    {
      schema: {
        tags,
        summary: 'The day’s travel log (出差日志, AT-2): where and what was done; one per day',
        body: ZTravelLogCreate,
        response: { 201: ZTravelLog },
      },
      config: request,
    },
    async (req, reply) => reply.status(201).send(await logs.createLog(req.ctx(), req.body)),
  );
  app.get(
    '/travel-requests/:id/logs',
    {
      schema: {
        tags,
        summary: 'The trip’s days, logs, reporting windows and missing reports (AT-2/AT-3)',
        params: ZIdParams,
        response: { 200: ZTravelLogDays },
      },
      config: anyTravel,
    },
    (req) => logs.logDays(req.ctx(), req.params.id),
  );

  app.post(
    '/travel-requests/:id/claims',
    {
      schema: {
        tags,
        summary: 'A reimbursement claim (报销) against the itinerary; days beyond it without approval get 422 TR-1',
        params: ZIdParams,
        body: ZTravelClaimCreate,
        response: { 201: ZTravelClaim },
      },
      config: request,
    },
    async (req, reply) => reply.status(201).send(await claims.createClaim(req.ctx(), req.params.id, req.body)),
  );
  app.get(
    '/travel-claims',
    {
      schema: {
        tags,
        summary: 'Claims in your scope, by status and the month the trip ended',
        querystring: ZTravelClaimListQuery,
        response: { 200: page(ZTravelClaim) },
      },
      config: anyTravel,
    },
    (req) => claims.listClaims(req.ctx(), req.query),
  );
  app.get(
    '/exports/travel-claims.xlsx',
    {
      schema: {
        tags,
        summary: 'Issue 12 item 9: the claim list with the same filters as GET /travel-claims as Excel (.xlsx), in yuan, headers in lang',
        querystring: exportQuery(ZTravelClaimListQuery),
        response: workbookResponse,
      },
      config: anyTravel,
    },
    async (req, reply) => sendWorkbook(reply, await exportClaims(req.ctx(), req.query, exportLang(req))),
  );
  app.get(
    '/travel-claims/:id',
    {
      schema: { tags, summary: 'One claim with its allowance lines and receipts', params: ZIdParams, response: { 200: ZTravelClaim } },
      config: anyTravel,
    },
    (req) => claims.getClaim(req.ctx(), req.params.id),
  );
  app.post(
    '/travel-claims/:id/receipts',
    {
      schema: {
        tags,
        summary: 'Attach a transport receipt (JPEG/PNG/GIF/WebP photo or PDF, typed from its bytes) to your submitted claim',
        consumes: ['multipart/form-data'],
        params: ZIdParams,
        response: { 201: ZTravelReceipt },
      },
      config: request,
    },
    async (req, reply) =>
      reply.status(201).send(await claims.addReceipt(req.ctx(), req.params.id, () => readUpload(req, deps.maxBytes), deps.storage)),
  );
  app.get(
    '/travel-receipts/:id',
    { schema: { tags, summary: 'Download a receipt', params: ZIdParams, response: { 200: binary('The receipt') } }, config: anyTravel },
    async (req, reply) => {
      const file = await claims.readReceipt(req.ctx(), req.params.id, deps.storage);
      return sendDownload(reply, file);
    },
  );
  app.post(
    '/travel-claims/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or reject a claim; transport needs a receipt (TR-1)',
        params: ZIdParams,
        body: ZApprovalDecision,
        response: { 200: ZTravelClaim },
      },
      config: approve,
    },
    (req) => claims.decideClaim(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/travel-claims/:id/pay',
    {
      schema: {
        tags,
        summary: 'Finance pays an approved claim; the advances are settled',
        params: ZIdParams,
        body: ZVersionBody,
        response: { 200: ZTravelClaim },
      },
      config: finance,
    },
    (req) => claims.payClaim(req.ctx(), req.params.id, req.body.version),
  );
  app.get(
    '/travel/finance-export',
    {
      schema: {
        tags,
        summary: 'The month’s claims and allowance lines with explanations as Excel (.xlsx, Chinese headers, yuan)',
        querystring: ZFinanceExportQuery,
        response: { 200: binary('The workbook') },
      },
      config: finance,
    },
    async (req, reply) => {
      const file = await financeExport(req.ctx(), req.query.month);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'private, no-cache')
        .send(file.data);
    },
  );
}
