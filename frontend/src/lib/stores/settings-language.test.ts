import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../api';

const saved: Settings = {
  name: 'Team',
  baseCurrency: 'EUR',
  fiscalYearStartMonth: 1,
  language: 'fa',
  underuseThreshold: 50,
  calendar: 'persian',
  weekStart: 6,
  updatedAt: '2026-01-01T00:00:00Z',
};

const api = vi.hoisted(() => ({ settings: null as unknown as Settings }));
vi.mock('../api', () => ({
  getSettings: () => Promise.resolve({ ...api.settings }),
  updateSettings: (s: Settings) => Promise.resolve({ ...s, updatedAt: 'now' }),
  getAbout: () => Promise.resolve({}),
  listCurrencies: () => Promise.resolve([]),
  currenciesInUse: () => Promise.resolve([]),
}));

// Each language's catalog arrives when the test says so.
const pending = vi.hoisted(() => new Map<string, () => void>());
vi.mock('../../i18n/index.svelte', async (original) => {
  const real = await original<typeof import('../../i18n/index.svelte')>();
  return {
    ...real,
    loadLanguage: (lang: string) =>
      new Promise<string>((resolve) => pending.set(lang, () => resolve(real.availableLanguages.includes(lang) ? lang : 'en'))),
  };
});

const { i18n } = await import('../../i18n/index.svelte');
const { SettingsStore } = await import('./settings.svelte');

/** arrive lets a language's catalog finish loading, once it has been asked for. */
async function arrive(lang: string) {
  await vi.waitUntil(() => pending.has(lang));
  pending.get(lang)!();
  pending.delete(lang);
}

describe("the workspace's language", () => {
  beforeEach(() => {
    i18n.locale = 'en';
    pending.clear();
    api.settings = { ...saved };
  });

  it('is shown only once its catalog is loaded, before the app mounts', async () => {
    const store = new SettingsStore();
    const started = store.start();
    await vi.waitUntil(() => pending.has('fa'));
    expect(i18n.locale).toBe('en');
    await arrive('fa');
    await started;
    expect(i18n.locale).toBe('fa');
  });

  it('waits for the new catalog when Settings switches language', async () => {
    const store = new SettingsStore();
    const loading = store.load();
    await arrive('fa');
    await loading;
    expect(i18n.locale).toBe('fa');
    const saving = store.save({ ...store.value!, language: 'pl' });
    await vi.waitUntil(() => pending.has('pl'));
    expect(i18n.locale).toBe('fa');
    expect(store.value!.language).toBe('fa');
    await arrive('pl');
    await saving;
    expect(i18n.locale).toBe('pl');
    expect(store.value!.language).toBe('pl');
  });

  it('shows English for a language without a catalog', async () => {
    api.settings = { ...saved, language: 'xx' };
    const store = new SettingsStore();
    const loading = store.load();
    await arrive('xx');
    await loading;
    expect(i18n.locale).toBe('en');
  });
});
