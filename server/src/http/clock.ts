/** Time is a dependency (style.md 6): tests pass a fixed or steppable clock. */
export type Clock = { now: () => Date };
export const systemClock: Clock = { now: () => new Date() };
export const nowIso = (clock: Clock) => clock.now().toISOString();
