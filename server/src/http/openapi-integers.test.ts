import { INT32_MAX, INT32_MIN } from '@techserve/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../test/harness';

// Issue 18 item 2: no integer the database cannot store. Every integer the API accepts (path, query, body) is
// bounded to what its column holds: 32-bit unless it is marked int64 (the bigint money columns), and then no
// wider than a JavaScript number holds exactly. Any new field without core's zInt/zIntText/zFen64 fails here.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Node = Record<string, unknown>;
/** Every number schema under node, with the JSON path that leads to it. */
function numbers(node: unknown, path: string, out: Array<{ path: string; schema: Node }>) {
  if (Array.isArray(node)) {
    node.forEach((n, i) => numbers(n, `${path}[${i}]`, out));
    return out;
  }
  if (node === null || typeof node !== 'object') return out;
  const n = node as Node;
  const types = [n.type].flat();
  if (types.includes('integer') || types.includes('number')) out.push({ path, schema: n });
  for (const [k, v] of Object.entries(n)) numbers(v, `${path}.${k}`, out);
  return out;
}

const fits = (s: Node) => {
  const [lo, hi] = s.format === 'int64' ? [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] : [INT32_MIN, INT32_MAX];
  const min = typeof s.minimum === 'number' ? s.minimum : s.exclusiveMinimum;
  const max = typeof s.maximum === 'number' ? s.maximum : s.exclusiveMaximum;
  return typeof min === 'number' && typeof max === 'number' && min >= lo && max <= hi;
};

describe('the OpenAPI document', () => {
  it('bounds every number it accepts to what its column holds', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const found: Array<{ path: string; schema: Node }> = [];
    for (const [p, ops] of Object.entries(doc.paths as Record<string, Record<string, Node>>)) {
      for (const [method, op] of Object.entries(ops)) {
        numbers(op.parameters, `${method.toUpperCase()} ${p} parameters`, found);
        numbers(op.requestBody, `${method.toUpperCase()} ${p} body`, found);
      }
    }
    numbers(doc.components, 'components', found);
    expect(found.length).toBeGreaterThan(300);
    expect(found.filter((f) => f.schema.type === 'integer' && f.schema.format === 'int64').length).toBeGreaterThan(2);
    expect(found.filter((f) => !fits(f.schema)).map((f) => f.path)).toEqual([]);
  });
});
