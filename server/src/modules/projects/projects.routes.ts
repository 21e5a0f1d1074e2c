import type { App } from '../../http/app-types';
import type { AttachmentsRouteDeps } from '../tickets/attachments.routes';

/** FS-12..14: installation projects, deliveries and customer training. */
export function projectsRoutes(_app: App, _deps: AttachmentsRouteDeps) {}
