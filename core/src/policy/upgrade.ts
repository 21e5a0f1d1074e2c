import { defaultPolicy } from './defaults';
import type { TPolicy } from './schema';

type Json = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Fills the keys a stored document lacks from `defaults`, recursively through objects. Arrays are the company's own
 * lists (levels, leave types, conduct items) and are kept as stored; a field added inside list items needs an
 * explicit step in POLICY_UPGRADE_STEPS.
 */
function fillMissing(stored: unknown, defaults: unknown): unknown {
  if (!isPlainObject(stored) || !isPlainObject(defaults)) return stored === undefined ? defaults : stored;
  const out: Json = { ...stored };
  for (const [key, value] of Object.entries(defaults)) out[key] = key in stored ? fillMissing(stored[key], value) : value;
  return out;
}

/**
 * Explicit upgrades for changes the key fill cannot express (a field inside list items, a renamed field), applied
 * in order after the fill. Each step must be idempotent: a document saved after the step ran passes through it
 * unchanged.
 */
export const POLICY_UPGRADE_STEPS: ReadonlyArray<{ name: string; apply: (doc: Json) => Json }> = [];

/**
 * A stored policy document as today's code reads it. Documents are validated when saved, but a version saved before
 * a module added its settings lacks them: those take the defaults (regulations.md) until an admin edits them, so a
 * version published last year still governs its dates.
 */
export function upgradePolicyDocument(stored: unknown): TPolicy {
  let doc = fillMissing(stored, defaultPolicy()) as Json;
  for (const step of POLICY_UPGRADE_STEPS) doc = step.apply(doc);
  return doc as TPolicy;
}
