import type { Campaign } from './api';
import { addDays, daysBetween, formatDay, monthGrid, parseDay, weekday } from './days';

/** A campaign's bar within one week row of the month grid. */
export interface WeekBar {
  campaign: Campaign;
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
export function layoutWeek(week: string[], list: Campaign[]): WeekBar[] {
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

export { weeksBetween } from './days';

export type CalendarView = 'month' | 'week' | 'quarter' | 'timeline' | 'list' | 'myweek';

/** startOfWeek returns the first day of the week containing day. */
export function startOfWeek(day: string, firstDay: number): string {
  return addDays(day, -((weekday(day) - firstDay + 7) % 7));
}

/** quarterOf returns the first month (1, 4, 7 or 10) of day's quarter. */
export function quarterOf(day: string): { y: number; m: number } {
  const p = parseDay(day)!;
  return { y: p.y, m: p.m - ((p.m - 1) % 3) };
}

/** rangeFor returns the days a view shows around anchor, both inclusive. */
export function rangeFor(view: CalendarView, anchor: string, firstDay: number): { from: string; to: string } {
  const p = parseDay(anchor)!;
  switch (view) {
    case 'week':
    case 'myweek': {
      const from = startOfWeek(anchor, firstDay);
      return { from, to: addDays(from, 6) };
    }
    case 'quarter': {
      const q = quarterOf(anchor);
      const from = startOfWeek(formatDay(q.y, q.m, 1), firstDay);
      return { from, to: addDays(startOfWeek(formatDay(q.y, q.m + 3, 0), firstDay), 6) };
    }
    case 'timeline': {
      const q = quarterOf(anchor);
      return { from: formatDay(q.y, q.m, 1), to: formatDay(q.y, q.m + 3, 0) };
    }
    case 'list':
      return { from: formatDay(p.y, p.m, 1), to: formatDay(p.y, p.m + 1, 0) };
    default: {
      const weeks = monthGrid(p.y, p.m, firstDay);
      return { from: weeks[0][0], to: weeks[weeks.length - 1][6] };
    }
  }
}

/** step moves anchor one period of the view forwards (+1) or back (-1). */
export function step(view: CalendarView, anchor: string, dir: 1 | -1): string {
  const p = parseDay(anchor)!;
  switch (view) {
    case 'week':
    case 'myweek':
      return addDays(anchor, 7 * dir);
    case 'quarter':
    case 'timeline':
      return formatDay(p.y, p.m + 3 * dir, 1);
    default:
      return formatDay(p.y, p.m + dir, 1);
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
