import type { TFieldServicePolicy } from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { policyOfTicket } from '../tickets/tickets.sla';

/** The field-service part of the policy in force now (FS-1 signers, FS-4 kit, …). */
export async function fieldPolicyNow(ctx: Pick<Ctx, 'clock'> & { db: Db }): Promise<TFieldServicePolicy> {
  return (await policyOfTicket(ctx.db, nowIso(ctx.clock))).document.fieldService;
}
