/** A leave's dates as one text: a single day, or first ～ last. */
export function leavePeriod({ startDate, endDate }: { startDate: string; endDate: string }): string {
  return startDate === endDate ? startDate : `${startDate} ～ ${endDate}`;
}
