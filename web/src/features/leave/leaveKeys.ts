/** TanStack Query keys of the leave feature. */
export const leaveKeys = {
  all: ['leave'] as const,
  lists: () => [...leaveKeys.all, 'list'] as const,
  list: (view: string, status?: string) => [...leaveKeys.lists(), view, status ?? ''] as const,
  detail: (id: number) => [...leaveKeys.all, 'detail', id] as const,
  standIns: (q: string) => [...leaveKeys.all, 'stand-ins', q] as const,
};
