// Intl formatters are costly to build (tens of microseconds each, far more
// for a calendar other than the Gregorian) and cheap to reuse: a calendar
// view that formats thousands of days must not build one per call. Each
// formatter here is built once per language, calendar and options.

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** optionsKey names a set of options: the same options, in any order, give the same key. */
function optionsKey(locale: string, opts: object | undefined): string {
  if (!opts) return locale;
  const entries = Object.entries(opts)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return locale + '\u0000' + JSON.stringify(entries);
}

/** dateFormat returns the shared Intl.DateTimeFormat for a locale (with its "-u-ca-" calendar) and options. */
export function dateFormat(locale: string, opts?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = optionsKey(locale, opts);
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, opts);
    dateFormats.set(key, f);
  }
  return f;
}

/** numberFormat returns the shared Intl.NumberFormat for a locale and options. */
export function numberFormat(locale: string, opts?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = optionsKey(locale, opts);
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, opts);
    numberFormats.set(key, f);
  }
  return f;
}

/** plurals returns the shared cardinal Intl.PluralRules of a locale. */
export function plurals(locale: string): Intl.PluralRules {
  let p = pluralRules.get(locale);
  if (!p) {
    p = new Intl.PluralRules(locale);
    pluralRules.set(locale, p);
  }
  return p;
}
