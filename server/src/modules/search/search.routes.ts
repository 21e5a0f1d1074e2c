import { ZSearchQuery, ZSearchResult } from '@techserve/core';
import type { App } from '../../http/app-types';
import { search } from './search.service';

/** Issue 12 item 8: the global search (Ctrl+K and the header box). Every group checks its own read permission. */
export function searchRoutes(app: App) {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'Search requests (number, title, contact name or phone), customers, letters (ZR-…) and users at once; grouped, each group only with its read permission and inside your data scope (SEC-1)',
        querystring: ZSearchQuery,
        response: { 200: ZSearchResult },
      },
      config: {},
    },
    (req) => search(req.ctx(), req.query),
  );
}
