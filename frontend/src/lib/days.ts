// Calendar days are "YYYY-MM-DD" strings. All arithmetic here is on UTC
// dates used as carriers, so no time zone can shift a day.

import { dateFormat } from './intl';

export interface YMD {
  y: number;
  m: number; // 1-12
  d: number;
}

export function parseDay(s: string): YMD | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const ymd = { y: +m[1], m: +m[2], d: +m[3] };
  const t = new Date(Date.UTC(ymd.y, ymd.m - 1, ymd.d));
  return t.getUTCFullYear() === ymd.y && t.getUTCMonth() === ymd.m - 1 && t.getUTCDate() === ymd.d ? ymd : null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatDay(y: number, m: number, d: number): string {
  const t = new Date(Date.UTC(y, m - 1, d));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** addDays returns the day n days after s (n may be negative). */
export function addDays(s: string, n: number): string {
  const p = parseDay(s);
  if (!p) throw new RangeError('not a day: ' + s);
  return formatDay(p.y, p.m, p.d + n);
}

/** weekday returns 0 (Sunday) to 6 (Saturday). */
export function weekday(s: string): number {
  const p = parseDay(s)!;
  return new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay();
}

/** daysBetween returns b - a in days. */
export function daysBetween(a: string, b: string): number {
  const pa = parseDay(a)!;
  const pb = parseDay(b)!;
  return Math.round((Date.UTC(pb.y, pb.m - 1, pb.d) - Date.UTC(pa.y, pa.m - 1, pa.d)) / 86_400_000);
}

/**
 * monthGrid returns the weeks shown for a month: each week is 7 days,
 * starting on firstDay (0 = Sunday, 1 = Monday).
 */
export function monthGrid(year: number, month: number, firstDay: number): string[][] {
  const first = formatDay(year, month, 1);
  const start = addDays(first, -((weekday(first) - firstDay + 7) % 7));
  return weeksBetween(start, formatDay(year, month + 1, 0));
}

/** weeksBetween splits the days from `from` up to and including the week of `to` into rows of seven. */
export function weeksBetween(from: string, to: string): string[][] {
  const weeks: string[][] = [];
  for (let day = from; day <= to; ) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** formatDayLocal shows a day with Intl (a shared formatter), pinned to UTC so the carrier never shifts. */
export function formatDayLocal(s: string, locale: string, opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const p = parseDay(s);
  if (!p) return s;
  return dateFormat(locale, { ...opts, timeZone: 'UTC' }).format(new Date(Date.UTC(p.y, p.m - 1, p.d)));
}

/** localToday returns the machine's calendar day. */
export function localToday(now = new Date()): string {
  return formatDay(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** firstDayOfWeek returns the locale's first weekday as 0 (Sunday) to 6. */
export function firstDayOfWeek(locale: string): number {
  try {
    const loc = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const info = loc.getWeekInfo?.() ?? loc.weekInfo;
    if (info) return info.firstDay % 7; // Intl uses 7 for Sunday
  } catch {
    // fall through to Monday, the ISO 8601 default
  }
  return 1;
}
