import { getAbout, getSettings, listCurrencies, updateSettings } from '../api';
import type { About, Currency, Settings } from '../api';
import { i18n } from '../../i18n/index.svelte';

/** SettingsStore holds the workspace settings, the currency list and facts about the app. */
export class SettingsStore {
  value = $state<Settings | null>(null);
  about = $state<About | null>(null);
  currencies = $state<Currency[]>([]);

  async load(): Promise<void> {
    const [s, about, currencies] = await Promise.all([getSettings(), getAbout(), listCurrencies()]);
    this.value = s;
    this.about = about;
    this.currencies = currencies;
    i18n.locale = s.language;
  }

  async save(s: Omit<Settings, 'updatedAt'>): Promise<void> {
    this.value = await updateSettings(s);
    i18n.locale = this.value.language;
  }

  /** minorUnits returns the decimals of a currency (2 when unknown). */
  minorUnits(code: string): number {
    return this.currencies.find((c) => c.code === code)?.minorUnits ?? 2;
  }
}

export const settings = new SettingsStore();
