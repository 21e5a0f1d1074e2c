import {
  ZBankQuestion,
  ZCertificate,
  ZCertificateCreate,
  ZCertificateListQuery,
  ZCertificateUpdate,
  ZExam,
  ZExamAnswers,
  ZExamAttemptParams,
  ZExamCreate,
  ZExamGrade,
  ZExamListQuery,
  ZExamQuestionCreate,
  ZExamQuestionUpdate,
  ZExamResult,
  ZExamSummary,
  ZIdParams,
  ZQuestionListQuery,
  ZResultsQuery,
  ZStaffAttendance,
  ZStaffSession,
  ZStaffSessionCreate,
  ZStaffSessionListQuery,
  ZStaffSessionUpdate,
  ZTestTask,
  ZTestTaskCreate,
  ZTestTaskListQuery,
  ZTestTaskUpdate,
  ZVersion,
  page,
} from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import type { Ctx } from '../../http/context';
import { assertCan } from '../incidents/incidents.shared';
import * as certificates from './certificates.service';
import * as exams from './exams.service';
import * as sessions from './sessions.service';

/** Reading needs either training permission; the service narrows a learner to their own records. */
const learner = (ctx: Ctx) => {
  assertCan(ctx.actor, 'training.attend', 'training.manage');
  return ctx;
};

