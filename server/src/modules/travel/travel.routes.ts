import type { App } from '../../http/app-types';
import type { AttachmentsRouteDeps } from '../tickets/attachments.routes';

/** TR-1..4, AT-2/3, FS-3: travel requests, advances, daily travel logs, allowances, claims and the finance export. */
export function travelRoutes(_app: App, _deps: AttachmentsRouteDeps) {}
