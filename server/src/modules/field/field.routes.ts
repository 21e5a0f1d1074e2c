import type { App } from '../../http/app-types';
import type { AttachmentsRouteDeps } from '../tickets/attachments.routes';

/** FS-1..11: service notices, responsibility letters, visits, service records, return, stand-up, schedules. */
export function fieldRoutes(_app: App, _deps: AttachmentsRouteDeps) {}
