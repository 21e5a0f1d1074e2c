import {
  type TCalendar,
  type TCalendarCreate,
  type TCalendarDefinition,
  type TCalendarUpdate,
  ZCalendarDefinition,
  addWorkingMinutes,
  chinaHqCalendar,
  explain,
  holidaysToIcs,
  monthView,
  parseHolidayIcs,
  workingDaysBetween,
  workingMinutesBetween,
} from '@techserve/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../../http/clock';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError, invalidValue, notFound, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { watchOf } from '../../db/write-watch';
import { compiledCalendar } from './calendar-cache';
import * as repo from './calendars.repository';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findCalendarRow>>>;

function toCalendar(row: Row): TCalendar {
  return {
    id: row.id,
    name: row.name,
    isDefault: row.is_default === 1,
    definition: JSON.parse(row.definition) as TCalendarDefinition,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listCalendars(ctx: Ctx) {
  const rows = await repo.listCalendarRows(ctx.db);
  return {
    items: rows.map((r) => {
      const { definition, ...rest } = toCalendar(r);
      return {
        ...rest,
        timeZone: definition.timeZone,
        mode: definition.mode,
        holidayCount: definition.holidays.length,
        makeupCount: definition.makeupWorkdays.length,
      };
    }),
  };
}

export async function getCalendar(db: Db, id: number): Promise<TCalendar> {
  const row = await repo.findCalendarRow(db, id);
  if (!row) throw notFound('Calendar');
  return toCalendar(row);
}

export type LoadedCalendar = { calendar: TCalendar; compiled: ReturnType<typeof compiledCalendar> };

// Every SLA clock reads its calendar; calendars change a few times a year. Kept until a write to calendars in
// this process (write-watch.ts) or for a minute (other server processes), like the policy in force. Reads inside
// a transaction bypass the cache: they may see the transaction's own, uncommitted, change.
const CALENDAR_TTL_MS = 60_000;
const calendarCache = (db: Db) =>
  watchOf(db).cache<number | 'default', LoadedCalendar | null>('calendars', { tables: ['calendars'], ttlMs: CALENDAR_TTL_MS, max: 500 });

async function readCalendar(db: Db, id: number | 'default'): Promise<LoadedCalendar | null> {
  const row = id === 'default' ? await repo.findDefaultCalendarRow(db) : await repo.findCalendarRow(db, id);
  if (!row) return null;
  const calendar = toCalendar(row);
  return { calendar, compiled: compiledCalendar(calendar.id, calendar.version, calendar.definition as TCalendarDefinition) };
}

const cachedCalendar = (db: Db, id: number | 'default') =>
  db.isTransaction ? readCalendar(db, id) : calendarCache(db).get(id, () => readCalendar(db, id));

/** The calendar, compiled for arithmetic (shared: never mutate it). Other modules call this with the site's calendar id. */
export async function loadCalendar(db: Db, id: number): Promise<LoadedCalendar> {
  const loaded = await cachedCalendar(db, id);
  if (!loaded) throw notFound('Calendar');
  return loaded;
}

/** The company's default calendar (SLA-3), for sites without one of their own. */
export async function loadDefaultCalendar(db: Db): Promise<LoadedCalendar> {
  const loaded = await cachedCalendar(db, 'default');
  if (!loaded) throw new AppError('internal', 'No default calendar');
  return loaded;
}

async function assertNameFree(db: Db, name: string, exceptId = 0) {
  if (await repo.calendarNameTaken(db, name, exceptId)) {
    throw new AppError('conflict', `name: a calendar named "${name}" already exists`, {
      details: [{ path: 'body.name', message: 'taken' }],
    });
  }
}

/** Sorted, so stored documents and exports are stable. */
function normalise(def: TCalendarDefinition): TCalendarDefinition {
  const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);
  return { ...def, holidays: [...def.holidays].sort(byDate), makeupWorkdays: [...def.makeupWorkdays].sort(byDate) };
}

/**
 * Issue 17 item 18: the holidays and make-up days a new calendar starts with. `builtin`: China's official arrangements
 * of the latest years; `calendar`: a copy of another calendar's; `none`: empty (a site abroad, or entered by hand).
 */
async function startingHolidays(db: Db, body: TCalendarCreate, base: TCalendarDefinition): Promise<TCalendarDefinition> {
  if (body.startFrom === 'none') return { ...base, holidays: [], makeupWorkdays: [] };
  if (body.startFrom === 'builtin') {
    const { holidays, makeupWorkdays } = chinaHqCalendar();
    return { ...base, holidays, makeupWorkdays };
  }
  if (body.startFrom === 'calendar') {
    const source = await repo.findCalendarRow(db, Number(body.fromCalendarId));
    if (!source) throw invalidValue('body.fromCalendarId', 'no such calendar');
    const { holidays, makeupWorkdays, makeupHours } = JSON.parse(source.definition) as TCalendarDefinition;
    return { ...base, holidays, makeupWorkdays, ...(makeupHours ? { makeupHours } : {}) };
  }
  return base;
}

export async function createCalendar(ctx: Ctx, body: TCalendarCreate): Promise<TCalendar> {
  const base = body.definition ? ZCalendarDefinition.parse(body.definition) : chinaHqCalendar();
  return ctx.db.transaction().execute(async (trx) => {
    const definition = normalise(await startingHolidays(trx, body, base));
    await assertNameFree(trx, body.name);
    const { id } = await repo.insertCalendarRow(trx, {
      name: body.name,
      isDefault: body.isDefault ?? false,
      definition: JSON.stringify(definition),
      now: nowIso(ctx.clock),
    });
    if (body.isDefault) await repo.clearDefaultExcept(trx, id);
    const after = await getCalendar(trx, id);
    await recordAudit(trx, ctx, { action: 'create', entity: 'calendar', entityId: id, after });
    return after;
  });
}

export async function updateCalendar(ctx: Ctx, id: number, body: TCalendarUpdate): Promise<TCalendar> {
  const definition = body.definition ? normalise(ZCalendarDefinition.parse(body.definition)) : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getCalendar(trx, id);
    if (body.name !== undefined) await assertNameFree(trx, body.name, id);
    if (body.isDefault === false && before.isDefault) {
      throw new AppError('conflict', 'Make another calendar the default instead of unsetting this one');
    }
    const ok = await repo.updateCalendarRow(trx, id, body.version, {
      name: body.name,
      isDefault: body.isDefault,
      definition: definition && JSON.stringify(definition),
      now: nowIso(ctx.clock),
    });
    if (!ok) throw versionConflict('Calendar');
    if (body.isDefault) await repo.clearDefaultExcept(trx, id);
    const after = await getCalendar(trx, id);
    await recordAudit(trx, ctx, { action: 'update', entity: 'calendar', entityId: id, before, after });
    return after;
  });
}

