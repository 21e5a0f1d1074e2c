import type { FormInstance } from 'antd';
import type { z } from 'zod';

/**
 * Validates `values` with the shared zod schema and puts its issues on the form fields.
 * Returns the parsed data, or null when there were errors.
 */
export function zodFormErrors<S extends z.ZodType>(schema: S, values: unknown, form: FormInstance): z.infer<S> | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const byField = new Map<string, string[]>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '');
    if (!name) continue;
    byField.set(name, [...(byField.get(name) ?? []), issue.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return null;
}
