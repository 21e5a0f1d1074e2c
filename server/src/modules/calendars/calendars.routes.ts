import {
  ZBetweenQuery,
  ZBetweenResult,
  ZCalendar,
  ZCalendarCreate,
  ZCalendarSummary,
  ZCalendarUpdate,
  ZDueQuery,
  ZDueResult,
  ZIcsImport,
  ZIdParams,
  ZMonthDay,
  ZMonthQuery,
  ZOk,
  ZWorkingDaysQuery,
  ZWorkingDaysResult,
} from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import * as svc from './calendars.service';

export function calendarsRoutes(app: App) {
  const tags = ['calendars'];
  const read = { permission: 'calendars.read' as const };
  const manage = { permission: 'calendars.manage' as const };

  app.get(
    '/calendars',
    { schema: { tags, summary: 'Business calendars', response: { 200: z.object({ items: z.array(ZCalendarSummary) }) } }, config: read },
    (req) => svc.listCalendars(req.ctx()),
  );
  app.get(
    '/calendars/:id',
    {
      schema: { tags, summary: 'One calendar with its hours, holidays and make-up days', params: ZIdParams, response: { 200: ZCalendar } },
      config: read,
    },
    (req) => svc.getCalendar(req.ctx().db, req.params.id),
  );
  app.post(
    '/calendars',
    { schema: { tags, summary: 'Create a calendar', body: ZCalendarCreate, response: { 201: ZCalendar } }, config: manage },
    async (req, reply) => reply.status(201).send(await svc.createCalendar(req.ctx(), req.body)),
  );
  app.patch(
    '/calendars/:id',
    {
      schema: {
        tags,
        summary: 'Edit a calendar (send the version you read)',
        params: ZIdParams,
        body: ZCalendarUpdate,
        response: { 200: ZCalendar },
      },
      config: manage,
    },
    (req) => svc.updateCalendar(req.ctx(), req.params.id, req.body),
  );
  app.delete(
    '/calendars/:id',
    { schema: { tags, summary: 'Delete a calendar that is not the default', params: ZIdParams, response: { 200: ZOk } }, config: manage },
    async (req) => {
      await svc.deleteCalendar(req.ctx(), req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/calendars/:id/due',
    {
      schema: {
        tags,
        summary: 'SLA-3 preview: the instant N working minutes after `from`, with its explanation',
        params: ZIdParams,
        querystring: ZDueQuery,
        response: { 200: ZDueResult },
      },
      config: read,
    },
    (req) => svc.dueAt(req.ctx(), req.params.id, req.query.from, req.query.minutes),
  );
  app.get(
    '/calendars/:id/working-minutes',
    {
      schema: {
        tags,
        summary: 'Working minutes between two instants',
        params: ZIdParams,
        querystring: ZBetweenQuery,
        response: { 200: ZBetweenResult },
      },
      config: read,
    },
    (req) => svc.minutesBetween(req.ctx(), req.params.id, req.query.from, req.query.to),
  );
  app.get(
    '/calendars/:id/working-days',
    {
      schema: {
        tags,
        summary: 'Working days after `from` up to and including `to` (RS-6)',
        params: ZIdParams,
        querystring: ZWorkingDaysQuery,
        response: { 200: ZWorkingDaysResult },
      },
      config: read,
    },
    (req) => svc.workingDays(req.ctx(), req.params.id, req.query.from, req.query.to),
  );
  app.get(
    '/calendars/:id/month',
    {
      schema: {
        tags,
        summary: 'Month view: each day working, weekend, holiday or make-up day',
        params: ZIdParams,
        querystring: ZMonthQuery,
        response: { 200: z.object({ items: z.array(ZMonthDay) }) },
      },
      config: read,
    },
    (req) => svc.month(req.ctx(), req.params.id, req.query.month),
  );
  app.get(
    '/calendars/:id/holidays.ics',
    { schema: { tags, summary: 'Holidays and make-up days as iCalendar', params: ZIdParams }, config: read },
    async (req, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="calendar-${req.params.id}.ics"`)
        .send(await svc.exportIcs(req.ctx(), req.params.id)),
  );
  app.post(
    '/calendars/:id/holidays/import',
    {
      schema: {
        tags,
        summary: 'Import holidays and make-up days from iCalendar text',
        params: ZIdParams,
        body: ZIcsImport,
        response: { 200: ZCalendar },
      },
      config: manage,
    },
    (req) => svc.importIcs(req.ctx(), req.params.id, req.body),
  );
}
