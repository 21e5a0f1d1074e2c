import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp } from '../test/harness';
import { PATH_VALUES, type Rng, type Schema, hostile, mutate, random, valid } from '../test/fuzz';

// Issue 18: requests generated from the OpenAPI document — every operation, several rounds, valid shapes with one
// hostile place (types, sizes, unicode, bounds), hostile query strings and path ids — sent as a signed-in admin.
// None may answer 5xx, and every error is in the envelope {"error":{"code","message"}}. Seeded: FUZZ_SEED repeats a run.

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const ROUNDS = 8;
/** Routes that would end the fuzzing session itself (its sign-out, its password); their refusals are tested elsewhere. */
const SKIP = [/^POST \/api\/v1\/auth\/(logout|password)$/, /^DELETE \/api\/v1\/auth\/sessions/];

type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: Schema }> } };
type Sent = { method: string; url: string; body?: unknown };

let t: TestApp;
let admin: Agent;
let operations: Array<{ method: string; path: string; op: Operation }>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>)
    .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })))
    .filter(({ method, path }) => path.startsWith('/api/') && !SKIP.some((re) => re.test(`${method} ${path}`)));
}, 120_000);
afterAll(async () => t.close());

/** Percent-encoding; a lone surrogate has no UTF-8, so it goes as the bytes of one (invalid UTF-8 on purpose). */
const enc = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};

function request(method: string, path: string, op: Operation, r: Rng, round: number): Sent {
  const params = op.parameters ?? [];
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const p = params.find((x) => x.in === 'path' && x.name === name);
    // The fuzzing admin's own account and role (id 1) stay as they are, or the session would lose its permissions.
    const own = /^\/api\/v1\/(users|roles)\/\{id\}/.test(path) && name === 'id';
    const id = () => String(r.int(own ? 2 : 1, 4));
    const v = r.chance(0.75) ? (p?.schema.type === 'integer' ? id() : String(valid(p?.schema, r, 0, name) ?? id())) : r.pick(PATH_VALUES);
    return own && v === '1' ? '2' : enc(v);
  });
  const query = params
    .filter((p) => p.in === 'query' && (p.required || r.chance(0.4)))
    .map((p) => {
      const v = r.chance(0.7) ? valid(p.schema, r) : hostile(p.schema, r);
      const text = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
      return `${enc(p.name)}=${enc(text)}`;
    });
  if (r.chance(0.05)) query.push(`${r.pick(['unknown', 'limit', '__proto__', 'constructor'])}=${enc(String(hostile(undefined, r)))}`);
  const full = query.length ? `${url}?${query.join('&')}` : url;
  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (!['POST', 'PUT', 'PATCH'].includes(method)) return { method, url: full };
  return { method, url: full, body: round < 2 || r.chance(0.4) ? valid(schema, r) : mutate(schema, r) };
}

function problem(sent: Sent, res: { statusCode: number; body: string; headers: Record<string, unknown> }): string | null {
  const what = `${res.statusCode} ${sent.method} ${sent.url} ${JSON.stringify(sent.body)?.slice(0, 300) ?? ''} → ${res.body.slice(0, 300)}`;
  if (res.statusCode >= 500) return what;
  if (res.statusCode < 400) return null;
  try {
    const parsed = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
    if (typeof parsed.error?.code !== 'string' || typeof parsed.error.message !== 'string') return `not the envelope: ${what}`;
  } catch {
    return `not JSON: ${what}`;
  }
  return null;
}

// One test per round (they run in order, sharing the session and the rows earlier rounds made), so the number of
// operations, which grows with every module, never meets one test's ceiling on a loaded machine.
describe('fuzzing every operation of the OpenAPI document', () => {
  const r = random(SEED);
  let sent = 0;
  const statuses = new Map<number, number>();

  // The first two rounds send valid shapes only, creating the rows later rounds' ids and references find.
  it.each(Array.from({ length: ROUNDS }, (_, round) => round))(
    'round %i answers no 5xx and every error in the envelope',
    async (round) => {
      const problems: string[] = [];
      for (const { method, path, op } of operations) {
        const req = request(method, path, op, r, round);
        let res = await admin.request(req.method as 'GET', req.url, req.body);
        if (res.statusCode === 401) {
          // A generated change may have ended the session (e.g. the admin's own sessions): sign in again and resend.
          admin = await t.login('admin');
          res = await admin.request(req.method as 'GET', req.url, req.body);
        }
        sent++;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const p = problem(req, res);
        if (p) problems.push(p);
      }
      expect(problems.slice(0, 30)).toEqual([]);
    },
    300_000,
  );

  it('sent enough, and a good share got through to the services and the databases', () => {
    expect(sent).toBeGreaterThanOrEqual(2000);
    const succeeded = [...statuses].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0);
    expect(succeeded).toBeGreaterThan(300);
  });
});
