/**
 * AP-2: the monthly appraisal covers the staff below its signers. The chain is department manager → VP → GM; whoever
 * signs its last step (holds appraisal.approve: the GM, an administrator) or scores the VP's step cannot be
 * appraised on a sheet of the same chain (nobody signs above them, and nobody scores their own sheet), and neither is
 * anyone who does not appraise themself (no appraisal.self). Their sheets are never drafted, and a payroll does not
 * wait for them.
 */
export function isAppraised(person: { roleKey: string; permissions: readonly string[] }): boolean {
  return person.permissions.includes('appraisal.self') && !person.permissions.includes('appraisal.approve') && person.roleKey !== 'vp';
}
