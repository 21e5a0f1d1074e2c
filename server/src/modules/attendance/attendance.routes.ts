import {
  ZAbsenceReport,
  ZAbsenceReportCreate,
  ZAttendanceMonth,
  ZAttendanceMonthQuery,
  ZAttendanceRollupList,
  ZAttendanceRollupQuery,
  ZAttendanceSiteSettingsOut,
  ZAttendanceSiteSettingsPut,
  ZAttendanceToday,
  ZCorrection,
  ZCorrectionCreate,
  ZCorrectionDecision,
  ZCorrectionListQuery,
  ZIdParams,
  ZMachineImport,
  ZMachineImportResult,
  ZOvertime,
  ZOvertimeCreate,
  ZOvertimeDecision,
  ZOvertimeLines,
  ZOvertimeLinesQuery,
  ZOvertimeListQuery,
  ZOvertimeMonth,
  ZOvertimeMonthQuery,
  ZPunch,
  ZPunchCreate,
  ZSiteIdParams,
  ZSpotCheck,
  ZSpotCheckCreate,
  ZSpotCheckListQuery,
  page,
} from '@techserve/core';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import { contentDisposition } from '../../files';
import { AppError, errorBody } from '../../http/errors';
import { rollupWorkbook } from './attendance.export';
import { createSpotCheck, listSpotChecks } from './attendance.spot-checks';
import * as corrections from './attendance.corrections';
import { importMachineFile } from './attendance.import';
import * as overtime from './attendance.overtime';
import * as svc from './attendance.service';

const NDJSON = 'application/x-ndjson';

