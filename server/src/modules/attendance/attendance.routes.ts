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
  ZPunch,
  ZPunchCreate,
  ZSiteIdParams,
  page,
} from '@techserve/core';
import type { App } from '../../http/app-types';
import * as corrections from './attendance.corrections';
import { importMachineFile } from './attendance.import';
import * as svc from './attendance.service';

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
          'Import a fingerprint/face machine export (CSV, UTF-8 or GBK) with a column mapping; preview, refused rows by line, idempotent',
        body: ZMachineImport,
        response: { 200: ZMachineImportResult },
      },
      config: manage,
    },
    (req) => importMachineFile(req.ctx(), req.body),
  );
}
