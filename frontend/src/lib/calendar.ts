import type { CalendarCampaign, CalendarShown } from './api';
import { addDays, daysBetween, formatDay, parseDay, weekday } from './days';

/** A campaign's bar within one week row of the month grid. */
export interface WeekBar {
  campaign: CalendarCampaign;
  /** First column (0-6) and number of columns the bar covers. */
  col: number;
  span: number;
  lane: number;
  /** The campaign starts before / ends after this week. */
  continuesBefore: boolean;
  continuesAfter: boolean;
}

/**
 * layoutWeek places the campaigns overlapping a week (7 days) into lanes,
 * longest-running first within a start day, so no two bars overlap.
 */
export function layoutWeek(week: string[], list: CalendarCampaign[]): WeekBar[] {
  const first = week[0];
  const last = week[6];
  const overlapping = list
    .filter((c) => c.startDate <= last && c.endDate >= first)
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || b.endDate.localeCompare(a.endDate) || a.id - b.id);
  const laneEnds: number[] = [];
  return overlapping.map((c) => {
    const col = c.startDate < first ? 0 : daysBetween(first, c.startDate);
    const end = c.endDate > last ? 6 : daysBetween(first, c.endDate);
    let lane = laneEnds.findIndex((e) => e < col);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = end;
    return {
      campaign: c,
      col,
      span: end - col + 1,
      lane,
      continuesBefore: c.startDate < first,
      continuesAfter: c.endDate > last,
    };
  });
}

/**
 * hiddenByDay counts, for each day of a week, the bars from lane `lanes`
 * on that cover it: a month shows a few lanes and says "+N more" under
 * each day for the rest.
 */
export function hiddenByDay(bars: WeekBar[], lanes: number): number[] {
  const out = [0, 0, 0, 0, 0, 0, 0];
  for (const b of bars) if (b.lane >= lanes) for (let i = b.col; i < b.col + b.span; i++) out[i]++;
  return out;
}

/**
 * hoverTitle sets an element's tooltip when the pointer reaches it, so a
 * view with many bars formats their dates for the one hovered, not for all
 * of them at every draw.
 */
export const hoverTitle = (make: () => string) => (e: Event) => {
  (e.currentTarget as HTMLElement).title = make();
};

export { weeksBetween } from './days';

export type CalendarView = 'month' | 'week' | 'quarter' | 'timeline' | 'list' | 'myweek';

/**
 * itemsPerDay is how many deliverables, milestones and contract dates a
 * day of the view lists before "+N more" (Infinity: all of them). The
 * calendar asks the server for no more than that.
 */
export function itemsPerDay(view: CalendarView): number {
  return view === 'month' ? 3 : view === 'quarter' ? 1 : view === 'week' ? 50 : Infinity;
}

/** CalendarSystem is the calendar months and quarters follow on screen. */
export type CalendarSystem = 'gregory' | 'persian' | 'buddhist';

