import type { TClientMessage, TReasonParams } from '@techserve/core';
import type { Db } from '../../http/context';
import { notify } from '../notifications/notifications.service';
import { clientApproverRows } from './personnel.repository';

/**
 * RS-4b/item 3/RS-6: the client IT office of a site (active users of a `site`-scoped role granting personnel.client)
 * gives the second approval after the company's. A site without such an account has no second step: nobody could
 * take it, and the company's decision stands alone.
 */
export async function clientApproversOf(db: Db, siteId: number | null): Promise<number[]> {
  if (siteId == null) return [];
  return (await clientApproverRows(db, siteId))
    .filter((r) => (JSON.parse(r.permissions) as string[]).includes('personnel.client'))
    .map((r) => r.id);
}

/** Tells the client IT office that something waits for its second approval (or, with another heading, is reported to it). */
export async function askClient(db: Db, at: string, userIds: number[], message: TClientMessage, params: TReasonParams) {
  if (userIds.length === 0) return;
  await notify(db, at, {
    userIds,
    kind: 'client_approval',
    message,
    params,
    link: message.startsWith('client.') ? '/personnel/client-inbox' : '/personnel/changes',
  });
}
