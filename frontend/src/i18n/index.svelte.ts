import { en, type Catalog, type Message, type MessageKey } from './en';
import { exportSheets, importFields, listColumns, type ExportSheet } from './fields.generated';

export type { MessageKey };
import { numberFormat, plurals } from '../lib/intl';

// Every catalog is a file named by its language code (fa.ts, pl.ts, …)
// exporting one Catalog. English is in the first script; every other
// language is a chunk of its own, fetched before the app shows in it.
const importers = import.meta.glob<Record<string, Catalog>>(['./[a-z][a-z].ts', '!./en.ts']);

/** CatalogLoader fetches each language's catalog once and keeps it. */
export class CatalogLoader {
  /** loaded are the catalogs fetched so far, by language (English always). */
  readonly loaded: Record<string, Record<string, Message>> = { en: en as Record<string, Message> };
  private pending = new Map<string, Promise<string>>();

  /** importers fetch a catalog module by language. */
  constructor(private importers: Record<string, () => Promise<Record<string, Catalog>>>) {}

  /** languages are the languages that have a catalog, English first. */
  get languages(): string[] {
    return ['en', ...Object.keys(this.importers)];
  }

  /**
   * load fetches the catalog of lang (once) and resolves to the language
   * the app can be shown in: lang, or English for a language without a
   * catalog. A failed fetch is tried again on the next call.
   */
  load(lang: string): Promise<string> {
    if (lang in this.loaded) return Promise.resolve(lang);
    const importer = this.importers[lang];
    if (!importer) return Promise.resolve('en');
    let p = this.pending.get(lang);
    if (!p) {
      p = importer().then(
        (m) => {
          this.loaded[lang] = Object.values(m)[0] as Record<string, Message>;
          return lang;
        },
        (e: unknown) => {
          this.pending.delete(lang);
          throw e;
        },
      );
      this.pending.set(lang, p);
    }
    return p;
  }
}

const loader = new CatalogLoader(
  Object.fromEntries(Object.entries(importers).map(([path, load]) => [path.slice(2, 4), load])),
);

/** catalogs are the catalogs loaded so far, by language (loadLanguage adds one). */
export const catalogs = loader.loaded;

/**
 * loadLanguage fetches a language's catalog (once) and resolves to the
 * language to show: lang, or English when it has no catalog. Set
 * i18n.locale only after it resolves, so no text shows in English first.
 */
export function loadLanguage(lang: string): Promise<string> {
  return loader.load(lang);
}

const order = ['en', 'fa', 'ar', 'pl', 'tr', 'th'];

/** languageNames are each language's own name, shown the same in every language. */
export const languageNames: Record<string, string> = {
  en: 'English',
  fa: 'فارسی',
  ar: 'العربية',
  pl: 'Polski',
  tr: 'Türkçe',
  th: 'ไทย',
};
/** The languages that have a catalog, in the order Settings offers them. */
export const availableLanguages = order.filter((l) => loader.languages.includes(l));

/** Calendar is a calendar dates can be shown in; stored dates stay ISO. */
export type CalendarSystem = 'gregory' | 'persian' | 'buddhist';
export const calendarSystems: CalendarSystem[] = ['gregory', 'persian', 'buddhist'];

const rtlLanguages = new Set(['fa', 'ar', 'he', 'ur']);
// First strong isolate … pop directional isolate: a name keeps its own
// direction inside a sentence of the other direction.
const FSI = String.fromCharCode(0x2068);
const PDI = String.fromCharCode(0x2069);

// Each language's quotation marks, opening and closing.
const quoteMarks: Record<string, [string, string]> = {
  fa: ['«', '»'],
  ar: ['«', '»'],
  pl: ['„', '”'],
};
// A list placeholder under one of these names is a set of alternatives
// ("one of: a, b or c"); the names of quoted lists get quotation marks.
const alternatives = new Set(['choices']);
const quotedLists = new Set(['sheets']);

class I18n {
  locale = $state('en');
  /** calendar shows dates; week start is 0 (Sunday) to 6 (Saturday). */
  calendar = $state<CalendarSystem>('gregory');
  weekStart = $state(1);

  /** dir is the layout direction of the language. */
  get dir(): 'rtl' | 'ltr' {
    return rtlLanguages.has(this.locale.split('-')[0]) ? 'rtl' : 'ltr';
  }