const partFormats = new Map<CalendarSystem, Intl.DateTimeFormat>();
/** calendarParts returns day, month and year of an ISO day in a calendar (Latin digits). */
export function calendarParts(day: string, cal: CalendarSystem): { y: number; m: number; d: number } {
  if (cal !== 'persian') {
    // The Thai Buddhist calendar has the Gregorian months; only its year differs.
    const p = parseDay(day)!;
    return cal === 'buddhist' ? { ...p, y: p.y + 543 } : p;
  }
  let f = partFormats.get(cal);
  if (!f) {
    f = new Intl.DateTimeFormat(`en-u-ca-${cal}-nu-latn`, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
    partFormats.set(cal, f);
  }
  const p = parseDay(day)!;
  const parts = f.formatToParts(new Date(Date.UTC(p.y, p.m - 1, p.d)));
  const n = (t: string) => Number(parts.find((x) => x.type === t)?.value);
  return { y: n('year') || n('relatedYear'), m: n('month'), d: n('day') };
}

/** monthBounds returns the first and last ISO day of the calendar month holding day. */
export function monthBounds(day: string, cal: CalendarSystem): { from: string; to: string } {
  if (cal !== 'persian') {
    const p = parseDay(day)!;
    return { from: formatDay(p.y, p.m, 1), to: formatDay(p.y, p.m + 1, 0) };
  }
  const from = addDays(day, 1 - calendarParts(day, cal).d);
  // A Persian month has 29 to 31 days.
  let to = addDays(from, 28);
  while (calendarParts(addDays(to, 1), cal).d !== 1) to = addDays(to, 1);
  return { from, to };
}

/** stepMonths moves from the month holding day by n calendar months, returning that month's first day. */
export function stepMonths(day: string, n: number, cal: CalendarSystem): string {
  let first = monthBounds(day, cal).from;
  for (let i = 0; i < Math.abs(n); i++) {
    first = n > 0 ? addDays(monthBounds(first, cal).to, 1) : monthBounds(addDays(first, -1), cal).from;
  }
  return first;
}

/** quarterBounds returns the first and last day of the calendar quarter holding day. */
export function quarterBounds(day: string, cal: CalendarSystem): { from: string; to: string; q: number; y: number } {
  const p = calendarParts(day, cal);
  const from = stepMonths(day, -((p.m - 1) % 3), cal);
  const to = addDays(stepMonths(from, 3, cal), -1);
  return { from, to, q: Math.floor((p.m - 1) / 3) + 1, y: p.y };
}

/** startOfWeek returns the first day of the week containing day. */
export function startOfWeek(day: string, firstDay: number): string {
  return addDays(day, -((weekday(day) - firstDay + 7) % 7));
}

/** rangeFor returns the days a view shows around anchor, both inclusive. */
export function rangeFor(view: CalendarView, anchor: string, firstDay: number, cal: CalendarSystem = 'gregory'): { from: string; to: string } {
  switch (view) {
    case 'week':
    case 'myweek': {
      const from = startOfWeek(anchor, firstDay);
      return { from, to: addDays(from, 6) };
    }
    case 'quarter': {
      const q = quarterBounds(anchor, cal);
      return { from: startOfWeek(q.from, firstDay), to: addDays(startOfWeek(q.to, firstDay), 6) };
    }
    case 'timeline': {
      const q = quarterBounds(anchor, cal);
      return { from: q.from, to: q.to };
    }
    case 'list':
      return monthBounds(anchor, cal);
    default: {
      const m = monthBounds(anchor, cal);
      return { from: startOfWeek(m.from, firstDay), to: addDays(startOfWeek(m.to, firstDay), 6) };
    }
  }
}

/** step moves anchor one period of the view forwards (+1) or back (-1), in the calendar's months. */
export function step(view: CalendarView, anchor: string, dir: 1 | -1, cal: CalendarSystem = 'gregory'): string {
  switch (view) {
    case 'week':
    case 'myweek':
      return addDays(anchor, 7 * dir);
    case 'quarter':
    case 'timeline':
      return stepMonths(quarterBounds(anchor, cal).from, 3 * dir, cal);
    default:
      return stepMonths(anchor, dir, cal);
  }
}

/** moveRange shifts a campaign's range by delta days, or one edge of it; an edge never passes the other. */
export function moveRange(
  start: string,
  end: string,
  what: 'move' | 'start' | 'end',
  delta: number,
): { startDate: string; endDate: string } {
  if (what === 'move') return { startDate: addDays(start, delta), endDate: addDays(end, delta) };
  if (what === 'start') {
    const s = addDays(start, delta);
    return { startDate: s > end ? end : s, endDate: end };
  }
  const e = addDays(end, delta);
  return { startDate: start, endDate: e < start ? start : e };
}

/**
 * eventCount is how many events an .ics export of data holds: one per
 * campaign, deliverable, milestone and contract date.
 */
export function eventCount(d: CalendarShown): number {
  const more = Object.values(d.more ?? {}).reduce((n, k) => n + k, 0);
  return d.campaigns.length + d.deliverables.length + d.milestones.length + (d.contractDates?.length ?? 0) + more;
}
