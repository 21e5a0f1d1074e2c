import {
  type PolicyFieldMeta,
  type TPolicy,
  ZPolicy,
  childEntries,
  fieldMetaFor,
  isKeyedArray,
  policyLeaves,
  ruleIdForPath,
} from '@techserve/core';

/** The sections of a policy document, one tab each, in the order of regulations.md. */
export const POLICY_SECTIONS = [
  'sla',
  'fieldService',
  'attendance',
  'leave',
  'travel',
  'reports',
  'incidents',
  'appraisal',
  'pay',
  'accounts',
] as const satisfies readonly (keyof TPolicy)[];
export type TPolicySection = (typeof POLICY_SECTIONS)[number];

/** One editable leaf as the form shows it. */
export interface PolicyFormRow {
  path: string;
  value: string | number | boolean | null;
  /** The field metadata; a fallback built from the path for the rare leaf without metadata. */
  meta: PolicyFieldMeta;
  /** The item ids / indices the metadata's `*` segments matched, e.g. ['standard', 'P1']. */
  context: string[];
}

function contextOf(pattern: string, path: string): string[] {
  const p = pattern.split('.');
  const s = path.split('.');
  return p.flatMap((segment, i) => (segment === '*' ? [s[i] ?? ''] : []));
}

/** The form rows of one section: every leaf except item ids (ids are keys, not edited). */
export function policyFormRows(document: TPolicy, section: TPolicySection): PolicyFormRow[] {
  return policyLeaves(document[section]).flatMap((leaf) => {
    const path = `${section}.${leaf.path}`;
    const meta = fieldMetaFor(path);
    if (!meta) {
      if (path.endsWith('.id')) return [];
      const ruleId = ruleIdForPath(path) ?? '';
      const fallback: PolicyFieldMeta = {
        path,
        ruleId,
        unit: typeof leaf.value === 'boolean' ? 'flag' : typeof leaf.value === 'number' ? 'count' : 'text',
        label: { 'zh-CN': path, en: path },
        regulation: { 'zh-CN': '', en: '' },
      };
      return [{ path, value: leaf.value, meta: fallback, context: [] }];
    }
    return [{ path, value: leaf.value, meta, context: contextOf(meta.path, path) }];
  });
}

/** A copy of the document with the leaf at a dot path (ids for keyed arrays, indices otherwise) replaced. */
export function setValueAtPath<T>(document: T, path: string, value: unknown): T {
  const copy = structuredClone(document);
  const segments = path.split('.');
  let current: unknown = copy;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    const container = current as Record<string, unknown> | unknown[];
    let key: string | number = segment;
    if (Array.isArray(container)) {
      key = isKeyedArray(container) ? container.findIndex((item) => item.id === segment) : Number(segment);
      if (key < 0 || Number.isNaN(key)) throw new Error(`no ${segment} in ${segments.slice(0, i).join('.')}`);
    }
    if (last) {
      (container as Record<string | number, unknown>)[key] = value;
    } else {
      current = (container as Record<string | number, unknown>)[key];
      if (typeof current !== 'object' || current === null) throw new Error(`no ${path}`);
    }
  }
  return copy;
}

/**
 * The dot path of a zod issue path ('appraisal', 'schemeA', 'items', 0, 'weight') in the document's own terms
 * (keyed arrays by id: 'appraisal.schemeA.items.workload.weight'), so errors land on the fields.
 */
export function dotPathOf(document: unknown, issuePath: readonly (string | number)[]): string {
  let current: unknown = document;
  const out: string[] = [];
  for (const raw of issuePath) {
    const segment = typeof raw === 'string' && /^\d+$/.test(raw) && Array.isArray(current) ? Number(raw) : raw;
    if (Array.isArray(current) && typeof segment === 'number') {
      const item = current[segment] as { id?: unknown } | undefined;
      out.push(isKeyedArray(current) && typeof item?.id === 'string' ? item.id : String(segment));
      current = item;
    } else {
      out.push(String(segment));
      current = childEntries(current).find(([key]) => key === String(segment))?.[1];
    }
  }
  return out.join('.');
}

/** Problems of a document as `{ dot path → messages }`, checked with the same schema as the server. */
export function policyErrors(document: unknown): Map<string, string[]> {
  const errors = new Map<string, string[]>();
  const parsed = ZPolicy.safeParse(document);
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const path = dotPathOf(
      document,
      issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    );
    errors.set(path, [...(errors.get(path) ?? []), issue.message]);
  }
  return errors;
}

/** Server error details (`body.document.appraisal.schemeA.items.0.weight`) as `{ dot path → messages }`. */
export function serverErrors(document: unknown, details: { path: string; message: string }[]): Map<string, string[]> {
  const errors = new Map<string, string[]>();
  for (const detail of details) {
    const raw = detail.path.replace(/^body\.(document|json)\.?/, '').replace(/^body\.?/, '');
    const path = dotPathOf(document, raw ? raw.split('.') : []);
    errors.set(path, [...(errors.get(path) ?? []), detail.message]);
  }
  return errors;
}

/** The section of a dot path ('' for a path outside the document, such as effectiveFrom). */
export function sectionOf(path: string): TPolicySection | '' {
  const first = path.split('.')[0];
  return (POLICY_SECTIONS as readonly string[]).includes(first ?? '') ? (first as TPolicySection) : '';
}

type ZodLike = {
  def?: { type?: string };
  shape?: Record<string, ZodLike>;
  element?: ZodLike;
  valueType?: ZodLike;
  options?: unknown[];
  unwrap?: () => ZodLike;
  in?: ZodLike;
};

function unwrap(schema: ZodLike | undefined): ZodLike | undefined {
  let s = schema;
  for (let i = 0; i < 10 && s; i++) {
    const type = s.def?.type;
    if ((type === 'optional' || type === 'nullable' || type === 'default') && s.unwrap) s = s.unwrap();
    else if (type === 'pipe' && s.in) s = s.in;
    else break;
  }
  return s;
}

/**
 * The allowed values of a 'choice' leaf, read from the shared zod schema (enums), or from the document for
 * references to SLA levels; undefined when the value is free text.
 */
export function choiceOptions(document: TPolicy, path: string): string[] | undefined {
  if (/levelId$|LevelId$/.test(path)) return document.sla.levels.map((level) => level.id);
  let schema: ZodLike | undefined = ZPolicy as unknown as ZodLike;
  for (const segment of path.split('.')) {
    schema = unwrap(schema);
    if (!schema) return undefined;
    if (schema.def?.type === 'array') schema = schema.element;
    else if (schema.def?.type === 'record') schema = schema.valueType;
    else if (schema.shape) schema = schema.shape[segment];
    else return undefined;
  }
  schema = unwrap(schema);
  if (schema?.def?.type === 'enum' && Array.isArray(schema.options)) return schema.options.map(String);
  return undefined;
}
