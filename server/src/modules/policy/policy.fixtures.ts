import { type Agent, type TestApp, createUser } from '../../test/harness';

const approvers = new WeakMap<TestApp, Promise<Agent>>();

/**
 * GOV-1: a signed-in GM of this test app, who approves policy versions (the administrator drafts and submits but
 * does not approve). Created once per app.
 */
export function policyApprover(t: TestApp, admin: Agent): Promise<Agent> {
  let approver = approvers.get(t);
  if (!approver) {
    approver = createUser(admin, { username: 'policy.gm', roleKey: 'gm', name: '政策审批总经理' }).then(() =>
      t.login('policy.gm', 'password-123'),
    );
    approvers.set(t, approver);
  }
  return approver;
}

/** GOV-1: the administrator submits the draft effective `effectiveFrom`, the GM approves it; the approved version. */
export async function putPolicyInForce(t: TestApp, admin: Agent, number: number, version: number, effectiveFrom: string) {
  const submitted = await admin.post(`/api/v1/policy/versions/${number}/submit`, { version, effectiveFrom });
  if (submitted.statusCode !== 200) return submitted;
  const gm = await policyApprover(t, admin);
  return gm.post(`/api/v1/policy/versions/${number}/approve`, { version: submitted.json().version });
}