/** RS-1..5, AT-1, AT-3, POL-1: attendance (考勤) — punches, corrections, reported absences, months and roll-ups. */
export function attendanceRoutes(app: App) {
  const tags = ['attendance'];
  const punch = { permission: 'attendance.punch' as const };
  const approve = { permission: 'attendance.approve' as const };
  const read = { permission: 'attendance.read' as const };
  const manage = { permission: 'attendance.manage' as const };
  const anyAttendance = {}; // own data (attendance.punch) or others' in scope (attendance.read), checked in the service

  app.post(
    '/attendance/punches',
    {
      schema: {
        tags,
        summary:
          'Clock in or out (RS-1): the server’s time; position and network checked against the site, a punch outside kept and flagged',
        body: ZPunchCreate,
        response: { 201: ZPunch },
      },
      config: punch,
    },
    async (req, reply) => reply.status(201).send(await svc.punch(req.ctx(), req.body)),
  );
  app.get(
    '/attendance/today',
    {
      schema: { tags, summary: 'The clock-in card: today’s shift, punches and judgement so far', response: { 200: ZAttendanceToday } },
      config: punch,
    },
    (req) => svc.today(req.ctx()),
  );
  app.get(
    '/attendance/month',
    {
      schema: {
        tags,
        summary: 'A person’s month day by day with explanations (own, or in scope with attendance.read)',
        querystring: ZAttendanceMonthQuery,
        response: { 200: ZAttendanceMonth },
      },
      config: anyAttendance,
    },
    (req) => svc.personMonth(req.ctx(), req.query.month, req.query.userId),
  );
  app.get(
    '/attendance/rollup',
    {
      schema: {
        tags,
        summary: 'The month roll-up per person in scope, optionally one site: late, early, absences, the RS-5 explanation due',
        querystring: ZAttendanceRollupQuery,
        response: { 200: ZAttendanceRollupList },
      },
      config: read,
    },
    (req) => svc.rollup(req.ctx(), req.query.month, req.query.siteId),
  );
  app.post(
    '/attendance/corrections',
    {
      schema: {
        tags,
        summary: 'Request a punch correction (补卡) with a reason; the lead decides',
        body: ZCorrectionCreate,
        response: { 201: ZCorrection },
      },
      config: punch,
    },
    async (req, reply) => reply.status(201).send(await corrections.requestCorrection(req.ctx(), req.body)),
  );
  app.get(
    '/attendance/corrections',
    {
      schema: {
        tags,
        summary: 'Corrections: mine, the lead’s inbox, or all in scope',
        querystring: ZCorrectionListQuery,
        response: { 200: page(ZCorrection) },
      },
      config: anyAttendance,
    },
    (req) => corrections.listCorrections(req.ctx(), req.query),
  );
  app.post(
    '/attendance/corrections/:id/decision',
    {
      schema: {
        tags,
        summary: 'The lead approves or rejects a correction (not one’s own); after the month closed it becomes an adjustment',
        params: ZIdParams,
        body: ZCorrectionDecision,
        response: { 200: ZCorrection },
      },
      config: approve,
    },
    (req) => corrections.decideCorrection(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/attendance/absence-reports',
    {
      schema: {
        tags,
        summary: 'Report an absence (RS-3/AT-3): left without permission, a stand-in, unreachable, overstayed leave',
        body: ZAbsenceReportCreate,
        response: { 201: ZAbsenceReport },
      },
      config: approve,
    },
    async (req, reply) => reply.status(201).send(await corrections.reportAbsence(req.ctx(), req.body)),
  );
  app.get(
    '/attendance/sites/:siteId/settings',
    {
      schema: {
        tags,
        summary: 'A site’s geofence, office networks and attendance override (POL-1)',
        params: ZSiteIdParams,
        response: { 200: ZAttendanceSiteSettingsOut },
      },
      config: anyAttendance,
    },
    (req) => svc.getSiteSettings(req.ctx(), req.params.siteId),
  );
  app.put(
    '/attendance/sites/:siteId/settings',
    {
      schema: {
        tags,
        summary: 'Set a site’s geofence, office networks and attendance override (POL-1)',
        params: ZSiteIdParams,
        body: ZAttendanceSiteSettingsPut,
        response: { 200: ZAttendanceSiteSettingsOut },
      },
      config: manage,
    },
    (req) => svc.putSiteSettings(req.ctx(), req.params.siteId, req.body),
  );
  app.post(
    '/attendance/imports',
    {
      // A machine's month for hundreds of people runs to megabytes (base64 in JSON).
      bodyLimit: 40 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import a fingerprint/face machine export (CSV/TSV in UTF-8 or GBK, or .xlsx) with a column mapping; preview, refused rows by line, idempotent; Accept: application/x-ndjson streams progress lines before the result',
        body: ZMachineImport,
        response: { 200: ZMachineImportResult },
      },
      config: manage,
    },
    (req, reply) => {
      if (!(req.headers.accept ?? '').includes(NDJSON)) return importMachineFile(req.ctx(), req.body);
      // The page's progress bar: one JSON line per step ({"progress"}), then {"result"} or {"status","error"}.
      const out = new PassThrough();
      const line = (o: unknown) => out.write(`${JSON.stringify(o)}\n`);
      importMachineFile(req.ctx(), req.body, (progress) => line({ progress }))
        .then(
          (result) => line({ result }),
          (err: unknown) => {
            if (err instanceof AppError) {
              const { ruleId, reason, params, details } = err.extra;
              return line({ status: err.status, ...errorBody(err.code, err.message, { ruleId, reason, params, details }) });
            }
            req.log.error({ err }, 'machine import failed');
            return line({ status: 500, ...errorBody('internal', 'Internal error; it has been logged') });
          },
        )
        .finally(() => out.end());
      // Returning the reply tells Fastify the stream answers; the route's JSON schema types only the plain answer.
      return reply
        .type(NDJSON)
        .header('cache-control', 'no-store')
        .send(out as never) as never;
    },
  );
  app.post(
    '/attendance/overtime',
    {
      schema: {
        tags,
        summary:
          'Request overtime in advance (AT-5), or order it for someone (AT-5b: the project’s manager or the superior); the superior approves',
        body: ZOvertimeCreate,
        response: { 201: ZOvertime },
      },
      config: punch,
    },
    async (req, reply) => reply.status(201).send(await overtime.requestOvertime(req.ctx(), req.body)),
  );
  app.get(
    '/attendance/overtime',
    {
      schema: {
        tags,
        summary: 'Overtime: mine, the superior’s inbox, or all in scope',
        querystring: ZOvertimeListQuery,
        response: { 200: page(ZOvertime) },
      },
      config: anyAttendance,
    },
    (req) => overtime.listOvertime(req.ctx(), req.query),
  );
  app.post(
    '/attendance/overtime/:id/decision',
    {
      schema: {
        tags,
        summary: 'The superior approves or rejects overtime (not their own); a closed month is refused (409)',
        params: ZIdParams,
        body: ZOvertimeDecision,
        response: { 200: ZOvertime },
      },
      config: approve,
    },
    (req) => overtime.decideOvertime(req.ctx(), req.params.id, req.body),
  );
  app.get(
    '/attendance/overtime/month',
    {
      schema: {
        tags,
        summary: 'A person’s approved overtime of a month: hours worked from the punches, paid hours and rate, explained',
        querystring: ZOvertimeMonthQuery,
        response: { 200: ZOvertimeMonth },
      },
      config: anyAttendance,
    },
    (req) => overtime.overtimeMonth(req.ctx(), req.query.month, req.query.userId),
  );
  app.get(
    '/attendance/overtime/lines',
    {
      schema: {
        tags,
        summary: 'The month’s overtime lines of everyone in scope (hours and rate per line): what the payroll reads',
        querystring: ZOvertimeLinesQuery,
        response: { 200: ZOvertimeLines },
      },
      config: read,
    },
    (req) => overtime.overtimeLinesInScope(req.ctx(), req.query.month),
  );
  app.get(
    '/attendance/rollup/export',
    {
      schema: {
        tags,
        summary: 'The month roll-up as Excel (.xlsx, Chinese headers) with a sheet of explanations',
        querystring: ZAttendanceRollupQuery,
        response: {
          200: {
            description: 'The workbook',
            content: { 'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
          },
        },
      },
      config: read,
    },
    async (req, reply) => {
      const file = await rollupWorkbook(req.ctx(), req.query.month, req.query.siteId);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'private, no-cache')
        .send(file.data);
    },
  );
  app.post(
    '/attendance/spot-checks',
    {
      schema: {
        tags,
        summary: 'Spot-check presence at a site (RS-1): who was there now; a stand-in found counts as absence (RS-3)',
        body: ZSpotCheckCreate,
        response: { 201: ZSpotCheck },
      },
      config: { permission: 'attendance.spotcheck' as const },
    },
    async (req, reply) => reply.status(201).send(await createSpotCheck(req.ctx(), req.body)),
  );
  app.get(
    '/attendance/spot-checks',
    {
      schema: {
        tags,
        summary: 'A site’s spot checks of a month (the client IT office: its own site)',
        querystring: ZSpotCheckListQuery,
        response: { 200: z.object({ items: z.array(ZSpotCheck) }) },
      },
      config: anyAttendance,
    },
    (req) => listSpotChecks(req.ctx(), req.query.siteId, req.query.month),
  );
}
