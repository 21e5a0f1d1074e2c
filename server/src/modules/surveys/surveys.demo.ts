import { DEFAULT_SURVEY_QUESTIONS, type TSurveyQuestion, localDateOf, surveyPeriodOf } from '@techserve/core';
import type { Database } from '../../db/database';
import type { Clock } from '../../http/clock';
import { nowIso } from '../../http/clock';
import { demoActors } from '../incidents/incidents.demo';
import { hasRows } from '../incidents/incidents.repository';
import { surveyToken } from './survey-links';
import { answerByToken, answerInPortal, getSurvey, sendRound } from './surveys.service';

/**
 * SR-11b demo, through the services: this quarter's satisfaction survey sent to every customer contact; the hospital's
 * 钱主任 answered in the portal and the factory's 周经理 through the e-mailed link; 孙工 has not answered yet.
 * Skipped when a round exists.
 */
export async function seedSurveysDemo(database: Pick<Database, 'db' | 'dialect'>, clock: Clock, publicUrl = 'http://localhost:3000') {
  const { db } = database;
  if (await hasRows(db, 'survey_rounds')) return false;
  const people = await demoActors(database, clock, ['supervisor', 'contact.qian'], 'seed-surveys-demo');
  if (!people) return false;
  const period = surveyPeriodOf(localDateOf(clock.now().getTime()), 3);
  const questions = DEFAULT_SURVEY_QUESTIONS.map((q) => ({ ...q, text: { ...q.text } })) as TSurveyQuestion[];
  const id = await sendRound(
    db,
    { ...people.supervisor, publicUrl },
    { title: `客户满意度调查 ${period.label}`, periodStart: period.start, periodEnd: period.end, questions },
  );
  const round = await getSurvey(people.supervisor, id);
  const qian = round.invitations.find((i) => i.contactName === '钱主任');
  const zhou = round.invitations.find((i) => i.contactName === '周经理');
  if (qian)
    await answerInPortal(people['contact.qian'], qian.id, {
      answers: { attitude: 'excellent', skill: 'good', result: 'good', timeliness: 'fair', suggestions: '希望紧急故障时能更快到场。' },
    });
  if (zhou) {
    const token = await surveyToken(db, zhou.id, Date.parse(zhou.expiresAt), nowIso(clock));
    await answerByToken(db, clock, token, { answers: { attitude: 'good', skill: 'excellent', result: 'good', timeliness: 'good' } });
  }
  return true;
}
