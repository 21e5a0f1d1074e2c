import { DAY_MS, dateOfDayNumber, MINUTE_MS, minutesOfTime, weekdayIndexOf } from './dates';
import {
  type TCalendarDefinition,
  type TCalendarDefinitionInput,
  type TDayKind,
  type TTimeInterval,
  WEEKDAY_KEYS,
  ZCalendarDefinition,
} from './schema';
import { wallClockToUtc, zoneOffsetAt } from './timeZone';

/** One local day with its working intervals as UTC ms ranges [starts[i], ends[i]), sorted, non-empty. */
export interface CalendarDay {
  readonly day: number;
  readonly date: string;
  readonly kind: TDayKind;
  readonly name?: string;
  /** UTC instants of this local midnight and the next one. */
  readonly start: number;
  readonly end: number;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Working ms in the day. */
  readonly total: number;
}

/** Days are cached in fixed blocks with prefix sums, so long spans are a binary search, not a walk. */
export const CHUNK_DAYS = 64;

export interface CalendarChunk {
  readonly days: readonly CalendarDay[];
  /** cumMs[i] = working ms of days[0..i); cumDays[i] = working days among days[0..i). */
  readonly cumMs: Float64Array;
  readonly cumDays: Int32Array;
}

type MinuteRange = readonly [number, number];

function toRanges(intervals: readonly TTimeInterval[]): MinuteRange[] {
  return intervals.map((iv): MinuteRange => [minutesOfTime(iv.start), minutesOfTime(iv.end)]).sort((a, b) => a[0] - b[0]);
}

/**
 * A validated calendar with lazily built per-day caches. Build it once per definition (compileCalendar) and
 * pass it to the pure operations in engine.ts; caching never changes a result, only its cost.
 */
export class CompiledCalendar {
  readonly definition: TCalendarDefinition;
  readonly mode: 'business' | '24x7';
  readonly timeZone: string;
  private readonly weekly: MinuteRange[][];
  private readonly makeupRanges: MinuteRange[];
  private readonly holidays: Map<string, string>;
  private readonly makeups: Map<string, string>;
  private readonly chunks = new Map<number, CalendarChunk>();
  // A typical offset, only to guess an instant's local day before the exact check against day bounds.
  private readonly guessOffset: number;

  constructor(definition: TCalendarDefinition) {
    this.definition = definition;
    this.mode = definition.mode;
    this.timeZone = definition.timeZone;
    this.weekly = WEEKDAY_KEYS.map((key) => toRanges(definition.weeklyHours[key]));
    // 调休 (SLA-3): a make-up day is worked like a normal working day — Monday's hours unless given.
    this.makeupRanges = toRanges(definition.makeupHours ?? definition.weeklyHours.mon);
    this.holidays = new Map(definition.holidays.map((h) => [h.date, h.name]));
    this.makeups = new Map(definition.makeupWorkdays.map((h) => [h.date, h.name]));
    this.guessOffset = zoneOffsetAt(this.timeZone, Date.UTC(2025, 0, 1));
  }

  /** The cached block holding day numbers [index*CHUNK_DAYS, (index+1)*CHUNK_DAYS). */
  chunk(index: number): CalendarChunk {
    const cached = this.chunks.get(index);
    if (cached) return cached;
    const first = index * CHUNK_DAYS;
    const bounds: number[] = [];
    for (let i = 0; i <= CHUNK_DAYS; i++) bounds.push(wallClockToUtc(this.timeZone, (first + i) * DAY_MS));
    const days: CalendarDay[] = [];
    const cumMs = new Float64Array(CHUNK_DAYS + 1);
    const cumDays = new Int32Array(CHUNK_DAYS + 1);
    for (let i = 0; i < CHUNK_DAYS; i++) {
      const day = this.buildDay(first + i, bounds[i], bounds[i + 1]);
      days.push(day);
      cumMs[i + 1] = cumMs[i] + day.total;
      cumDays[i + 1] = cumDays[i] + (day.total > 0 ? 1 : 0);
    }
    const chunk: CalendarChunk = { days, cumMs, cumDays };
    this.chunks.set(index, chunk);
    return chunk;
  }

  /** The local day with the given day number (days since 1970-01-01). */
  day(dayNumber: number): CalendarDay {
    const index = Math.floor(dayNumber / CHUNK_DAYS);
    return this.chunk(index).days[dayNumber - index * CHUNK_DAYS];
  }

  /** The local day containing a UTC instant. */
  dayOf(instant: number): CalendarDay {
    let d = Math.floor((instant + this.guessOffset) / DAY_MS);
    let info = this.day(d);
    while (instant < info.start) info = this.day(--d);
    while (instant >= info.end) info = this.day(++d);
    return info;
  }

  private buildDay(dayNumber: number, start: number, end: number): CalendarDay {
    const date = dateOfDayNumber(dayNumber);
    if (this.mode === '24x7') {
      // 24×7 runs on wall-clock time: every day is worked whole, holidays included (SLA-3).
      return { day: dayNumber, date, kind: 'workday', start, end, starts: [start], ends: [end], total: end - start };
    }
    let kind: TDayKind;
    let name: string | undefined;
    let ranges: MinuteRange[];
    const holiday = this.holidays.get(date);
    const makeup = this.makeups.get(date);
    if (holiday !== undefined) {
      kind = 'holiday';
      name = holiday;
      ranges = [];
    } else if (makeup !== undefined) {
      kind = 'makeup';
      name = makeup;
      ranges = this.makeupRanges;
    } else {
      ranges = this.weekly[weekdayIndexOf(dayNumber)];
      kind = ranges.length > 0 ? 'workday' : 'weekend';
    }
    // Same offset at both midnights → no DST change today, so skip the per-boundary Intl lookups.
    const steady = end - start === DAY_MS;
    const offset = dayNumber * DAY_MS - start; // local − UTC
    const toUtc = (minute: number): number => {
      const local = dayNumber * DAY_MS + minute * MINUTE_MS;
      return steady ? local - offset : wallClockToUtc(this.timeZone, local);
    };
    const starts: number[] = [];
    const ends: number[] = [];
    let total = 0;
    for (const [from, to] of ranges) {
      const s = toUtc(from);
      const e = toUtc(to);
      // An interval swallowed by a DST gap has no length; keeping it would break "non-empty" searches.
      if (e > s) {
        starts.push(s);
        ends.push(e);
        total += e - s;
      }
    }
    return name === undefined
      ? { day: dayNumber, date, kind, start, end, starts, ends, total }
      : { day: dayNumber, date, kind, name, start, end, starts, ends, total };
  }
}

/** Validates a definition (throws ZodError) and prepares it for the engine operations. */
export function compileCalendar(definition: TCalendarDefinitionInput): CompiledCalendar {
  return new CompiledCalendar(ZCalendarDefinition.parse(definition));
}
