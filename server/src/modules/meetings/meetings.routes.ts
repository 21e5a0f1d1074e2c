import {
  ZIdParams,
  ZMeeting,
  ZMeetingAction,
  ZMeetingActionCreate,
  ZMeetingActionListQuery,
  ZMeetingActionUpdate,
  ZMeetingCreate,
  ZMeetingListQuery,
  ZMeetingUpdate,
  page,
} from '@techserve/core';
import type { App } from '../../http/app-types';
import * as svc from './meetings.service';

/** MTG-1: department meetings with minutes and action items followed up. */
export function meetingsRoutes(app: App) {
  const tags = ['meetings'];
  const read = { permission: 'meetings.read' as const };
  const manage = { permission: 'meetings.manage' as const };

  app.get(
    '/meetings',
    {
      schema: {
        tags,
        summary: 'Meetings and their minutes, newest first',
        querystring: ZMeetingListQuery,
        response: { 200: page(ZMeeting) },
      },
      config: read,
    },
    (req) => svc.listMeetings(req.ctx(), req.query),
  );
  app.post(
    '/meetings',
    {
      schema: {
        tags,
        summary: 'Minute a meeting with its attendees and action items (MTG-1)',
        body: ZMeetingCreate,
        response: { 201: ZMeeting },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await svc.createMeeting(req.ctx(), req.body)),
  );
  app.get(
    '/meetings/:id',
    { schema: { tags, summary: 'One meeting with its action items', params: ZIdParams, response: { 200: ZMeeting } }, config: read },
    (req) => svc.getMeeting(req.ctx(), req.params.id),
  );
  app.patch(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Correct the minutes or the attendees',
        params: ZIdParams,
        body: ZMeetingUpdate,
        response: { 200: ZMeeting },
      },
      config: manage,
    },
    (req) => svc.updateMeeting(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/meetings/:id/actions',
    {
      schema: { tags, summary: 'Add an action item', params: ZIdParams, body: ZMeetingActionCreate, response: { 201: ZMeeting } },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await svc.addAction(req.ctx(), req.params.id, req.body)),
  );
  app.get(
    '/meeting-actions',
    {
      schema: {
        tags,
        summary: 'Action items to follow up (mine, or all for a manager)',
        querystring: ZMeetingActionListQuery,
        response: { 200: page(ZMeetingAction) },
      },
      config: read,
    },
    (req) => svc.listActions(req.ctx(), req.query),
  );
  app.patch(
    '/meeting-actions/:id',
    {
      schema: {
        tags,
        summary: 'Follow an action item up: done, cancelled, a note, a new due date',
        params: ZIdParams,
        body: ZMeetingActionUpdate,
        response: { 200: ZMeetingAction },
      },
      config: read,
    },
    (req) => svc.updateAction(req.ctx(), req.params.id, req.body),
  );
}
