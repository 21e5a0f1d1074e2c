import {
  ZChangeRequestDecision,
  ZChangeRequestUpdate,
  ZEscalationAnswer,
  ZEscalationParams,
  ZIdParams,
  ZTicket,
  ZTicketCreate,
  ZTicketDashboard,
  ZTicketEntry,
  ZTicketCannotWait,
  ZTicketEscalate,
  ZTicketListQuery,
  ZTicketRecord,
  ZTicketReply,
  ZTicketSummary,
  ZTicketTransition,
  ZTicketUpdate,
  page,
} from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import * as changes from './change-requests.service';
import { dashboard } from './dashboard.service';
import * as escalations from './escalations.service';
import { getTicket } from './tickets.detail';
import { createTicket } from './tickets.intake';
import * as svc from './tickets.service';
import * as tl from './tickets.timeline';

/** SR-1..13: service requests (服务请求) — intake, flow, timeline, escalation, change requests, dashboard. */
export function ticketsRoutes(app: App) {
  const tags = ['tickets'];
  const read = { permission: 'tickets.read' as const };

  app.get(
    '/tickets',
    {
      schema: {
        tags,
        summary: 'Service requests in your scope: filters, full-text search (中文 and English), keyset pages, newest first',
        querystring: ZTicketListQuery,
        response: { 200: page(ZTicketSummary) },
      },
      config: read,
    },
    (req) => svc.listTickets(req.ctx(), req.query),
  );
  app.get(
    '/tickets/dashboard',
    {
      schema: {
        tags,
        summary: 'Supervisor dashboard: open by state and priority, breaching, load, today’s unsolved (SR-5, SLA-4, FS-11)',
        response: { 200: ZTicketDashboard },
      },
      config: { permission: 'tickets.assign' as const },
    },
    (req) => dashboard(req.ctx()),
  );
  app.post(
    '/tickets',
    {
      schema: {
        tags,
        summary: 'Create a request (SR-1..4): number, priority, eligibility, SLA due times, automatic assignment. Accepts Idempotency-Key.',
        body: ZTicketCreate,
        response: { 201: ZTicket },
      },
      config: { permission: 'tickets.create' as const },
    },
    async (req, reply) => reply.status(201).send(await createTicket(req.ctx(), req.body)),
  );
  app.get(
    '/tickets/:id',
    {
      schema: { tags, summary: 'One request with its SLA clocks and their explanations', params: ZIdParams, response: { 200: ZTicket } },
      config: read,
    },
    (req) => getTicket(req.ctx(), req.params.id),
  );
  app.patch(
    '/tickets/:id',
    {
      schema: {
        tags,
        summary: 'Edit a request (send the version you read); urgency/impact recompute the priority (SR-3)',
        params: ZIdParams,
        body: ZTicketUpdate,
        response: { 200: ZTicket },
      },
      config: { permission: 'tickets.work' as const },
    },
    (req) => svc.updateTicket(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/tickets/:id/transitions',
    {
      schema: {
        tags,
        summary:
          'Move a request: assign, accept, start, wait, resume, resolve, confirm (with rating), reject (reopen), close, cancel. 409 when illegal.',
        params: ZIdParams,
        body: ZTicketTransition,
        response: { 200: ZTicket },
      },
      config: read,
    },
    (req) => svc.transition(req.ctx(), req.params.id, req.body),
  );
  app.get(
    '/tickets/:id/timeline',
    {
      schema: {
        tags,
        summary: 'The timeline (SR-10); customers see public entries only',
        params: ZIdParams,
        response: { 200: z.array(ZTicketEntry) },
      },
      config: read,
    },
    (req) => tl.timeline(req.ctx(), req.params.id),
  );
  app.post(
    '/tickets/:id/replies',
    {
      schema: {
        tags,
        summary: 'A public reply or an internal note (SR-8)',
        params: ZIdParams,
        body: ZTicketReply,
        response: { 201: ZTicketEntry },
      },
      config: read,
    },
    async (req, reply) => reply.status(201).send(await tl.reply(req.ctx(), req.params.id, req.body)),
  );
  app.post(
    '/tickets/:id/records',
    {
      schema: {
        tags,
        summary: 'Time spent, parts used (CU-2), committed resolution time (SR-8), market information (SR-13)',
        params: ZIdParams,
        body: ZTicketRecord,
        response: { 201: ZTicketEntry },
      },
      config: { permission: 'tickets.work' as const },
    },
    async (req, reply) => reply.status(201).send(await tl.addRecord(req.ctx(), req.params.id, req.body)),
  );
  app.post(
    '/tickets/:id/escalations',
    {
      schema: {
        tags,
        summary: 'Escalate to tier 2, consult the product expert, or raise to R&D (SR-6)',
        params: ZIdParams,
        body: ZTicketEscalate,
        response: { 200: ZTicket },
      },
      config: { permission: 'tickets.work' as const },
    },
    (req) => escalations.escalate(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/tickets/:id/cannot-wait',
    {
      schema: {
        tags,
        summary: 'The customer cannot wait: escalate to the supervisor to re-allocate (SR-5)',
        params: ZIdParams,
        body: ZTicketCannotWait,
        response: { 200: ZTicket },
      },
      config: read,
    },
    (req) => escalations.customerCannotWait(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/tickets/:id/escalations/:escalationId/answer',
    {
      schema: {
        tags,
        summary: 'Feed the solution back (SR-6)',
        params: ZEscalationParams,
        body: ZEscalationAnswer,
        response: { 200: ZTicket },
      },
      config: { permission: 'tickets.work' as const },
    },
    (req) => escalations.answerEscalation(req.ctx(), req.params.id, req.params.escalationId, req.body.answer),
  );
  app.patch(
    '/tickets/:id/change-request',
    {
      schema: {
        tags,
        summary: 'The change request’s written record (SR-12)',
        params: ZIdParams,
        body: ZChangeRequestUpdate,
        response: { 200: ZTicket },
      },
      config: { permission: 'tickets.work' as const },
    },
    (req) => changes.updateChangeRequest(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/tickets/:id/change-request/decision',
    {
      schema: {
        tags,
        summary: 'The GM approves or rejects a change request (SR-12)',
        params: ZIdParams,
        body: ZChangeRequestDecision,
        response: { 200: ZTicket },
      },
      config: { permission: 'tickets.approve' as const },
    },
    (req) => changes.decideChangeRequest(req.ctx(), req.params.id, req.body),
  );
}