export async function deleteCalendar(ctx: Ctx, id: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await getCalendar(trx, id);
    if (before.isDefault) throw new AppError('conflict', 'The default calendar cannot be deleted');
    await repo.deleteCalendarRow(trx, id);
    await recordAudit(trx, ctx, { action: 'delete', entity: 'calendar', entityId: id, before });
  });
}

/** Local wall-clock text of an instant in the calendar's zone, e.g. '2026-02-24 11:30'. */
function localText(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** SLA-3 preview: "a request created at <from> with a target of <N working minutes> is due at …". */
export async function dueAt(ctx: Ctx, id: number, fromIso: string, minutes: number) {
  const { calendar, compiled } = await loadCalendar(ctx.db, id);
  const from = Date.parse(fromIso);
  const due = addWorkingMinutes(compiled, from, minutes);
  const tz = calendar.definition.timeZone;
  const mode24 = calendar.definition.mode === '24x7';
  const explanation = explain({
    ruleId: 'SLA-3',
    policyVersion: null,
    inputs: {
      calendarId: calendar.id,
      calendarName: calendar.name,
      calendarVersion: calendar.version,
      timeZone: tz,
      mode: calendar.definition.mode,
      from: new Date(from).toISOString(),
      minutes,
    },
    result: new Date(due).toISOString(),
    zh: `从 ${localText(from, tz)} 起 ${minutes} 个${mode24 ? '' : '工作'}分钟（日历「${calendar.name}」第 ${calendar.version} 版，${mode24 ? '7×24 小时' : '按工作时间、节假日与调休'}）→ 到期 ${localText(due, tz)}`,
    en: `${minutes} ${mode24 ? 'wall-clock' : 'working'} minutes from ${localText(from, tz)} on calendar "${calendar.name}" v${calendar.version} (${mode24 ? '24×7' : 'working hours, holidays and make-up days'}) → due ${localText(due, tz)} (${tz})`,
  });
  return { from: new Date(from).toISOString(), minutes, due: new Date(due).toISOString(), explanation };
}

export async function minutesBetween(ctx: Ctx, id: number, fromIso: string, toIso: string) {
  const { calendar, compiled } = await loadCalendar(ctx.db, id);
  const minutes = workingMinutesBetween(compiled, Date.parse(fromIso), Date.parse(toIso));
  const tz = calendar.definition.timeZone;
  return {
    minutes,
    explanation: explain({
      ruleId: 'SLA-3',
      policyVersion: null,
      inputs: { calendarId: calendar.id, calendarVersion: calendar.version, from: fromIso, to: toIso },
      result: minutes,
      zh: `${localText(Date.parse(fromIso), tz)} 至 ${localText(Date.parse(toIso), tz)} 之间有 ${minutes} 个工作分钟（日历「${calendar.name}」）`,
      en: `${minutes} working minutes between ${localText(Date.parse(fromIso), tz)} and ${localText(Date.parse(toIso), tz)} on "${calendar.name}"`,
    }),
  };
}

export async function workingDays(ctx: Ctx, id: number, from: string, to: string) {
  const { calendar, compiled } = await loadCalendar(ctx.db, id);
  const n = workingDaysBetween(compiled, from, to);
  return {
    workingDays: n,
    explanation: explain({
      ruleId: 'RS-6',
      policyVersion: null,
      inputs: { calendarId: calendar.id, calendarVersion: calendar.version, from, to },
      result: n,
      zh: `${from} 至 ${to}：${n} 个工作日（日历「${calendar.name}」，不含起始日，含结束日）`,
      en: `${n} working days after ${from} up to and including ${to} on "${calendar.name}"`,
    }),
  };
}

export async function month(ctx: Ctx, id: number, m: string) {
  const { compiled } = await loadCalendar(ctx.db, id);
  return { items: monthView(compiled, m) };
}

export async function exportIcs(ctx: Ctx, id: number) {
  const { calendar } = await loadCalendar(ctx.db, id);
  return holidaysToIcs({ holidays: calendar.definition.holidays, makeupWorkdays: calendar.definition.makeupWorkdays }, calendar.name);
}

/** Merge (or replace) holidays and make-up days from an iCalendar file; the result is validated as a whole. */
export async function importIcs(ctx: Ctx, id: number, body: { ics: string; replace: boolean }) {
  const parsed = parseHolidayIcs(body.ics);
  if (parsed.errors.length > 0 || parsed.holidays.length + parsed.makeupWorkdays.length === 0) {
    const details = parsed.errors.length
      ? parsed.errors.slice(0, 20).map((e) => ({ path: 'body.ics', message: `line ${e.line}: ${e.message}` }))
      : [{ path: 'body.ics', message: 'no all-day holiday or make-up day events found' }];
    throw new AppError('invalid_value', `ics: ${details[0].message}`, { details });
  }
  const current = await getCalendar(ctx.db, id);
  const def = current.definition as TCalendarDefinition;
  const merge = <T extends { date: string }>(old: T[], add: T[]) => {
    const addDates = new Set(add.map((x) => x.date));
    return [...(body.replace ? [] : old.filter((x) => !addDates.has(x.date))), ...add];
  };
  // A date imported as one kind stops being the other kind.
  const holidays = merge(def.holidays, parsed.holidays).filter((h) => !parsed.makeupWorkdays.some((m) => m.date === h.date));
  const makeupWorkdays = merge(def.makeupWorkdays, parsed.makeupWorkdays).filter((m) => !parsed.holidays.some((h) => h.date === m.date));
  const candidate = ZCalendarDefinition.safeParse({ ...def, holidays, makeupWorkdays });
  if (!candidate.success) {
    const details = candidate.error.issues.map((i) => ({
      path: ['body', 'definition', ...i.path.map(String)].join('.'),
      message: i.message,
    }));
    throw new AppError('invalid_value', `ics: the imported days do not fit the calendar: ${details[0].message}`, { details });
  }
  return updateCalendar(ctx, id, { version: current.version, definition: candidate.data });
}

/** First start: the head-office calendar with China's official holidays and 调休 is the default. */
export async function ensureDefaultCalendar(db: Kysely<DB>, clock: Clock) {
  if (await repo.anyCalendarExists(db)) return;
  const now = clock.now().toISOString();
  await repo.insertCalendarRow(db, { name: '公司总部 HQ', isDefault: true, definition: JSON.stringify(normalise(chinaHqCalendar())), now });
}
