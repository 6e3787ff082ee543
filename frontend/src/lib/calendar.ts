import type { Campaign } from './api';
import { daysBetween } from './days';

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