  /** dateLocale formats dates in the language and the chosen calendar. */
  get dateLocale(): string {
    return `${this.locale}-u-ca-${this.calendar}`;
  }

  /** t returns the message for key with {name} placeholders filled in. */
  t = (key: MessageKey, params: Record<string, unknown> = {}): string => {
    const msg = catalogs[this.locale]?.[key] ?? (en as Record<string, Message>)[key];
    if (msg === undefined) return key;
    let text: string;
    if (typeof msg === 'string') {
      text = msg;
    } else {
      const n = Number(params.count ?? 0);
      const rule = n === 0 && msg.zero ? 'zero' : plurals(this.locale).select(n);
      text = msg[rule] ?? msg.other ?? '';
    }
    const rtl = this.dir === 'rtl';
    return text.replace(/\{(\w+)\}/g, (_, name: string) => {
      const v = params[name];
      if (v === undefined || v === null) return '';
      // A year (a fiscal year the backend names) is written in the era of
      // the calendar dates are shown in.
      if (typeof v === 'number' && name === 'year') return this.year(v);
      if (typeof v === 'number') return numberFormat(this.locale).format(v);
      // A list (sheets, rows, choices) is joined the way the language
      // writes lists, each item keeping its own direction.
      if (Array.isArray(v)) {
        const items = v.map((x) => (typeof x === 'number' ? this.number(x) : quotedLists.has(name) ? this.quote(String(x)) : String(x)));
        return this.list(rtl ? items.map((x) => FSI + x + PDI) : items, alternatives.has(name) ? 'disjunction' : 'conjunction');
      }
      // In a right-to-left sentence a Latin name, a path or an amount
      // keeps its own direction.
      return rtl && String(v) !== '' ? FSI + String(v) + PDI : String(v);
    });
  };

  /** number writes a number in the language's digits and separators. */
  number(n: number, opts?: Intl.NumberFormatOptions): string {
    return numberFormat(this.locale, opts).format(n);
  }

  /**
   * list joins items the way the language writes a list ("a, b and c",
   * "a، b و c"); 'disjunction' gives "a, b or c".
   */
  list(items: string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
    return new Intl.ListFormat(this.locale, { type }).format(items);
  }

  /**
   * names runs names together the way the language separates the middle
   * items of a list ("Email, Social", "Email، Social", "Email وSocial"),
   * without a closing "and": for a table cell or a run of names.
   */
  names(items: string[]): string {
    const literals = new Intl.ListFormat(this.locale, { type: 'conjunction' })
      .formatToParts(['a', 'b', 'c', 'd'])
      .filter((p) => p.type === 'literal');
    return items.join(literals[1]?.value ?? ', ');
  }

  /** quoteMarks are the language's opening and closing quotation marks. */
  get quoteMarks(): [string, string] {
    return quoteMarks[this.locale.split('-')[0]] ?? ['“', '”'];
  }

  /** quote puts text in the language's quotation marks (“…”, «…», „…”). */
  quote(text: string): string {
    return this.quoteMarks[0] + text + this.quoteMarks[1];
  }

  /**
   * comma is what separates the items of a list typed into one field
   * (tags): Persian and Arabic write "،", which the fields also split on.
   */
  get comma(): string {
    return rtlLanguages.has(this.locale.split('-')[0]) ? '، ' : ', ';
  }

  /**
   * year writes a Gregorian year (a fiscal year, a chart's year) in the
   * language's digits, ungrouped, and in the Buddhist era when dates are
   * shown in the Buddhist calendar, whose months are the Gregorian ones
   * (2026, ۲۰۲۶, 2569).
   */
  year(n: number): string {
    return this.number(this.calendar === 'buddhist' ? n + 543 : n, { useGrouping: false });
  }

  /**
   * monthLocale formats a Gregorian month with its year (fiscal periods,
   * exchange-rate months): Gregorian, but with Buddhist-era years when
   * dates are shown in the Buddhist calendar.
   */
  get monthLocale(): string {
    return `${this.locale}-u-ca-${this.calendar === 'buddhist' ? 'buddhist' : 'gregory'}`;
  }

  /** has reports whether key is in the catalog (backend keys are checked with it). */
  has(key: string): key is MessageKey {
    return key in (catalogs[this.locale] ?? en);
  }

