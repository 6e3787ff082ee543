import { calendarParts, type CalendarSystem } from './calendar';
import { fromCalendar } from './dateinput';

/** A chart's year in the calendar dates are shown in. */
export interface ChartYear {
  /** The year's number in that calendar (1405). */
  year: number;
  /** The first day (ISO) of each of its twelve months and the day after it; none for a Gregorian year. */
  starts?: string[];
}

/**
 * chartYear turns the Gregorian year a chart is anchored on into the year
 * a person reading the Persian calendar sees: the Solar Hijri year that
 * begins in it (2026 → 1405, Farvardin to Esfand). The Gregorian and
 * Buddhist calendars share Gregorian months, so their year stays as it is.
 */
export function chartYear(gregorian: number, cal: CalendarSystem): ChartYear {
  if (cal !== 'persian') return { year: gregorian };
  const year = calendarParts(`${gregorian}-07-01`, cal).y;
  const starts = Array.from({ length: 13 }, (_, i) => fromCalendar(year + Math.floor(i / 12), (i % 12) + 1, 1, cal)!);
  return { year, starts };
}
