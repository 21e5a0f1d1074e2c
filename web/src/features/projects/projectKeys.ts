/** TanStack Query keys of the projects feature (FS-12..14). */
export const projectKeys = {
  all: ['projects'] as const,
  lists: () => [...projectKeys.all, 'list'] as const,
  list: (query: Record<string, string | undefined>) => [...projectKeys.lists(), query] as const,
  detail: (id: number) => [...projectKeys.all, 'detail', id] as const,
  deliveryLists: () => ['deliveries', 'list'] as const,
  deliveryList: (query: Record<string, string | number | undefined>) => ['deliveries', 'list', query] as const,
  delivery: (id: number) => ['deliveries', 'detail', id] as const,
  trainingLists: () => ['trainings', 'list'] as const,
  trainingList: (query: Record<string, string | number | undefined>) => ['trainings', 'list', query] as const,
  training: (id: number) => ['trainings', 'detail', id] as const,
};
