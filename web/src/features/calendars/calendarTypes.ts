import type { TCalendar, TDayKind, TExplanation } from '@techserve/core';

// Response shapes of the calendars API (core/src/schemas/calendars.ts) that core exports only as schemas.

/** A row of `GET /calendars`. */
export type TCalendarSummary = Omit<TCalendar, 'definition'> & {
  timeZone: string;
  mode: 'business' | '24x7';
  holidayCount: number;
  makeupCount: number;
};

/** A day of `GET /calendars/:id/month`; weekday 1 = Monday … 7 = Sunday. */
export type TMonthDay = { date: string; weekday: number; kind: TDayKind; name?: string; minutes: number };

/** `GET /calendars/:id/due`. */
export type TDueResult = { from: string; minutes: number; due: string; explanation: TExplanation };

/** `GET /calendars/:id/working-days`. */
export type TWorkingDaysResult = { workingDays: number; explanation: TExplanation };

/** The editable part of a calendar: what PATCH sends as `definition`. */
export type TDefinitionDraft = TCalendar['definition'];
