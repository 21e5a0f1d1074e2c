// Request generation from the OpenAPI document for the fuzzing test (issue 18): seeded, so a failure repeats.

export type Schema = {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
};

/** mulberry32: a small seeded generator. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof random>;

/** Text that has broken servers: unicode of every plane, controls, markup, SQL, paths, format strings. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '中文名称',
  '𠜎𠜱𠝹𠱓', // astral-plane CJK
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  'e\u0301\u0301\u0301\u0301',
  '\u202eevil\u202c',
  'a\u2028b\u2029c',
  '\ud800',
  '\udfff\ud800',
  '\u200b\ufeff',
  '\t\r\n',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '%s%s%s%n',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..\\..\\windows',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '2147483648',
  '9223372036854775808',
  '2026-02-30',
  '0000-01-01',
  '9999-12-31T23:59:59Z',
  '2026-03-02T25:61:00+08:00',
  'admin',
  '*',
  '%',
  '_',
  '\\',
  '[]',
  '{}',
];

export const HOSTILE_NUMBERS = [0, -1, 1, -0, 0.5, -0.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 1e308, -1e308, 5e-324];

const typeOf = (s: Schema) => [s.type].flat().find((x) => x && x !== 'null');

function stringFor(s: Schema, r: Rng): string {
  if (s.format === 'date') return `20${r.int(20, 30)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  if (s.format === 'date-time') return `2026-0${r.int(1, 9)}-1${r.int(0, 9)}T0${r.int(0, 9)}:00:00+08:00`;
  if (s.format === 'email') return `u${r.int(1, 999)}@example.com`;
  if (s.pattern === '^\\d{4}-\\d{2}$' || s.pattern?.includes('\\d{4}-')) return `2026-0${r.int(1, 9)}`;
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, 40);
  const len = Math.max(min, r.int(min, Math.max(min, max)));
  const alphabet = r.pick(['abcxyz', '工单客户设备', '0123456789', 'Ab中😀 ']);
  return Array.from({ length: len }, () => r.pick([...alphabet])).join('');
}

function numberFor(s: Schema, integer: boolean, r: Rng): number {
  const lo = typeof s.minimum === 'number' ? s.minimum + (s.exclusiveMinimum === true ? 1 : 0) : -1000;
  const hi = typeof s.maximum === 'number' ? s.maximum - (s.exclusiveMaximum === true ? 1 : 0) : 1000;
  const a = Math.max(lo, -1e6);
  const b = Math.min(hi, 1e6);
  const v = r.pick([a, b, a + (b - a) * r.next(), 1, 2, 3]);
  const clamped = Math.min(Math.max(v, lo), hi);
  return integer ? Math.round(clamped) : clamped;
}

/** A value the schema accepts as far as its shape goes (rules beyond the shape may still refuse it). */
export function valid(s: Schema | undefined, r: Rng, depth = 0, key = ''): unknown {
  if (!s || depth > 6) return null;
  // References name rows that exist (the first few of each table), so requests get past the lookups.
  if (/(^id|Id|Ids)$/.test(key) && typeOf(s) === 'integer' && r.chance(0.8)) return r.int(1, 4);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return r.pick(s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return valid(r.pick(alts), r, depth + 1, key);
  if (s.allOf?.length) return valid(s.allOf[0], r, depth + 1, key);
  if (s.nullable && r.chance(0.1)) return null;
  switch (typeOf(s)) {
    case 'string':
      return stringFor(s, r);
    case 'integer':
      return numberFor(s, true, r);
    case 'number':
      return numberFor(s, false, r);
    case 'boolean':
      return r.chance(0.5);
    case 'array': {
      const n = Math.min(Math.max(s.minItems ?? 0, r.int(0, 3)), s.maxItems ?? 3);
      return Array.from({ length: n }, () => valid(s.items, r, depth + 1, key));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(k) || r.chance(0.5)) out[k] = valid(p, r, depth + 1, k);
      }
      return out;
    }
    default:
      return null;
  }
}

/** One hostile value for a place of this schema: its bounds and one past them, another type, or hostile text. */
export function hostile(s: Schema | undefined, r: Rng): unknown {
  const t = s ? typeOf(s) : undefined;
  const roll = r.next();
  if (roll < 0.15) return r.pick([null, true, [], {}, [null], { a: 1 }, '1', 1]);
  if (t === 'integer' || t === 'number') {
    const edges = [s?.minimum, s?.maximum].filter((x): x is number => typeof x === 'number').flatMap((x) => [x - 1, x, x + 1]);
    return r.pick([...HOSTILE_NUMBERS, ...edges]);
  }
  if (t === 'string') {
    if (roll < 0.3 && s?.maxLength !== undefined) return 'x'.repeat(s.maxLength + 1);
    if (roll < 0.35) return '字'.repeat(r.int(1000, 20_000));
    return r.pick(HOSTILE_STRINGS);
  }
  if (t === 'array')
    return r.pick([Array.from({ length: (s?.maxItems ?? 100) + 1 }, () => valid(s?.items, r)), [hostile(s?.items, r)], 'x']);
  if (t === 'object') return r.pick([{}, { unknownField: 1 }, 'x', 42]);
  return r.pick([...HOSTILE_STRINGS, ...HOSTILE_NUMBERS]);
}

/** A valid body with one place made hostile (or, now and then, the whole body). */
export function mutate(s: Schema | undefined, r: Rng): unknown {
  const body = valid(s, r);
  if (r.chance(0.1) || body === null || typeof body !== 'object' || Array.isArray(body)) return r.chance(0.5) ? hostile(s, r) : body;
  const obj = body as Record<string, unknown>;
  const props = Object.entries(s?.properties ?? {});
  if (props.length === 0) return { ...obj, [r.pick(HOSTILE_STRINGS) || 'x']: hostile(undefined, r) };
  if (r.chance(0.25)) {
    // Every integer at once just past what a 32-bit column holds, or past its own bounds.
    for (const [k, p] of props) {
      if (typeOf(p) === 'integer') obj[k] = r.pick([2 ** 31, -(2 ** 31) - 1, (p.maximum ?? 0) + 1, 2 ** 53]);
    }
    return obj;
  }
  const [k, p] = r.pick(props);
  if (r.chance(0.1)) {
    delete obj[k];
    return obj;
  }
  obj[k] = r.chance(0.2) && typeOf(p) === 'object' ? mutate(p, r) : hostile(p, r);
  return obj;
}

/** Path ids: real small ones, bounds, and what is not an id at all. */
export const PATH_VALUES = [
  '1',
  '2',
  '3',
  '5',
  '0',
  '-1',
  '2147483647',
  '2147483648',
  '99999999999999999999',
  '1.5',
  '1e3',
  '0x10',
  'abc',
  '%20',
  '%F0%9F%98%80',
  '%E4%B8%AD',
  'null',
  '2026-03',
  '2026-03-02',
];
