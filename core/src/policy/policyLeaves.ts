/** A leaf of a policy document at a dot path. */
export interface PolicyLeaf {
  path: string;
  value: string | number | boolean | null;
}

type Keyed = { id: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Arrays of items with a string `id` are addressed by id (stable under reordering), other arrays by index. */
export function isKeyedArray(value: unknown): value is Keyed[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => isRecord(item) && typeof item.id === 'string');
}

/** The child entries of an object or array as [path segment, value] pairs. */
export function childEntries(value: unknown): [string, unknown][] {
  if (isKeyedArray(value)) return value.map((item) => [item.id, item]);
  if (Array.isArray(value)) return value.map((item, i) => [String(i), item]);
  if (isRecord(value)) return Object.entries(value);
  return [];
}

/**
 * Every primitive leaf of a document with its dot path, e.g. 'appraisal.schemeA.items.attitude.weight',
 * 'attendance.workIntervals.0.start'.
 */
export function policyLeaves(document: unknown): PolicyLeaf[] {
  const leaves: PolicyLeaf[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value) || isRecord(value)) {
      for (const [segment, child] of childEntries(value)) walk(child, path ? `${path}.${segment}` : segment);
    } else if (value !== undefined) {
      leaves.push({ path, value: value as PolicyLeaf['value'] });
    }
  };
  walk(document, '');
  return leaves;
}

/** The value at a dot path (ids for keyed arrays, indices otherwise); undefined when there is none. */
export function valueAtPath(document: unknown, path: string): unknown {
  let current: unknown = document;
  for (const segment of path.split('.')) {
    const entry = childEntries(current).find(([key]) => key === segment);
    if (!entry) return undefined;
    current = entry[1];
  }
  return current;
}
