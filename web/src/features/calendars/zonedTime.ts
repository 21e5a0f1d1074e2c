// Wall-clock times in a calendar's own zone, whatever the browser's zone is (SLA-3 previews).

function partsIn(timeZone: string, utcMs: number): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return Object.fromEntries(format.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
}

function offsetMinutes(timeZone: string, utcMs: number): number {
  const p = partsIn(timeZone, utcMs);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD HH:mm' in `timeZone` at an instant. */
export function formatInZone(iso: string, timeZone: string): string {
  const p = partsIn(timeZone, Date.parse(iso));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The weekday (1 = Monday … 7 = Sunday) in `timeZone` at an instant. */
export function weekdayInZone(iso: string, timeZone: string): number {
  const p = partsIn(timeZone, Date.parse(iso));
  const sunday0 = new Date(Date.UTC(+p.year, +p.month - 1, +p.day)).getUTCDay();
  return sunday0 === 0 ? 7 : sunday0;
}

/**
 * The ISO instant with offset for a wall-clock 'YYYY-MM-DDTHH:mm' in `timeZone`:
 * ('2026-02-13T16:00', 'Asia/Shanghai') → '2026-02-13T16:00:00+08:00'. A time skipped by a DST jump
 * resolves to the offset in force just after it.
 */
export function zonedIso(local: string, timeZone: string): string {
  const [date, time] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const localMs = Date.UTC(y, m - 1, d, hh, mm);
  const first = offsetMinutes(timeZone, localMs);
  const offset = offsetMinutes(timeZone, localMs - first * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${pad(hh)}:${pad(mm)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The current wall-clock 'YYYY-MM-DDTHH:mm' in `timeZone`. */
export function nowInZone(timeZone: string, nowMs: number): string {
  return formatInZone(new Date(nowMs).toISOString(), timeZone).replace(' ', 'T');
}
