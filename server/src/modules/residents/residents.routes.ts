import {
  ZBackup,
  ZBackupCreate,
  ZConductMonth,
  ZConductMonthQuery,
  ZConductPoint,
  ZConductPointCreate,
  ZConductWithdraw,
  ZConfigChange,
  ZConfigChangeCreate,
  ZEquipment,
  ZEquipmentCreate,
  ZEquipmentUpdate,
  ZIdParams,
  ZOperationsRecord,
  ZOperationsRecordCreate,
  ZOperationsRecordList,
  ZResidentContractPut,
  ZResidentMonthQuery,
  ZResidentSite,
  ZResidentSiteList,
  ZResidentSiteParams,
  ZVersionBody,
} from '@techserve/core';
import { z } from 'zod';
import { type FileDeps, readUpload, sendDownload } from '../../files';
import type { App } from '../../http/app-types';
import * as conduct from './residents.conduct';
import * as records from './residents.records';
import * as svc from './residents.service';

const binary = (description: string) => ({
  description,
  content: { 'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
});

/** RS-8, RS-9, RS-11: residents at a client site (驻场) — site view and contract, operations records, conduct points. */
export function residentsRoutes(app: App, deps: FileDeps) {
  const tags = ['residents'];
  const read = { permission: 'residents.read' as const };
  const write = { permission: 'residents.write' as const };
  const manage = { permission: 'residents.manage' as const };
  const record = { permission: 'residents.conduct' as const };
  const sign = { permission: 'residents.sign' as const };

  app.get(
    '/residents/sites',
    {
      schema: { tags, summary: 'The client sites in your scope (the client IT office: its own)', response: { 200: ZResidentSiteList } },
      config: read,
    },
    (req) => svc.listSites(req.ctx()),
  );
  app.get(
    '/residents/sites/:siteId',
    {
      schema: {
        tags,
        summary: 'A site: the resident contract, staffing against it (RS-11), equipment register, backups, configuration changes',
        params: ZResidentSiteParams,
        response: { 200: ZResidentSite },
      },
      config: read,
    },
    (req) => svc.siteView(req.ctx(), req.params.siteId),
  );
  app.put(
    '/residents/sites/:siteId/contract',
    {
      schema: {
        tags,
        summary: 'Set the site’s resident contract: head-count and period (RS-11)',
        params: ZResidentSiteParams,
        body: ZResidentContractPut,
        response: { 200: ZResidentSite },
      },
      config: manage,
    },
    (req) => svc.putContract(req.ctx(), req.params.siteId, req.body),
  );
  app.post(
    '/residents/sites/:siteId/equipment',
    {
      schema: {
        tags,
        summary: 'Add to the site’s equipment register (设备资料库, RS-11)',
        params: ZResidentSiteParams,
        body: ZEquipmentCreate,
        response: { 201: ZEquipment },
      },
      config: write,
    },
    async (req, reply) => reply.status(201).send(await svc.addEquipment(req.ctx(), req.params.siteId, req.body)),
  );
  app.patch(
    '/residents/equipment/:id',
    {
      schema: { tags, summary: 'Edit an equipment entry', params: ZIdParams, body: ZEquipmentUpdate, response: { 200: ZEquipment } },
      config: write,
    },
    (req) => svc.updateEquipment(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/residents/sites/:siteId/backups',
    {
      schema: {
        tags,
        summary: 'Log a backup made at the site (RS-11)',
        params: ZResidentSiteParams,
        body: ZBackupCreate,
        response: { 201: ZBackup },
      },
      config: write,
    },
    async (req, reply) => reply.status(201).send(await svc.addBackup(req.ctx(), req.params.siteId, req.body)),
  );
  app.post(
    '/residents/sites/:siteId/config-changes',
    {
      schema: {
        tags,
        summary: 'Record a change of the client’s configuration with the client’s authorisation: who and when (RS-11)',
        params: ZResidentSiteParams,
        body: ZConfigChangeCreate,
        response: { 201: ZConfigChange },
      },
      config: write,
    },
    async (req, reply) => reply.status(201).send(await svc.addConfigChange(req.ctx(), req.params.siteId, req.body)),
  );

  app.get(
    '/residents/sites/:siteId/records',
    {
      schema: {
        tags,
        summary: 'The site’s operations records of a month (RS-8)',
        params: ZResidentSiteParams,
        querystring: ZResidentMonthQuery,
        response: { 200: ZOperationsRecordList },
      },
      config: read,
    },
    (req) => records.listRecords(req.ctx(), req.params.siteId, req.query.month),
  );
  app.post(
    '/residents/sites/:siteId/records',
    {
      schema: {
        tags,
        summary: 'Record an operation (运维记录, RS-8), signed on the device by the client’s project lead or named for approval in the app',
        params: ZResidentSiteParams,
        body: ZOperationsRecordCreate,
        response: { 201: ZOperationsRecord },
      },
      config: write,
    },
    async (req, reply) => reply.status(201).send(await records.createRecord(req.ctx(), req.params.siteId, req.body, deps.storage)),
  );
  app.post(
    '/residents/records/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve an operations record in the app as the named client user (RS-8)',
        params: ZIdParams,
        body: ZVersionBody,
        response: { 200: ZOperationsRecord },
      },
      config: sign,
    },
    (req) => records.approveRecord(req.ctx(), req.params.id, req.body.version),
  );
  app.get(
    '/residents/records/:id/signature',
    {
      schema: { tags, summary: 'The signature drawn on a record', params: ZIdParams, response: { 200: binary('The signature image') } },
      config: read,
    },
    async (req, reply) => sendDownload(reply, await records.readSignature(req.ctx(), req.params.id, deps.storage)),
  );

  app.get(
    '/residents/conduct',
    {
      schema: {
        tags,
        summary: 'Conduct points of a month (RS-9): totals per person (attendance and recorded), the recorded points, the list',
        querystring: ZConductMonthQuery,
        response: { 200: ZConductMonth },
      },
      config: read,
    },
    (req) => conduct.listConduct(req.ctx(), req.query.month, req.query.siteId),
  );
  app.post(
    '/residents/conduct-points',
    {
      schema: {
        tags,
        summary: 'Record a resident’s offence with evidence at the points of the policy (or the site’s list) (RS-9)',
        body: ZConductPointCreate,
        response: { 201: ZConductPoint },
      },
      config: record,
    },
    async (req, reply) => reply.status(201).send(await conduct.recordConduct(req.ctx(), req.body)),
  );
  app.post(
    '/residents/conduct-points/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a conduct point with a reason; in a closed month an adjustment in the next open one',
        params: ZIdParams,
        body: ZConductWithdraw,
        response: { 200: ZConductPoint },
      },
      config: record,
    },
    (req) => conduct.withdrawConduct(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/residents/conduct-points/:id/attachment',
    {
      schema: {
        tags,
        summary: 'Attach the evidence file (JPEG/PNG/GIF/WebP photo or PDF, typed from its bytes) to a conduct point',
        consumes: ['multipart/form-data'],
        params: ZIdParams,
        response: { 200: ZConductPoint },
      },
      config: record,
    },
    (req) => conduct.addEvidenceFile(req.ctx(), req.params.id, () => readUpload(req, deps.maxBytes), deps.storage),
  );
  app.get(
    '/residents/conduct-points/:id/attachment',
    {
      schema: { tags, summary: 'A conduct point’s evidence file', params: ZIdParams, response: { 200: binary('The evidence') } },
      config: read,
    },
    async (req, reply) => sendDownload(reply, await conduct.readEvidenceFile(req.ctx(), req.params.id, deps.storage)),
  );
}
