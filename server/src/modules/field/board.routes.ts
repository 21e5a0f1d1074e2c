import { ZBoard, ZBoardQuery, ZStandup, ZStandupPlan, ZStandupPlanPut, ZStandupQuery } from '@techserve/core';
import type { App } from '../../http/app-types';
import { dispatchBoard } from './board.service';
import { putPlan, standup } from './standup.service';

/** The dispatch board and the daily stand-up (FS-11). A board drag is PATCH /field/letters/:id/appointment (FS-5). */
export function boardRoutes(app: App) {
  const tags = ['field'];
  app.get(
    '/field/board',
    {
      schema: {
        tags,
        summary: 'Engineers × days with appointments and conflicts (leave, travel, double bookings)',
        querystring: ZBoardQuery,
        response: { 200: ZBoard },
      },
      config: { permission: 'field.dispatch' as const },
    },
    (req) => dispatchBoard(req.ctx(), req.query),
  );
  app.get(
    '/field/standup',
    {
      schema: {
        tags,
        summary: 'Stand-up (FS-11): each engineer’s unsolved items today and tomorrow’s appointments and plan',
        querystring: ZStandupQuery,
        response: { 200: ZStandup },
      },
      config: { permission: 'field.read' as const },
    },
    (req) => standup(req.ctx(), req.query),
  );
  app.put(
    '/field/standup/plans',
    {
      schema: {
        tags,
        summary: 'Write an engineer’s plan for a day (the engineer, their lead, or a dispatcher)',
        body: ZStandupPlanPut,
        response: { 200: ZStandupPlan },
      },
      config: { permission: 'field.work' as const },
    },
    (req) => putPlan(req.ctx(), req.body),
  );
}
