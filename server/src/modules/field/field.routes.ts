import type { App } from '../../http/app-types';
import { boardRoutes } from './board.routes';
import { lettersRoutes } from './letters.routes';
import { noticesRoutes } from './notices.routes';
import { scheduleFeedRoutes } from './schedule-feed.routes';
import { type FieldRouteDeps, visitsRoutes } from './visits.routes';

/** FS-1..11: service notices, responsibility letters, visits, service records, return, stand-up, schedules. */
/** Field service (FS-1..14) with the attachment storage and the company name its documents carry. */

export function fieldRoutes(app: App, deps: FieldRouteDeps) {
  noticesRoutes(app);
  lettersRoutes(app);
  boardRoutes(app);
  scheduleFeedRoutes(app);
  visitsRoutes(app, deps);
}