/** TRN-1..3: internal training (内部培训), exams, certificates and product test tasks, under /staff-training. */
export function staffTrainingRoutes(app: App) {
  const tags = ['staff-training'];
  const manage = { permission: 'training.manage' as const };
  const any = {};
  const p = (path: string) => `/staff-training${path}`;

  app.get(
    p('/sessions'),
    {
      schema: {
        tags,
        summary: 'Internal training sessions (mine, or all for a manager)',
        querystring: ZStaffSessionListQuery,
        response: { 200: page(ZStaffSession) },
      },
      config: any,
    },
    (req) => sessions.listSessions(learner(req.ctx()), req.query),
  );
  app.post(
    p('/sessions'),
    {
      schema: {
        tags,
        summary: 'Plan a session (TRN-1: onboarding, product, skills, external) and invite the attendees',
        body: ZStaffSessionCreate,
        response: { 201: ZStaffSession },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await sessions.createSession(req.ctx(), req.body)),
  );
  app.get(
    p('/sessions/:id'),
    {
      schema: { tags, summary: 'One session with its attendance and exams', params: ZIdParams, response: { 200: ZStaffSession } },
      config: any,
    },
    (req) => sessions.getSession(learner(req.ctx()), req.params.id),
  );
  app.patch(
    p('/sessions/:id'),
    {
      schema: {
        tags,
        summary: 'Change or cancel a session',
        params: ZIdParams,
        body: ZStaffSessionUpdate,
        response: { 200: ZStaffSession },
      },
      config: manage,
    },
    (req) => sessions.updateSession(req.ctx(), req.params.id, req.body),
  );
  app.put(
    p('/sessions/:id/attendance'),
    {
      schema: { tags, summary: 'Record who attended (TRN-1)', params: ZIdParams, body: ZStaffAttendance, response: { 200: ZStaffSession } },
      config: manage,
    },
    (req) => sessions.recordAttendance(req.ctx(), req.params.id, req.body),
  );

  app.get(
    p('/questions'),
    {
      schema: { tags, summary: 'The question bank, per product', querystring: ZQuestionListQuery, response: { 200: page(ZBankQuestion) } },
      config: manage,
    },
    (req) => exams.listQuestions(req.ctx(), req.query),
  );
  app.post(
    p('/questions'),
    {
      schema: {
        tags,
        summary: 'Add a single choice, multiple choice or written question',
        body: ZExamQuestionCreate,
        response: { 201: ZBankQuestion },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await exams.createQuestion(req.ctx(), req.body)),
  );
  app.patch(
    p('/questions/:id'),
    {
      schema: {
        tags,
        summary: 'Edit or retire a question (exams already set keep their copy)',
        params: ZIdParams,
        body: ZExamQuestionUpdate,
        response: { 200: ZBankQuestion },
      },
      config: manage,
    },
    (req) => exams.updateQuestion(req.ctx(), req.params.id, req.body),
  );

  app.get(
    p('/exams'),
    {
      schema: {
        tags,
        summary: 'Exams I take or set (all for a manager with view=all)',
        querystring: ZExamListQuery,
        response: { 200: page(ZExamSummary) },
      },
      config: any,
    },
    (req) => exams.listExams(learner(req.ctx()), req.query),
  );
  app.post(
    p('/exams'),
    {
      schema: {
        tags,
        summary: 'Set an exam from the bank (TRN-1 on the day of a session, TRN-3 knowledge exam); pass mark from the policy',
        body: ZExamCreate,
        response: { 201: ZExam },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await exams.createExam(req.ctx(), req.body)),
  );
  app.get(
    p('/exams/:id'),
    {
      schema: { tags, summary: 'The paper, my result, or everyone’s results for the trainer', params: ZIdParams, response: { 200: ZExam } },
      config: any,
    },
    (req) => exams.getExam(learner(req.ctx()), req.params.id),
  );
  app.post(
    p('/exams/:id/answers'),
    {
      schema: {
        tags,
        summary: 'Hand in my paper, once, while the exam is open',
        params: ZIdParams,
        body: ZExamAnswers,
        response: { 200: ZExam },
      },
      config: any,
    },
    (req) => exams.submitAnswers(learner(req.ctx()), req.params.id, req.body),
  );
  app.post(
    p('/exams/:id/attempts/:attemptId/grade'),
    {
      schema: {
        tags,
        summary: 'The trainer grades the written answers (AP-10: a failure is a fact)',
        params: ZExamAttemptParams,
        body: ZExamGrade,
        response: { 200: ZExam },
      },
      config: any,
    },
    (req) => exams.gradeAttempt(learner(req.ctx()), req.params.id, req.params.attemptId, req.body),
  );
  app.post(
    p('/exams/:id/close'),
    {
      schema: {
        tags,
        summary: 'Close the exam now',
        params: ZIdParams,
        body: z.strictObject({ version: ZVersion }),
        response: { 200: ZExam },
      },
      config: any,
    },
    (req) => exams.closeExam(learner(req.ctx()), req.params.id, req.body.version),
  );
  app.get(
    p('/results'),
    {
      schema: {
        tags,
        summary: 'Exam results per person (mine, or anyone’s for a manager)',
        querystring: ZResultsQuery,
        response: { 200: page(ZExamResult) },
      },
      config: any,
    },
    (req) => exams.listResults(learner(req.ctx()), req.query),
  );

  app.get(
    p('/certificates'),
    {
      schema: {
        tags,
        summary: 'Professional certificates with their expiry state (TRN-3)',
        querystring: ZCertificateListQuery,
        response: { 200: page(ZCertificate) },
      },
      config: any,
    },
    (req) => certificates.listCertificates(learner(req.ctx()), req.query),
  );
  app.post(
    p('/certificates'),
    {
      schema: {
        tags,
        summary: 'Record a certificate (mine, or anyone’s for a manager)',
        body: ZCertificateCreate,
        response: { 201: ZCertificate },
      },
      config: any,
    },
    async (req, reply) => reply.status(201).send(await certificates.createCertificate(learner(req.ctx()), req.body)),
  );
  app.patch(
    p('/certificates/:id'),
    {
      schema: {
        tags,
        summary: 'Renew or correct a certificate',
        params: ZIdParams,
        body: ZCertificateUpdate,
        response: { 200: ZCertificate },
      },
      config: any,
    },
    (req) => certificates.updateCertificate(learner(req.ctx()), req.params.id, req.body),
  );

  app.get(
    p('/test-tasks'),
    {
      schema: { tags, summary: 'Product test tasks with R&D (TRN-2)', querystring: ZTestTaskListQuery, response: { 200: page(ZTestTask) } },
      config: any,
    },
    (req) => certificates.listTestTasks(learner(req.ctx()), req.query),
  );
  app.post(
    p('/test-tasks'),
    {
      schema: {
        tags,
        summary: 'Give an engineer a product test, test document, user guide or production task',
        body: ZTestTaskCreate,
        response: { 201: ZTestTask },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await certificates.createTestTask(req.ctx(), req.body)),
  );
  app.patch(
    p('/test-tasks/:id'),
    {
      schema: {
        tags,
        summary: 'Progress and result of a test task',
        params: ZIdParams,
        body: ZTestTaskUpdate,
        response: { 200: ZTestTask },
      },
      config: any,
    },
    (req) => certificates.updateTestTask(learner(req.ctx()), req.params.id, req.body),
  );
}
