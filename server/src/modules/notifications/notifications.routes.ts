import { ZIdParams, ZNotification, ZNotificationListQuery, ZReadAllResult, ZUnreadCount, page } from '@techserve/core';
import type { App } from '../../http/app-types';
import * as svc from './notifications.service';

/** The signed-in user's own in-app notifications (no permission needed; nobody sees another's). */
export function notificationsRoutes(app: App) {
  const tags = ['notifications'];
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first',
        querystring: ZNotificationListQuery,
        response: { 200: page(ZNotification) },
      },
    },
    (req) => svc.listNotifications(req.ctx(), req.query),
  );
  app.get(
    '/notifications/unread-count',
    { schema: { tags, summary: 'How many of my notifications are unread', response: { 200: ZUnreadCount } } },
    (req) => svc.unreadCount(req.ctx()),
  );
  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: 'Mark one of my notifications read', params: ZIdParams, response: { 200: ZNotification } } },
    (req) => svc.markNotificationRead(req.ctx(), req.params.id),
  );
  app.post(
    '/notifications/read-all',
    { schema: { tags, summary: 'Mark all my notifications read', response: { 200: ZReadAllResult } } },
    (req) => svc.markAllNotificationsRead(req.ctx()),
  );
}
