import {
  ZIdParams,
  ZSurvey,
  ZSurveyAnswer,
  ZSurveyAnswered,
  ZSurveyClose,
  ZSurveyCreate,
  ZSurveyDetail,
  ZSurveyForm,
  ZSurveyFormList,
  ZSurveyListQuery,
  ZSurveyResults,
  ZSurveyResultsQuery,
  ZSurveyTokenParams,
  page,
} from '@techserve/core';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../http/app-types';
import * as svc from './surveys.service';

/** SR-11b: periodic satisfaction surveys; the e-mailed link works without an account. */
export function surveysRoutes(app: App, opts: { publicUrl?: string }) {
  const tags = ['surveys'];
  const read = { permission: 'surveys.read' as const };
  const manage = { permission: 'surveys.manage' as const };
  const answer = { permission: 'surveys.answer' as const };
  // Links in the e-mail point at the configured public address, else at the address this request came to.
  const publicUrl = (req: FastifyRequest) => opts.publicUrl ?? `${req.protocol}://${req.host}`;

  app.post(
    '/surveys',
    {
      schema: {
        tags,
        summary: 'Send a survey round: one invitation per contact of the customers, e-mailed with a signed link (SR-11b)',
        body: ZSurveyCreate,
        response: { 201: ZSurveyDetail },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await svc.createSurvey(req.ctx(), req.body, publicUrl(req))),
  );
  app.get(
    '/surveys',
    {
      schema: {
        tags,
        summary: 'Survey rounds with their response counts',
        querystring: ZSurveyListQuery,
        response: { 200: page(ZSurvey) },
      },
      config: read,
    },
    (req) => svc.listSurveys(req.ctx(), req.query),
  );
  app.get(
    '/surveys/:id',
    { schema: { tags, summary: 'One round with its invitations', params: ZIdParams, response: { 200: ZSurveyDetail } }, config: read },
    (req) => svc.getSurvey(req.ctx(), req.params.id),
  );
  app.get(
    '/surveys/:id/results',
    {
      schema: {
        tags,
        summary: 'Answers aggregated per customer, engineer (who served the customer in the period) or region',
        params: ZIdParams,
        querystring: ZSurveyResultsQuery,
        response: { 200: ZSurveyResults },
      },
      config: read,
    },
    (req) => svc.surveyResults(req.ctx(), req.params.id, req.query.by),
  );
  app.post(
    '/surveys/:id/close',
    {
      schema: { tags, summary: 'Stop taking answers', params: ZIdParams, body: ZSurveyClose, response: { 200: ZSurveyDetail } },
      config: manage,
    },
    (req) => svc.closeSurvey(req.ctx(), req.params.id, req.body.version),
  );
  app.get(
    '/portal/surveys',
    { schema: { tags, summary: 'A customer contact’s questionnaires (portal)', response: { 200: ZSurveyFormList } }, config: answer },
    (req) => svc.portalForms(req.ctx()),
  );
  app.post(
    '/portal/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Answer in the portal (once per contact and round)',
        params: ZIdParams,
        body: ZSurveyAnswer,
        response: { 201: ZSurveyAnswered },
      },
      config: answer,
    },
    async (req, reply) => reply.status(201).send(await svc.answerInPortal(req.ctx(), req.params.id, req.body)),
  );
  app.get(
    '/public/surveys/:token',
    {
      schema: {
        tags,
        summary: 'The questionnaire behind an e-mailed link (no account)',
        params: ZSurveyTokenParams,
        response: { 200: ZSurveyForm },
      },
      config: { public: true },
    },
    (req) => svc.formByToken(req.publicCtx().db, req.publicCtx().clock, req.params.token),
  );
  app.post(
    '/public/surveys/:token',
    {
      schema: {
        tags,
        summary: 'Answer through the e-mailed link (once; the link expires)',
        params: ZSurveyTokenParams,
        body: ZSurveyAnswer,
        response: { 201: ZSurveyAnswered },
      },
      config: { public: true },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.answerByToken(req.publicCtx().db, req.publicCtx().clock, req.params.token, req.body)),
  );
}
