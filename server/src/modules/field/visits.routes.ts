import {
  ZCheckInCreate,
  ZDifficultyReportCreate,
  ZExpertConsultCreate,
  ZExtraTaskCreate,
  ZExtraTaskCustomerSign,
  ZFieldIdParams,
  ZMissingDifficultyReportList,
  ZMyJobList,
  ZPartUsedCreate,
  ZReturnDecline,
  ZReturnRequestCreate,
  ZServiceRecordPut,
  ZSignOffCreate,
  ZVersionOnly,
  ZVisit,
  ZVisitFile,
  ZVisitFileParams,
  ZVisitTaskParams,
} from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import * as extraTasks from './extra-tasks.service';
import * as records from './records.service';
import * as returns from './returns.service';
import * as signoff from './signoff.service';
import * as visits from './visits.service';
import { readImageUpload } from './visits.upload';
import { type FileDeps, sendDownload } from '../../files';

const binary = (description: string, type: string) => ({
  200: { description, content: { [type]: { schema: z.any().meta({ type: 'string', format: 'binary' }) } } },
});

/** FS-5..FS-9 on site: my jobs, check-in/out, service record, photos, extra tasks, sign-off with PDF, return. */
/** What the field routes need: file storage and the company's name (printed on service records). */
export type FieldRouteDeps = FileDeps & { companyName: string };

