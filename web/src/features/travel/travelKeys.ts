/** TanStack Query keys of the travel feature. */
export const travelKeys = {
  all: ['travel'] as const,
  lists: () => [...travelKeys.all, 'list'] as const,
  list: (view: string, status?: string) => [...travelKeys.lists(), view, status ?? ''] as const,
  detail: (id: number) => [...travelKeys.all, 'detail', id] as const,
  logs: (id: number) => [...travelKeys.all, 'logs', id] as const,
  claims: (month: string) => [...travelKeys.all, 'claims', month] as const,
};
