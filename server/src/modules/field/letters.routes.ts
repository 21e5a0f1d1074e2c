import { exportLang, sendWorkbook, workbookResponse } from '../../files';
import { exportLetters } from './letters.export';
import {
  exportQuery,
  ZEngineerSuggestionList,
  ZFieldIdParams,
  ZLedgerList,
  ZLedgerQuery,
  ZLetter,
  ZLetterAssign,
  ZLetterBook,
  ZLetterCreate,
  ZLetterFill,
  ZLetterList,
  ZLetterListQuery,
  ZLetterReject,
  ZLetterReschedule,
  ZKitPacking,
  ZSiteClarification,
  ZVersionBody,
} from '@techserve/core';
import type { App } from '../../http/app-types';
import * as afterTrip from './letters.ledger';
import * as svc from './letters.service';
import * as staffing from './letters.staffing';
import * as workflow from './letters.workflow';

/** FS-2/4/5/10: responsibility letters (项目责任书) and the service ledger. */
export function lettersRoutes(app: App) {
  const tags = ['field'];
  const read = { permission: 'field.read' as const };
  const work = { permission: 'field.work' as const };
  const dispatch = { permission: 'field.dispatch' as const };
  const approve = { permission: 'field.approve' as const };
  const ledger = { permission: 'field.ledger' as const };
  const one = (summary: string) => ({ tags, summary, params: ZFieldIdParams, response: { 200: ZLetter } });

  app.post(
    '/field/letters',
    {
      schema: {
        tags,
        summary:
          'Create a letter from a signed notice or a request that needs a visit (FS-2); the standard kit is copied from the policy (FS-4)',
        body: ZLetterCreate,
        response: { 201: ZLetter },
      },
      config: dispatch,
    },
    async (req, reply) => reply.status(201).send(await staffing.createLetter(req.ctx(), req.body)),
  );
  app.get(
    '/field/letters',
    {
      schema: { tags, summary: 'Letters in scope: mine, to approve, all', querystring: ZLetterListQuery, response: { 200: ZLetterList } },
      config: read,
    },
    (req) => svc.listLetters(req.ctx(), req.query),
  );
  app.get(
    '/exports/letters.xlsx',
    {
      schema: {
        tags: tags,
        summary: 'Issue 12 item 9: the letter list with the same filters as GET /field/letters as Excel (.xlsx), headers in lang',
        querystring: exportQuery(ZLetterListQuery),
        response: workbookResponse,
      },
      config: read,
    },
    async (req, reply) => sendWorkbook(reply, await exportLetters(req.ctx(), req.query, exportLang(req))),
  );
  app.get('/field/letters/:id', { schema: one('One letter with its kit, engineers and appointment history'), config: read }, (req) =>
    svc.getLetter(req.ctx(), req.params.id),
  );
  app.get(
    '/field/letters/:id/engineer-suggestions',
    {
      schema: {
        tags,
        summary: 'Engineers for the letter: the site’s region first, with level, open load and travel conflicts (FS-2)',
        params: ZFieldIdParams,
        response: { 200: ZEngineerSuggestionList },
      },
      config: dispatch,
    },
    (req) => staffing.suggestEngineers(req.ctx(), req.params.id),
  );
  app.put(
    '/field/letters/:id/engineers',
    { schema: { ...one('Assign the engineers and the lead (FS-2)'), body: ZLetterAssign }, config: dispatch },
    (req) => staffing.assignEngineers(req.ctx(), req.params.id, req.body),
  );
  app.patch(
    '/field/letters/:id',
    { schema: { ...one('Fill in the letter (FS-2, FS-4); draft only'), body: ZLetterFill }, config: work },
    (req) => workflow.fillLetter(req.ctx(), req.params.id, req.body),
  );
  app.put(
    '/field/letters/:id/kit-packing',
    {
      schema: { ...one('Tick the kit items packed (FS-4), from the draft until on site; the letter’s engineers'), body: ZKitPacking },
      config: work,
    },
    (req) => workflow.packKit(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/field/letters/:id/site-clarification',
    {
      schema: { ...one('The notice’s author clarifies a site mismatch (FS-2)'), body: ZSiteClarification },
      config: { permission: 'field.read' as const },
    },
    (req) => workflow.clarifySite(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/field/letters/:id/submit',
    { schema: { ...one('Submit for approval; 422 FS-2 naming what is missing'), body: ZVersionBody }, config: work },
    (req) => workflow.submitLetter(req.ctx(), req.params.id, req.body),
  );
  app.post('/field/letters/:id/approve', { schema: { ...one('Approve the plan (FS-10)'), body: ZVersionBody }, config: approve }, (req) =>
    workflow.approveLetter(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/field/letters/:id/reject',
    { schema: { ...one('Reject the plan with a reason; back to draft (FS-10)'), body: ZLetterReject }, config: approve },
    (req) => workflow.rejectLetter(req.ctx(), req.params.id, req.body),
  );
  app.patch(
    '/field/letters/:id/appointment',
    {
      schema: {
        ...one('Re-book the appointment with the call to the customer (FS-5); the board’s drag, optionally to another engineer'),
        body: ZLetterReschedule,
      },
      config: work,
    },
    (req) => workflow.rescheduleLetter(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/field/letters/:id/confirm',
    { schema: { ...one('Confirm the letter after the trip (FS-10)'), body: ZVersionBody }, config: approve },
    (req) => afterTrip.confirmLetter(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/field/letters/:id/book',
    {
      schema: { ...one('Book the letter in the service ledger with the customer’s evaluation (FS-10)'), body: ZLetterBook },
      config: ledger,
    },
    (req) => afterTrip.bookLetter(req.ctx(), req.params.id, req.body),
  );
  app.get(
    '/field/ledger',
    {
      schema: {
        tags,
        summary: 'The service ledger: booked letters by month and customer (FS-10)',
        querystring: ZLedgerQuery,
        response: { 200: ZLedgerList },
      },
      config: ledger,
    },
    (req) => afterTrip.listLedger(req.ctx(), req.query),
  );
}
