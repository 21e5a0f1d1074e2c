import { ruleIdForPath } from './fields';
import { childEntries, isKeyedArray, policyLeaves } from './policyLeaves';

/** A changed leaf between two policy documents; `before`/`after` is undefined when the leaf was added/removed. */
export interface PolicyChange {
  path: string;
  ruleId?: string;
  before: unknown;
  after: unknown;
}

const isContainer = (value: unknown): boolean => typeof value === 'object' && value !== null;

/** Entries of a container, keyed by id when either side is a keyed array so reordering is no change. */
function entriesOf(value: unknown, keyed: boolean): Map<string, unknown> {
  if (keyed && Array.isArray(value)) {
    return new Map(value.map((item, i) => [typeof item?.id === 'string' ? item.id : String(i), item]));
  }
  return new Map(childEntries(value));
}

/**
 * The changed leaves from `a` to `b`, each with the rule id of its field. Arrays of items with an `id` are
 * matched by id, other arrays by index; leaves of added or removed items are listed one by one.
 */
export function diffPolicies(a: unknown, b: unknown): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const push = (path: string, before: unknown, after: unknown) => {
    const ruleId = ruleIdForPath(path);
    changes.push(ruleId ? { path, ruleId, before, after } : { path, before, after });
  };
  const join = (path: string, segment: string) => (path ? `${path}.${segment}` : segment);

  const walk = (x: unknown, y: unknown, path: string): void => {
    if (isContainer(x) && isContainer(y)) {
      const keyed = isKeyedArray(x) || isKeyedArray(y);
      const left = entriesOf(x, keyed);
      const right = entriesOf(y, keyed);
      for (const [key, value] of left) walk(value, right.get(key), join(path, key));
      for (const [key, value] of right) if (!left.has(key)) walk(undefined, value, join(path, key));
      return;
    }
    if (isContainer(x) || isContainer(y)) {
      // A subtree appeared or vanished (or replaced a primitive): list its leaves.
      if (!isContainer(x) && x !== undefined) push(path, x, undefined);
      for (const leaf of policyLeaves(x)) push(join(path, leaf.path), leaf.value, undefined);
      for (const leaf of policyLeaves(y)) push(join(path, leaf.path), undefined, leaf.value);
      if (!isContainer(y) && y !== undefined) push(path, undefined, y);
      return;
    }
    if (!Object.is(x, y)) push(path, x, y);
  };
  walk(a, b, '');
  return changes;
}
