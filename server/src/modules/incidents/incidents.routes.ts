import { exportLang, sendWorkbook, workbookResponse } from '../../files';
import { exportComplaints, exportIncidents } from './incidents.export';
import {
  exportQuery,
  ZComplaint,
  ZComplaintAcknowledge,
  ZComplaintConfirmation,
  ZComplaintCreate,
  ZComplaintHandle,
  ZComplaintListQuery,
  ZComplaintRaise,
  ZIdParams,
  ZIncident,
  ZAdjustment,
  ZIncidentAdjustmentCreate,
  ZIncidentCreate,
  ZIncidentListQuery,
  ZIncidentNotice,
  ZIncidentReflection,
  ZIncidentResolve,
  ZIncidentReview,
  ZIncidentUpdate,
  ZIncidentVoid,
  page,
} from '@techserve/core';
import type { App } from '../../http/app-types';
import * as complaints from './complaints.service';
import * as documents from './incident-documents.service';
import * as incidents from './incidents.service';

/** SR-14 complaints (客户投诉) and IN-1..3 incidents (服务事故). */
export function incidentsRoutes(app: App) {
  const read = { permission: 'incidents.read' as const };
  const report = { permission: 'incidents.report' as const };
  const manage = { permission: 'incidents.manage' as const };
  const tags = ['incidents'];

  app.post(
    '/complaints',
    {
      schema: {
        tags,
        summary: 'Register a complaint (SR-14): who complained, to whom, about whom and what; the incident class it proposes',
        body: ZComplaintCreate,
        response: { 201: ZComplaint },
      },
      config: report,
    },
    async (req, reply) => reply.status(201).send(await complaints.createComplaint(req.ctx(), req.body)),
  );
  app.get(
    '/complaints',
    {
      schema: { tags, summary: 'Complaints in your scope', querystring: ZComplaintListQuery, response: { 200: page(ZComplaint) } },
      config: read,
    },
    (req) => complaints.listComplaints(req.ctx(), req.query),
  );
  app.get(
    '/exports/complaints.xlsx',
    {
      schema: {
        tags,
        summary: 'Issue 12 item 9: the complaint list with the same filters as GET /complaints as Excel (.xlsx), headers in lang',
        querystring: exportQuery(ZComplaintListQuery),
        response: workbookResponse,
      },
      config: read,
    },
    async (req, reply) => sendWorkbook(reply, await exportComplaints(req.ctx(), req.query, exportLang(req))),
  );
  app.get(
    '/complaints/:id',
    { schema: { tags, summary: 'One complaint', params: ZIdParams, response: { 200: ZComplaint } }, config: read },
    (req) => complaints.getComplaint(req.ctx(), req.params.id),
  );
  app.post(
    '/complaints/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'The department takes the complaint up',
        params: ZIdParams,
        body: ZComplaintAcknowledge,
        response: { 200: ZComplaint },
      },
      config: manage,
    },
    (req) => complaints.acknowledgeComplaint(req.ctx(), req.params.id, req.body.version, req.body.note),
  );
  app.post(
    '/complaints/:id/handle',
    {
      schema: { tags, summary: 'What was done about it', params: ZIdParams, body: ZComplaintHandle, response: { 200: ZComplaint } },
      config: manage,
    },
    (req) => complaints.handleComplaint(req.ctx(), req.params.id, req.body.version, req.body.handling),
  );
  app.post(
    '/complaints/:id/confirmation',
    {
      schema: {
        tags,
        summary: "The customer's confirmation: satisfied closes it, not satisfied sends it back to be handled again",
        params: ZIdParams,
        body: ZComplaintConfirmation,
        response: { 200: ZComplaint },
      },
      config: manage,
    },
    (req) => complaints.confirmComplaint(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/complaints/:id/incident',
    {
      schema: {
        tags,
        summary: 'Raise the incident the complaint proposes (IN-1/IN-2), or the class chosen',
        params: ZIdParams,
        body: ZComplaintRaise,
        response: { 201: ZIncident },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.status(201).send(await incidents.raiseFromComplaint(req.ctx(), req.params.id, req.body.version, req.body.classId)),
  );

  app.post(
    '/incidents',
    {
      schema: {
        tags,
        summary:
          'Record an incident (IN-1/IN-2): its class and the request, visit or complaint it concerns are required; a Class I alerts the supervisor and R&D',
        body: ZIncidentCreate,
        response: { 201: ZIncident },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await incidents.createIncident(req.ctx(), req.body)),
  );
  app.get(
    '/incidents',
    {
      schema: { tags, summary: 'Incidents in your scope', querystring: ZIncidentListQuery, response: { 200: page(ZIncident) } },
      config: read,
    },
    (req) => incidents.listIncidents(req.ctx(), req.query),
  );
  app.get(
    '/exports/incidents.xlsx',
    {
      schema: {
        tags,
        summary: 'Issue 12 item 9: the incident list with the same filters as GET /incidents as Excel (.xlsx), headers in lang',
        querystring: exportQuery(ZIncidentListQuery),
        response: workbookResponse,
      },
      config: read,
    },
    async (req, reply) => sendWorkbook(reply, await exportIncidents(req.ctx(), req.query, exportLang(req))),
  );
  app.get(
    '/incidents/:id',
    {
      schema: { tags, summary: 'One incident with its reflection and notice', params: ZIdParams, response: { 200: ZIncident } },
      config: read,
    },
    (req) => incidents.getIncident(req.ctx(), req.params.id),
  );
  app.patch(
    '/incidents/:id',
    {
      schema: {
        tags,
        summary: 'Correct the class, basis, engineer (while open) or text, with the reason',
        params: ZIdParams,
        body: ZIncidentUpdate,
        response: { 200: ZIncident },
      },
      config: manage,
    },
    (req) => incidents.updateIncident(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/incidents/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Resolved: the reflection and the notice fall due (IN-1, IN-3)',
        params: ZIdParams,
        body: ZIncidentResolve,
        response: { 200: ZIncident },
      },
      config: manage,
    },
    (req) => documents.resolveIncident(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/incidents/:id/reflection',
    {
      schema: {
        tags,
        summary: 'The engineer’s reflection (事故反思), after resolution',
        params: ZIdParams,
        body: ZIncidentReflection,
        response: { 200: ZIncident },
      },
      config: read,
    },
    (req) => documents.fileReflection(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/incidents/:id/review',
    {
      schema: {
        tags,
        summary: 'The supervisor’s review with the engineer (事故总结, IN-3), due by the policy after resolution',
        params: ZIdParams,
        body: ZIncidentReview,
        response: { 200: ZIncident },
      },
      config: manage,
    },
    (req) => documents.fileReview(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/incidents/:id/notice',
    {
      schema: {
        tags,
        summary: 'The incident notice (事故通报, IN-3), with the review when it was not filed yet',
        params: ZIdParams,
        body: ZIncidentNotice,
        response: { 200: ZIncident },
      },
      config: manage,
    },
    (req) => documents.fileNotice(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/incidents/:id/void',
    {
      schema: {
        tags,
        summary: 'Recorded in error: voided with the reason',
        params: ZIdParams,
        body: ZIncidentVoid,
        response: { 200: ZIncident },
      },
      config: manage,
    },
    (req) => incidents.voidIncident(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/incidents/:id/adjustments',
    {
      schema: {
        tags,
        summary: "Correct a closed month's incident: an adjustment of the next open month (its right class, or that it should not count)",
        params: ZIdParams,
        body: ZIncidentAdjustmentCreate,
        response: { 201: ZAdjustment },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await incidents.bookIncidentAdjustment(req.ctx(), req.params.id, req.body)),
  );
}
