import {
  ZIdParams,
  ZVolumeDecision,
  ZVolumeListQuery,
  ZVolumeProjects,
  ZVolumeReport,
  ZVolumeReportCreate,
  ZVolumeReportUpdate,
  ZVolumeSummary,
  ZVolumeSummaryQuery,
  page,
} from '@techserve/core';
import type { App } from '../../http/app-types';
import * as svc from './volume.service';

/** WR-7: completed work volume (完成工程量统计表), verified by the project manager. */
export function volumeRoutes(app: App) {
  const tags = ['reports'];
  const write = { permission: 'reports.write' as const };
  const inService = {}; // own, the projects one manages, or in scope: checked in the service

  app.get(
    '/volume-reports/projects',
    { schema: { tags, summary: 'The projects I am a member of (to report volume on)', response: { 200: ZVolumeProjects } }, config: write },
    (req) => svc.myProjects(req.ctx()),
  );
  app.get(
    '/volume-reports/summary',
    {
      schema: {
        tags,
        summary: 'WR-7: verified metres by project, pipe type, diameter band and job type',
        querystring: ZVolumeSummaryQuery,
        response: { 200: ZVolumeSummary },
      },
      config: inService,
    },
    (req) => svc.volumeSummary(req.ctx(), req.query.month, req.query.projectId),
  );
  app.post(
    '/volume-reports',
    {
      schema: {
        tags,
        summary: 'WR-7: report last month’s completed volume of a project (by the 3rd)',
        body: ZVolumeReportCreate,
        response: { 201: ZVolumeReport },
      },
      config: write,
    },
    async (req, reply) => reply.status(201).send(await svc.createVolumeReport(req.ctx(), req.body)),
  );
  app.put(
    '/volume-reports/:id',
    {
      schema: {
        tags,
        summary: 'The author changes a submitted or rejected report',
        params: ZIdParams,
        body: ZVolumeReportUpdate,
        response: { 200: ZVolumeReport },
      },
      config: write,
    },
    (req) => svc.updateVolumeReport(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/volume-reports/:id/decision',
    {
      schema: {
        tags,
        summary: 'WR-7: the project manager verifies (with corrected metres) or sends it back',
        params: ZIdParams,
        body: ZVolumeDecision,
        response: { 200: ZVolumeReport },
      },
      config: inService,
    },
    (req) => svc.decideVolumeReport(req.ctx(), req.params.id, req.body),
  );
  app.get(
    '/volume-reports',
    {
      schema: {
        tags,
        summary: 'Volume reports: mine, to verify, or all in scope',
        querystring: ZVolumeListQuery,
        response: { 200: page(ZVolumeReport) },
      },
      config: inService,
    },
    (req) => svc.listVolumeReports(req.ctx(), req.query),
  );
  app.get(
    '/volume-reports/:id',
    {
      schema: { tags, summary: 'One volume report with its lines and obligation', params: ZIdParams, response: { 200: ZVolumeReport } },
      config: inService,
    },
    (req) => svc.getVolumeReport(req.ctx(), req.params.id),
  );
}
