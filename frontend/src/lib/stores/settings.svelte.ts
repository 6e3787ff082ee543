import { currenciesInUse, getAbout, getSettings, listCurrencies, updateSettings } from '../api';
import type { About, Currency, Settings } from '../api';
import { firstDayOfWeek } from '../days';
import { notices } from './notices.svelte';
import { availableLanguages, calendarSystems, catalogs, i18n, loadLanguage } from '../../i18n/index.svelte';

/** The calendar a language's users expect by default. */
const defaultCalendar: Record<string, Settings['calendar']> = { fa: 'persian', th: 'buddhist' };

/**
 * systemLanguage is the first of the system's preferred languages that MOps
 * Desk speaks, or English.
 */
export function systemLanguage(preferred: readonly string[] = navigator.languages ?? [navigator.language]): string {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (availableLanguages.includes(base)) return base;
  }
  return 'en';
}

/** displayDefaults are the calendar and week start that suit a language. */
export function displayDefaults(language: string): Pick<Settings, 'calendar' | 'weekStart'> {
  return { calendar: defaultCalendar[language] ?? 'gregory', weekStart: firstDayOfWeek(language) };
}

/** SettingsStore holds the workspace settings, the currency list and facts about the app. */
export class SettingsStore {
  value = $state<Settings | null>(null);
  about = $state<About | null>(null);
  currencies = $state<Currency[]>([]);
  /** inUse are the currencies the workspace keeps money in, most used first. */
  inUse = $state<string[]>([]);
  /** proposed is set when a new workspace shows the system's language (not saved yet). */
  proposed = $state(false);

  private first: Promise<Settings> | undefined;

  /**
   * start fetches the settings and the catalog of their language and shows
   * the app in it: main.ts awaits it before mounting the app, so a Persian
   * workspace never shows English first. load then reuses the settings.
   */
  async start(): Promise<void> {
    this.first = getSettings().then((s) => this.proposal(s));
    const s = await this.first;
    i18n.locale = await loadLanguage(s.language);
  }

  async load(): Promise<void> {
    const first = this.first;
    this.first = undefined;
    const [s, about, currencies] = await Promise.all([first ?? getSettings().then((s) => this.proposal(s)), getAbout(), listCurrencies()]);
    this.about = about;
    this.currencies = currencies;
    await loadLanguage(s.language);
    this.value = s;
    this.apply();
  }

  async save(s: Omit<Settings, 'updatedAt'>): Promise<void> {
    const saved = await updateSettings(s);
    // The new language's catalog is fetched before anything shows in it.
    await loadLanguage(saved.language);
    this.value = saved;
    this.proposed = false;
    this.apply();
  }

  /** proposal gives a new workspace (never saved) the system's language and its formats. */
  private proposal(s: Settings): Settings {
    if (s.updatedAt) return s;
    const language = systemLanguage();
    this.proposed = language !== s.language;
    return Object.assign(s, { language, ...displayDefaults(language) });
  }

  /** apply shows the app in the settings' language (its catalog loaded), calendar and week. */
  private apply(): void {
    const v = this.value!;
    const language = v.language in catalogs ? v.language : 'en';
    if (i18n.locale !== language) notices.clear();
    i18n.locale = language;
    i18n.calendar = calendarSystems.find((c) => c === v.calendar) ?? 'gregory';
    i18n.weekStart = v.weekStart;
  }

  /** loadInUse refreshes the currencies in use (a picker opening after a save sees the new one). */
  async loadInUse(): Promise<void> {
    this.inUse = await currenciesInUse();
  }

  /** minorUnits returns the decimals of a currency (2 when unknown). */
  minorUnits(code: string): number {
    return this.currencies.find((c) => c.code === code)?.minorUnits ?? 2;
  }
}

export const settings = new SettingsStore();
