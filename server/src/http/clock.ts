import { localDateOf } from '@techserve/core';
/** Time is a dependency (style.md 6): tests pass a fixed or steppable clock. */
export type Clock = { now: () => Date };
export const systemClock: Clock = { now: () => new Date() };
export const nowIso = (clock: Clock) => clock.now().toISOString();
/** The company-local date ('YYYY-MM-DD') now, in the ctx's zone (TECHSERVE_TIME_ZONE; core's default without one). */
export const todayOf = (ctx: { clock: Clock; timeZone?: string }) => localDateOf(ctx.clock.now().getTime(), ctx.timeZone);