  /**
   * periodName names a fiscal period, a Gregorian month ("2026-03"): by
   * its month ("Mar 2026", "มี.ค. 2569"), or, where dates are shown in the
   * Persian calendar, whose months do not line up with Gregorian ones, by
   * the day it starts on in that calendar ("۱۰ اسفند ۱۴۰۴"), so a chart's
   * axis reads in the calendar of the dates around it.
   */
  periodName(ym: string, withYear = true): string {
    const first = new Date(ym + '-01T00:00:00Z');
    const year = withYear ? ({ year: 'numeric' } as const) : {};
    if (this.calendar === 'persian') {
      return new Intl.DateTimeFormat(this.dateLocale, { day: 'numeric', month: 'short', ...year, timeZone: 'UTC' }).format(first);
    }
    return new Intl.DateTimeFormat(this.monthLocale, { month: 'short', ...year, timeZone: 'UTC' }).format(first);
  }

  /**
   * monthNames returns the names of the twelve Gregorian months in the
   * language (budgets and fiscal years are planned in Gregorian months,
   * whatever calendar shows dates).
   */
  monthNames(style: 'short' | 'long' = 'short'): string[] {
    const f = new Intl.DateTimeFormat(this.locale + '-u-ca-gregory', { month: style, timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2024, i, 1))));
  }
}

export const i18n = new I18n();
export const t = i18n.t;

/** KeyPrefix is a leading part of a message key, up to a dot ('status.', 'import.field.'). */
export type KeyPrefix = PrefixOf<MessageKey>;
type PrefixOf<K extends string> = K extends `${infer Head}.${infer Tail}` ? `${Head}.` | `${Head}.${PrefixOf<Tail>}` : never;

/** KeyRest are the names that complete a prefix into a message key. */
export type KeyRest<P extends string> = MessageKey extends infer K ? (K extends `${P}${infer R}` ? R : never) : never;

/**
 * keyOf is the message key prefix + name for a name whose type lists its
 * values (a status, a tab): the compiler checks that each value has a
 * message, so a value added in Go fails the type check until it has one.
 */
export function keyOf<P extends KeyPrefix>(prefix: P, name: KeyRest<P>): MessageKey {
  // The parameters' types are the check; the concatenation loses them.
  return (prefix + name) as MessageKey;
}

/**
 * messageKey takes a key known only when the app runs: one the backend
 * sent (an error's or a problem's) or one built from data (keyFrom). This
 * is the one place a string becomes a key unchecked by the compiler; a key
 * the catalog lacks is reported in development and, as t() does with it,
 * shown as itself, so the gap is visible.
 */
export function messageKey(key: string): MessageKey {
  if (import.meta.env.DEV && !(key in en)) console.warn(`mopsdesk: no message for key "${key}"`);
  return key as MessageKey;
}

/** keyFrom is messageKey(prefix + name) for a name the compiler cannot list (a kind the backend sent). */
export function keyFrom(prefix: KeyPrefix, name: string): MessageKey {
  return messageKey(prefix + name);
}

// The sheet each exported list is written to, named as the app names it;
// the kinds come from the Go field list (fields.generated.ts).
const sheetNames: Record<ExportSheet, MessageKey> = {
  campaigns: 'nav.campaigns',
  deliverables: 'detail.deliverables',
  budget: 'budget.title',
  spend: 'budget.tab.spend',
  vendors: 'contracts.tab.vendors',
  contracts: 'nav.contracts',
  assets: 'nav.assets',
  tasks: 'detail.milestones',
  requests: 'budget.tab.requests',
};

/**
 * fieldLabels names the fields of exports and imports in the user's
 * language (field key → name): list exports use them as column names and
 * the importer recognises them, so a file exported in Persian imports back.
 * The keys are the Go field list's (fields.generated.ts); each has its
 * catalog key, or this does not type-check. English uses the canonical
 * headers, so it sends none.
 */
export function fieldLabels(): Record<string, string> {
  if (i18n.locale === 'en') return {};
  const out: Record<string, string> = {};
  for (const k of importFields) out[k] = t(keyOf('import.field.', k));
  for (const k of listColumns) out[k] = t(keyOf('export.col.', k));
  for (const kind of exportSheets) out['sheet.' + kind] = t(sheetNames[kind]);
  return out;
}
