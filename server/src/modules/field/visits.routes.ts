import type { App } from '../../http/app-types';
import type { AttachmentsRouteDeps } from '../tickets/attachments.routes';

/** Placeholder: the on-site helper fills in the visit, record, sign-off and return routes (FS-6..9). */
export function visitsRoutes(_app: App, _deps: AttachmentsRouteDeps) {}
