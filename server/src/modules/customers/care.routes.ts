import {
  ZCarePlanResult,
  ZCareTask,
  ZCareTaskListQuery,
  ZCareTaskRecord,
  ZCustodyIn,
  ZCustodyListQuery,
  ZCustodyOut,
  ZCustodyRecord,
  ZDeviceLog,
  ZIdParams,
  ZRepairFee,
  ZRepairFeeCreate,
  ZRepairFeeMonth,
  ZRepairFeeMonthQuery,
} from '@techserve/core';
import { z } from 'zod';
import { contentDisposition } from '../../files/download';
import type { App } from '../../http/app-types';
import * as care from './care.service';
import * as custody from './custody.service';
import * as fees from './fees.service';

const binary = (description: string) => ({
  description,
  content: { 'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
});

/** CU-1 visits and CU-2 inspections (region tasks), CU-6 custody log and device history, CU-3 repair fees for finance. */
export function customerCareRoutes(app: App) {
  const tags = ['customers'];
  const read = { permission: 'customers.read' as const };
  const service = { permission: 'customers.service' as const };
  const manage = { permission: 'customers.manage' as const };
  const financeRead = { permission: 'customers.fees' as const };

  app.get(
    '/care-tasks',
    {
      schema: {
        tags,
        summary: 'Customer visits (CU-1) and free annual inspections (CU-2) of the regions the actor serves',
        querystring: ZCareTaskListQuery,
        response: { 200: z.array(ZCareTask) },
      },
      config: read,
    },
    (req) => care.listCareTasks(req.ctx(), req.query),
  );
  app.patch(
    '/care-tasks/:id',
    {
      schema: {
        tags,
        summary: 'Record a visit or an inspection as done or missed (CU-1/CU-2)',
        params: ZIdParams,
        body: ZCareTaskRecord,
        response: { 200: ZCareTask },
      },
      config: service,
    },
    (req) => care.recordCareTask(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/care-tasks/plan',
    {
      schema: {
        tags,
        summary: 'Run the visit and inspection plan now (the job runs it a few times a day): opens what is due, records missed ones',
        response: { 200: ZCarePlanResult },
      },
      config: manage,
    },
    (req) => {
      const ctx = req.ctx();
      return care.runCarePlan(ctx.db, ctx.clock);
    },
  );
  app.get(
    '/installed-products/:id/log',
    {
      schema: {
        tags,
        summary: "A device's history (设备档案): acceptance, parts with their own warranty, custody, inspections, requests, fees",
        params: ZIdParams,
        response: { 200: ZDeviceLog },
      },
      config: read,
    },
    (req) => care.deviceLog(req.ctx(), req.params.id),
  );

  app.get(
    '/custody',
    {
      schema: {
        tags,
        summary: 'Devices and documents taken for repair, logged in and out (CU-6)',
        querystring: ZCustodyListQuery,
        response: { 200: z.array(ZCustodyRecord) },
      },
      config: read,
    },
    (req) => custody.listCustody(req.ctx(), req.query),
  );
  app.post(
    '/custody',
    {
      schema: {
        tags,
        summary: 'Log a device or document in, with its condition and the customer’s signature (CU-6)',
        body: ZCustodyIn,
        response: { 201: ZCustodyRecord },
      },
      config: service,
    },
    async (req, reply) => reply.status(201).send(await custody.custodyIn(req.ctx(), req.body)),
  );
  app.post(
    '/custody/:id/return',
    {
      schema: {
        tags,
        summary: 'Log the item out to the customer, with its condition and the customer’s signature (CU-6)',
        params: ZIdParams,
        body: ZCustodyOut,
        response: { 200: ZCustodyRecord },
      },
      config: service,
    },
    (req) => custody.custodyOut(req.ctx(), req.params.id, req.body),
  );
  app.get(
    '/custody/:id/signatures',
    {
      schema: {
        tags,
        summary: 'The drawn signatures of a custody record (CU-6)',
        params: ZIdParams,
        response: { 200: z.object({ signatureIn: z.string().nullable(), signatureOut: z.string().nullable() }) },
      },
      config: read,
    },
    (req) => custody.custodySignatures(req.ctx(), req.params.id),
  );

  app.post(
    '/repair-fees',
    {
      schema: {
        tags,
        summary: 'Record the fee of a chargeable repair agreed by sales and the department head (CU-3; refused when CU-2 covers it)',
        body: ZRepairFeeCreate,
        response: { 201: ZRepairFee },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await fees.createRepairFee(req.ctx(), req.body)),
  );
  app.get(
    '/repair-fees',
    {
      schema: {
        tags,
        summary: 'The month’s repair fees for finance (CU-3)',
        querystring: ZRepairFeeMonthQuery,
        response: { 200: ZRepairFeeMonth },
      },
      config: financeRead,
    },
    (req) => fees.feesMonth(req.ctx().db, req.query.month),
  );
  app.get(
    '/repair-fees/export',
    {
      schema: {
        tags,
        summary: 'The month’s repair fees as Excel (.xlsx, Chinese headers, yuan) — also a sheet of the travel finance export (CU-3)',
        querystring: ZRepairFeeMonthQuery,
        response: { 200: binary('The workbook') },
      },
      config: financeRead,
    },
    async (req, reply) => {
      const file = await fees.repairFeesExport(req.ctx().db, req.query.month);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'private, no-cache')
        .send(file.data);
    },
  );
}
