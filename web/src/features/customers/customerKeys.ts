/** Query keys of the customers feature; every write invalidates `all` (list and files). */
export const customerKeys = {
  all: ['customers'] as const,
  list: (q: string | undefined) => ['customers', 'list', q ?? ''] as const,
  file: (id: number) => ['customers', 'file', id] as const,
};
