import {
  ZFieldIdParams,
  ZNoticeListQuery,
  ZNoticeReject,
  ZNoticeSign,
  ZServiceNotice,
  ZServiceNoticeCreate,
  ZServiceNoticeList,
} from '@techserve/core';
import type { App } from '../../http/app-types';
import * as svc from './notices.service';

/** FS-1: service notices (服务通知单): raise, list, sign (raises the service request) or reject with a reason. */
export function noticesRoutes(app: App) {
  const tags = ['field'];
  const read = { permission: 'field.read' as const };
  const sign = { permission: 'field.sign' as const };
  app.post(
    '/field/notices',
    {
      schema: {
        tags,
        summary: 'Raise a service notice (FS-1): customer unit, contact, phone, requirements, site situation',
        body: ZServiceNoticeCreate,
        response: { 201: ZServiceNotice },
      },
      config: { permission: 'field.notice' as const },
    },
    async (req, reply) => reply.status(201).send(await svc.createNotice(req.ctx(), req.body)),
  );
  app.get(
    '/field/notices',
    {
      schema: {
        tags,
        summary: 'Service notices: mine, to sign, all (in scope), newest first',
        querystring: ZNoticeListQuery,
        response: { 200: ZServiceNoticeList },
      },
      config: read,
    },
    (req) => svc.listNotices(req.ctx(), req.query),
  );
  app.get(
    '/field/notices/:id',
    { schema: { tags, summary: 'One service notice', params: ZFieldIdParams, response: { 200: ZServiceNotice } }, config: read },
    (req) => svc.getNotice(req.ctx(), req.params.id),
  );
  app.post(
    '/field/notices/:id/sign',
    {
      schema: {
        tags,
        summary: 'Sign a notice (FS-1: GM, or department head as the policy allows); raises the service request',
        params: ZFieldIdParams,
        body: ZNoticeSign,
        response: { 200: ZServiceNotice },
      },
      config: sign,
    },
    (req) => svc.signNotice(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/field/notices/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a notice with a reason (FS-1)',
        params: ZFieldIdParams,
        body: ZNoticeReject,
        response: { 200: ZServiceNotice },
      },
      config: sign,
    },
    (req) => svc.rejectNotice(req.ctx(), req.params.id, req.body),
  );
}
