/**
 * WR-4: the weekly report's file name by the policy's pattern, `<name>周报<MM-DD>` by default: `<name>` is the author,
 * `<MM-DD>` the month and day of the report's due date (the week's Saturday for an engineer, Sunday for the
 * supervisor, as moved by the holiday rule). Characters a file system refuses become '_'.
 */
export function weeklyReportFileName(pattern: string, name: string, dueDate: string): string {
  const safe = (s: string) =>
    [...s]
      .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c))
      .join('')
      .trim();
  const text = pattern.split('<name>').join(safe(name)).split('<MM-DD>').join(dueDate.slice(5, 10));
  return safe(text) || 'weekly-report';
}