export function visitsRoutes(app: App, deps: FieldRouteDeps) {
  const tags = ['field'];
  const read = { permission: 'field.read' as const };
  const work = { permission: 'field.work' as const };
  const approve = { permission: 'field.approve' as const };
  const visit = (summary: string, status = 200) => ({ tags, summary, params: ZFieldIdParams, response: { [status]: ZVisit } });

  app.get(
    '/field/my-jobs',
    {
      schema: { tags, summary: 'The signed-in engineer’s visits: today’s first, then upcoming (FS-5)', response: { 200: ZMyJobList } },
      config: work,
    },
    (req) => visits.myJobs(req.ctx()),
  );
  app.get(
    '/field/letters/:id/visit',
    { schema: visit('Everything recorded on site for a letter, and what the reader may do now (FS-5..9)'), config: read },
    (req) => visits.getVisit(req.ctx(), req.params.id),
  );
  app.post(
    '/field/letters/:id/check-ins',
    {
      schema: {
        ...visit(
          'Check in on arrival (confirming the service time with the customer) or check out; server time, browser position (FS-5); the first arrival meets the request’s on-site SLA',
          201,
        ),
        body: ZCheckInCreate,
      },
      config: work,
    },
    async (req, reply) => reply.status(201).send(await visits.checkIn(req.ctx(), req.params.id, req.body)),
  );

  // FS-6 service record
  app.put(
    '/field/letters/:id/service-record',
    {
      schema: { ...visit('Create or update the service record (FS-6); version omitted on create'), body: ZServiceRecordPut },
      config: work,
    },
    (req) => records.putServiceRecord(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/field/letters/:id/parts',
    {
      schema: {
        ...visit('A part used; with installedProductId it is recorded as a replacement and extends the warranty (FS-6, CU-2)', 201),
        body: ZPartUsedCreate,
      },
      config: work,
    },
    async (req, reply) => reply.status(201).send(await records.addPart(req.ctx(), req.params.id, req.body)),
  );
  app.post(
    '/field/letters/:id/expert-consults',
    {
      schema: {
        ...visit('The product expert consulted and the answer; an internal note on the request (FS-6)', 201),
        body: ZExpertConsultCreate,
      },
      config: work,
    },
    async (req, reply) => reply.status(201).send(await records.addExpertConsult(req.ctx(), req.params.id, req.body)),
  );
  app.post(
    '/field/letters/:id/photos',
    {
      schema: {
        tags,
        summary: 'A photo from site, also attached to the request (FS-6)',
        description: `multipart/form-data with an image \`file\` (JPEG, PNG, GIF or WebP by its bytes; at most ${Math.round(deps.maxBytes / 1048576)} MB) and an optional \`purpose\` ('photo' or 'difficulty'). Not an image → 415, too large → 413.`,
        consumes: ['multipart/form-data'],
        params: ZFieldIdParams,
        response: { 201: ZVisitFile },
      },
      config: work,
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await records.uploadPhoto(req.ctx(), req.params.id, () => readImageUpload(req, deps.maxBytes, ['purpose']), deps.storage)),
  );
  app.post(
    '/field/letters/:id/difficulty-report',
    {
      schema: {
        ...visit('The written report on an unsolved problem, due the same company-local day (FS-6)', 201),
        body: ZDifficultyReportCreate,
      },
      config: work,
    },
    async (req, reply) => reply.status(201).send(await records.fileDifficultyReport(req.ctx(), req.params.id, req.body)),
  );
  app.get(
    '/field/difficulty-reports/missing',
    {
      schema: {
        tags,
        summary: 'Letters whose same-day difficulty report is due and missing (FS-6)',
        response: { 200: ZMissingDifficultyReportList },
      },
      config: read,
    },
    (req) => records.missingDifficultyReports(req.ctx()),
  );

  // FS-7 extra tasks
  app.post(
    '/field/letters/:id/extra-tasks',
    { schema: { ...visit('An extra task found on site, with its estimate (FS-7)', 201), body: ZExtraTaskCreate }, config: work },
    async (req, reply) => reply.status(201).send(await extraTasks.createExtraTask(req.ctx(), req.params.id, req.body)),
  );
  app.post(
    '/field/letters/:id/extra-tasks/:taskId/customer-sign',
    {
      schema: {
        tags,
        summary: 'The customer signs the finished extra task on the engineer’s device (FS-7)',
        params: ZVisitTaskParams,
        body: ZExtraTaskCustomerSign,
        response: { 200: ZVisit },
      },
      config: work,
    },
    (req) => extraTasks.customerSignTask(req.ctx(), req.params.id, req.params.taskId, req.body, deps.storage),
  );
  app.post(
    '/field/letters/:id/extra-tasks/:taskId/countersign',
    {
      schema: {
        tags,
        summary: 'The supervisor countersigns the extra task on return (FS-7)',
        params: ZVisitTaskParams,
        body: ZVersionOnly,
        response: { 200: ZVisit },
      },
      config: approve,
    },
    (req) => extraTasks.countersignTask(req.ctx(), req.params.id, req.params.taskId, req.body),
  );

  // FS-8 sign-off
  app.post(
    '/field/letters/:id/sign-off',
    {
      schema: {
        ...visit(
          'The customer rates attitude, skill and result (优/良/中/差) and signs; or the reason it is unsigned (FS-8). Creates the PDF, rates the request, mails the contact',
          201,
        ),
        body: ZSignOffCreate,
      },
      config: work,
    },
    async (req, reply) => reply.status(201).send(await signoff.signOff(req.ctx(), req.params.id, req.body, deps)),
  );
  app.get(
    '/field/letters/:id/service-record.pdf',
    {
      schema: {
        tags,
        summary: 'The service record PDF: the signed one, or a live one marked unsigned (FS-8)',
        params: ZFieldIdParams,
        response: binary('The PDF', 'application/pdf'),
      },
      config: read,
    },
    async (req, reply) =>
      sendDownload(reply, { ...(await signoff.serviceRecordPdf(req.ctx(), req.params.id, deps)), contentType: 'application/pdf' }),
  );
  app.get(
    '/field/visit-files/:fileId',
    {
      schema: {
        tags,
        summary: 'A photo or PDF of a letter in your scope',
        params: ZVisitFileParams,
        response: binary('The file', 'application/octet-stream'),
      },
      config: read,
    },
    async (req, reply) => sendDownload(reply, await signoff.readVisitFile(req.ctx(), req.params.fileId, deps.storage)),
  );
  app.get(
    '/field/visit-signatures/:fileId',
    {
      schema: {
        tags,
        summary: 'A customer’s signature image of a letter in your scope (FS-7/FS-8)',
        params: ZVisitFileParams,
        response: binary('The image', 'image/png'),
      },
      config: read,
    },
    async (req, reply) => sendDownload(reply, await signoff.readSignature(req.ctx(), req.params.fileId, deps.storage)),
  );

  // FS-9 return
  app.post(
    '/field/letters/:id/return-request',
    { schema: { ...visit('Report the job done and the return plan (FS-9)'), body: ZReturnRequestCreate }, config: work },
    (req) => returns.requestReturn(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/field/letters/:id/return-approve',
    { schema: { ...visit('Approve the return (FS-9)'), body: ZVersionOnly }, config: approve },
    (req) => returns.approveReturn(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/field/letters/:id/return-decline',
    { schema: { ...visit('Decline the return with a reason; the engineer stays on site (FS-9)'), body: ZReturnDecline }, config: approve },
    (req) => returns.declineReturn(req.ctx(), req.params.id, req.body),
  );
}
