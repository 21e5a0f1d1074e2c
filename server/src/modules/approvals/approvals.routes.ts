import { ZApprovalBatch, ZBatchResult } from '@techserve/core';
import type { App } from '../../http/app-types';
import { decideBatch } from './approvals.service';

/** Issue 12 item 10: batch approvals of leave (RS-4), travel (TR-1), letters (FS-10) and returns (FS-9). */
export function approvalsRoutes(app: App) {
  app.post(
    '/approvals/batch',
    {
      schema: {
        tags: ['approvals'],
        summary:
          'Approve or reject up to 100 items with one comment; each by its own module’s decision (its permission, version and rules), each item’s result reported, one refusal undoing nothing else',
        body: ZApprovalBatch,
        response: { 200: ZBatchResult },
      },
      config: {},
    },
    (req) => decideBatch(req.ctx(), req.body),
  );
}
