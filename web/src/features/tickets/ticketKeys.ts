/** TanStack Query keys of the service-request feature. */
export const ticketKeys = {
  all: ['tickets'] as const,
  lists: () => [...ticketKeys.all, 'list'] as const,
  list: (query: Record<string, string>) => [...ticketKeys.lists(), query] as const,
  detail: (id: number) => [...ticketKeys.all, 'detail', id] as const,
  timeline: (id: number) => [...ticketKeys.all, 'timeline', id] as const,
  views: () => [...ticketKeys.all, 'views'] as const,
  dashboard: () => [...ticketKeys.all, 'dashboard'] as const,
  followUps: (state: string) => ['followups', state] as const,
  users: (q: string) => ['tickets', 'user-options', q] as const,
  customers: (q: string) => ['tickets', 'customer-options', q] as const,
  customerFile: (id: number) => ['tickets', 'customer-file', id] as const,
};
