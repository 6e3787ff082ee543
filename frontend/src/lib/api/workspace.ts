import { call } from './client';
import type { About, Currency, Settings } from './types';

export function getSettings(): Promise<Settings> {
  return call('Workspace.Settings');
}

export function updateSettings(s: Omit<Settings, 'updatedAt'>): Promise<Settings> {
  return call('Workspace.UpdateSettings', { ...s, updatedAt: '' });
}

export function listCurrencies(): Promise<Currency[]> {
  return call('Workspace.Currencies');
}

/** currenciesInUse lists the currencies the workspace keeps money in, most used first. */
export function currenciesInUse(): Promise<string[]> {
  return call('Workspace.CurrenciesInUse');
}

export function getAbout(): Promise<About> {
  return call('Workspace.About');
}

/** getToday returns the user's calendar day as YYYY-MM-DD. */
export function getToday(): Promise<string> {
  return call('Workspace.Today');
}
