import { calendarParts, type CalendarSystem } from './calendar';
import { addDays, formatDay, parseDay } from './days';
import { latinDigits } from './money';

/**
 * numericDate writes an ISO day as a short numeric date in the language
 * and calendar ("۱۴۰۵/۰۹/۱۰", "10/12/2569"), the form a date field shows
 * and reads back.
 */
export function numericDate(iso: string, locale: string, cal: CalendarSystem): string {
  const p = parseDay(iso);
  if (!p) return iso;
  return new Intl.DateTimeFormat(`${locale}-u-ca-${cal}`, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })
    .format(new Date(Date.UTC(p.y, p.m - 1, p.d)))
    .replace(/[\u200e\u200f\u061c]/g, '');
}

/** fieldOrder is the order the language writes year, month and day in. */
function fieldOrder(locale: string, cal: CalendarSystem): ('year' | 'month' | 'day')[] {
  return new Intl.DateTimeFormat(`${locale}-u-ca-${cal}`, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2026, 10, 23)))
    .map((p) => p.type)
    .filter((t): t is 'year' | 'month' | 'day' => t === 'year' || t === 'month' || t === 'day');
}

/**
 * parseDateInput reads what a person typed into a date field: an ISO day,
 * or day, month and year in the calendar shown and the language's order,
 * in any digits (Persian, Arabic-Indic or Latin) and with / . - or spaces
 * between. It returns the ISO day, or null when the text is not a date.
 */
export function parseDateInput(text: string, locale: string, cal: CalendarSystem): string | null {
  const s = latinDigits(text).replace(/[\u200e\u200f\u061c]/g, '').trim();
  if (s === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return parseDay(s) ? s : null;
  const nums = s.split(/[\s/.\-،,]+/).filter(Boolean);
  if (nums.length !== 3 || nums.some((n) => !/^\d+$/.test(n))) return null;
  const order = fieldOrder(locale, cal);
  // A four-digit first number is a year whatever the language's order.
  const parts = nums[0].length === 4 ? (['year', 'month', 'day'] as const) : order;
  const v = { year: 0, month: 0, day: 0 };
  parts.forEach((k, i) => (v[k] = Number(nums[i])));
  if (v.month < 1 || v.month > 12 || v.day < 1 || v.day > 31) return null;
  return fromCalendar(v.year, v.month, v.day, cal);
}

/** fromCalendar finds the ISO day of a date in a calendar, or null when there is none (30 Esfand in a common year). */
export function fromCalendar(y: number, m: number, d: number, cal: CalendarSystem): string | null {
  if (cal === 'gregory' || cal === 'buddhist') {
    const iso = formatDay(cal === 'buddhist' ? y - 543 : y, m, d);
    const p = parseDay(iso);
    return p && p.m === m && p.d === d ? iso : null;
  }
  // Persian: start from an estimate (1 Farvardin is about 21 March) and
  // walk by the difference until the calendar says the same date.
  let guess = addDays(formatDay(y + 621, 3, 21), (m - 1) * 31 - (m > 6 ? m - 7 : 0) + (d - 1));
  for (let i = 0; i < 4; i++) {
    const p = calendarParts(guess, cal);
    if (p.y === y && p.m === m && p.d === d) return guess;
    const off = (y - p.y) * 365 + (m - p.m) * 30 + (d - p.d);
    if (off === 0) break;
    guess = addDays(guess, off);
  }
  for (let delta = -3; delta <= 3; delta++) {
    const day = addDays(guess, delta);
    const p = calendarParts(day, cal);
    if (p.y === y && p.m === m && p.d === d) return day;
  }
  return null;
}

/**
 * nativeDates says whether the browser's own date input suits: Gregorian
 * dates in Latin digits, in a left-to-right language, shown by a browser
 * in that same language (its input follows the browser's language, not
 * the page's: an Arabic page in an English browser would get mm/dd/yyyy).
 */
export function nativeDates(locale: string, cal: CalendarSystem, browser = globalThis.navigator?.language ?? 'en'): boolean {
  const lang = (l: string) => l.split('-')[0].toLowerCase();
  if (['ar', 'fa', 'he', 'ur'].includes(lang(locale)) || lang(browser) !== lang(locale)) return false;
  return cal === 'gregory' && new Intl.NumberFormat(locale).format(1) === '1';
}
