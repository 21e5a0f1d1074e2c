import {
  ZAwardBonus,
  ZAwardDecision,
  ZAwardMonthBody,
  ZAwardMonthQuery,
  ZAwardRound,
  ZAwardVote,
  ZIdParams,
  ZKpiConsolidate,
  ZKpiListQuery,
  ZKpiPage,
  ZKpiSelf,
  ZKpiSuperior,
  ZRankingBonusPage,
  ZRankingBonusQuery,
} from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import * as awards from './awards.service';
import * as svc from './kpi.service';
import { rankingBonus } from './ranking-bonus.service';

/** AP-6 the monthly best employee and AP-16 KPIs. */
export function kpiRoutes(app: App) {
  const tags = ['kpi'];
  app.get(
    '/awards',
    {
      schema: {
        tags,
        summary: "AP-6: the month's best-employee round (nominees while voting, candidates under review after)",
        querystring: ZAwardMonthQuery,
        response: { 200: ZAwardRound },
      },
      config: { permission: 'awards.vote' as const },
    },
    (req) => awards.getRound(req.ctx(), req.query.month),
  );
  app.post(
    '/awards/vote',
    {
      schema: {
        tags,
        summary: 'AP-6: my one anonymous vote of the month (never for myself)',
        body: ZAwardVote,
        response: { 201: ZAwardRound },
      },
      config: { permission: 'awards.vote' as const },
    },
    async (req, reply) => reply.status(201).send(await awards.vote(req.ctx(), req.body)),
  );
  app.post(
    '/awards/close-voting',
    {
      schema: {
        tags,
        summary: 'AP-6: close an ended month’s voting; the most voted go to review',
        body: ZAwardMonthBody,
        response: { 200: ZAwardRound },
      },
      config: { permission: 'awards.review' as const },
    },
    (req) => awards.closeVoting(req.ctx(), req.body.month),
  );
  app.post(
    '/award-candidates/:id/decision',
    {
      schema: {
        tags,
        summary: 'AP-6: the manager, the VP, then the GM approve; any of them vetoes with a ground and a reason',
        params: ZIdParams,
        body: ZAwardDecision,
        response: { 200: ZAwardRound },
      },
      config: {},
    },
    (req) => awards.decide(req.ctx(), req.params.id, req.body),
  );
  app.get(
    '/award-bonuses',
    {
      schema: {
        tags,
        summary: "AP-6: the month's confirmed best employees and their bonuses (what the appraisal and pay read)",
        querystring: ZAwardMonthQuery,
        response: { 200: z.object({ items: z.array(ZAwardBonus) }) },
      },
      config: { permission: 'awards.review' as const },
    },
    async (req) => ({ items: await awards.bestEmployeeBonuses(req.ctx().db, req.query.month) }),
  );
  app.get(
    '/kpis',
    {
      schema: {
        tags,
        summary: "AP-16: a month's or a year's KPIs, mine or those in my scope, with the weak items' training (AP-16b)",
        querystring: ZKpiListQuery,
        response: { 200: ZKpiPage },
      },
      config: {},
    },
    (req) => svc.listKpis(req.ctx(), req.query),
  );
  app.put(
    '/kpis/self',
    {
      schema: { tags, summary: 'AP-16: my self-appraisal of the KPI items', body: ZKpiSelf, response: { 200: ZKpiPage } },
      config: { permission: 'kpi.self' as const },
    },
    (req) => svc.selfScore(req.ctx(), req.body.period, req.body.scores),
  );
  app.put(
    '/kpis/:id/superior',
    {
      schema: {
        tags,
        summary: "AP-16: the superior's scores of a person in my scope",
        params: ZIdParams,
        body: ZKpiSuperior,
        response: { 200: ZKpiPage },
      },
      config: { permission: 'kpi.review' as const },
    },
    (req) => svc.superiorScore(req.ctx(), req.params.id, req.body.period, req.body.scores, req.body.version),
  );
  app.post(
    '/kpis/:id/consolidate',
    {
      schema: {
        tags,
        summary: "AP-16: HR consolidates a person's self, superior and customer scores (kept as computed)",
        params: ZIdParams,
        body: ZKpiConsolidate,
        response: { 200: ZKpiPage },
      },
      config: { permission: 'kpi.consolidate' as const },
    },
    (req) => svc.consolidate(req.ctx(), req.params.id, req.body.period, req.body.version),
  );
  app.get(
    '/ranking-bonus',
    {
      schema: {
        tags,
        summary: 'PAY-2/ORG-4: the period’s bonus by regional ranking in bands, attributed to the regions served, explained',
        querystring: ZRankingBonusQuery,
        response: { 200: ZRankingBonusPage },
      },
      config: { permission: 'kpi.consolidate' as const },
    },
    (req) => rankingBonus(req.ctx(), req.query.from),
  );
}
