import { countsText, disableDecision } from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { refuse } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { countsOf, holdingsOf } from './handover.holdings';
import * as repo from './handover.repository';

/**
 * HO-1, called by the users service before it disables an account (inside its transaction): a person who still holds
 * open items is disabled only after a completed handover, or with the general manager's override — which is then used
 * up and audited. Otherwise 409 handover.openItems with the count of each kind.
 */
export async function assertMayDisable(db: Db, ctx: Ctx, user: { id: number; name: string }) {
  const open = countsOf(await holdingsOf(db, [user.id]));
  const [completed, override] = await Promise.all([repo.completedHandoverOf(db, user.id), repo.unusedOverrideOf(db, user.id)]);
  const d = disableDecision({ open, completedHandover: completed !== undefined, override: override !== undefined });
  if (!d.allowed) {
    throw refuse(
      'conflict',
      'handover.openItems',
      { name: user.name, open: d.open, counts: countsText(d.counts), ...d.counts },
      { ruleId: 'HO-1' },
    );
  }
  if (d.by === 'override' && override) {
    await repo.markOverrideUsed(db, override.id, nowIso(ctx.clock));
    await recordAudit(db, ctx, {
      action: 'handover.override.used',
      entity: 'user',
      entityId: user.id,
      after: { overrideId: override.id, reason: override.reason, grantedBy: override.granted_by, open },
    });
  }
}
