// Test helpers only (not exported from the barrel).

/** Epoch ms of a Shanghai wall-clock time 'YYYY-MM-DD HH:MM[:SS[.mmm]]' (UTC+8 all year). */
export function sh(local: string): number {
  return Date.parse(`${local.replace(' ', 'T')}+08:00`);
}

/** Shanghai wall-clock 'YYYY-MM-DD HH:MM' of an instant, for readable assertions. */
export function shText(instant: number): string {
  const d = new Date(instant + 8 * 3_600_000).toISOString();
  const base = `${d.slice(0, 10)} ${d.slice(11, 16)}`;
  return d.slice(16, 23) === ':00.000' ? base : `${base}${d.slice(16, 23)}`;
}
