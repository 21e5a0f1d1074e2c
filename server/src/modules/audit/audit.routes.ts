import { ZAuditEntry, ZAuditQuery, page } from '@techserve/core';
import type { App } from '../../http/app-types';
import { listAudit } from './audit.service';

export function auditRoutes(app: App) {
  app.get(
    '/audit',
    {
      schema: { tags: ['audit'], summary: 'Audit log, newest first', querystring: ZAuditQuery, response: { 200: page(ZAuditEntry) } },
      config: { permission: 'audit.read' },
    },
    (req) => listAudit(req.ctx(), req.query),
  );
}
