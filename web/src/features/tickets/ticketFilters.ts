import { TICKET_SORTS, type TPriority, type TSortOrder, type TTicketSort, type TTicketState } from '@techserve/core';

/** The list's filters; also what a saved view stores (as a flat string record, the list's query string). */
export type TTicketFilters = {
  q?: string;
  state?: TTicketState[];
  priority?: TPriority[];
  sla?: 'breached' | 'near_breach' | 'on_track';
  mine?: boolean;
  unassigned?: boolean;
  customerId?: number;
  /** Issue 12 item 6: the executive dashboard drills down by region or team and the days requests were created. */
  regionId?: number;
  teamId?: number;
  createdFrom?: string;
  createdTo?: string;
  /** Issue 12 item 9: the server orders the list by a column (kept in the URL and saved views like a filter). */
  sort?: TTicketSort;
  order?: TSortOrder;
};

export const FILTER_KEYS = [
  'q',
  'state',
  'priority',
  'sla',
  'mine',
  'unassigned',
  'customerId',
  'regionId',
  'teamId',
  'createdFrom',
  'createdTo',
  'sort',
  'order',
] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Filters → the API's query parameters (comma-separated lists, `true` flags); empty ones left out. */
export function filtersToQuery(filters: TTicketFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.q?.trim()) query.q = filters.q.trim();
  if (filters.state?.length) query.state = filters.state.join(',');
  if (filters.priority?.length) query.priority = filters.priority.join(',');
  if (filters.sla) query.sla = filters.sla;
  if (filters.mine) query.mine = 'true';
  if (filters.unassigned) query.unassigned = 'true';
  if (filters.customerId) query.customerId = String(filters.customerId);
  if (filters.regionId) query.regionId = String(filters.regionId);
  if (filters.teamId) query.teamId = String(filters.teamId);
  if (filters.createdFrom) query.createdFrom = filters.createdFrom;
  if (filters.createdTo) query.createdTo = filters.createdTo;
  if (filters.sort) query.sort = filters.sort;
  if (filters.sort && filters.order) query.order = filters.order;
  return query;
}

/** The reverse of `filtersToQuery` (from the URL or a saved view); unknown keys are ignored. */
export function queryToFilters(query: Record<string, string>): TTicketFilters {
  const list = (value?: string) => (value ? value.split(',').filter(Boolean) : undefined);
  const filters: TTicketFilters = {};
  if (query.q) filters.q = query.q;
  if (query.state) filters.state = list(query.state) as TTicketState[];
  if (query.priority) filters.priority = list(query.priority) as TPriority[];
  if (query.sla === 'breached' || query.sla === 'near_breach' || query.sla === 'on_track') filters.sla = query.sla;
  if (query.mine === 'true') filters.mine = true;
  if (query.unassigned === 'true') filters.unassigned = true;
  if (query.customerId && Number(query.customerId) > 0) filters.customerId = Number(query.customerId);
  if (query.regionId && Number(query.regionId) > 0) filters.regionId = Number(query.regionId);
  if (query.teamId && Number(query.teamId) > 0) filters.teamId = Number(query.teamId);
  if (DAY.test(query.createdFrom ?? '')) filters.createdFrom = query.createdFrom;
  if (DAY.test(query.createdTo ?? '')) filters.createdTo = query.createdTo;
  if ((TICKET_SORTS as readonly string[]).includes(query.sort)) filters.sort = query.sort as TTicketSort;
  if (filters.sort && (query.order === 'asc' || query.order === 'desc')) filters.order = query.order;
  return filters;
}
