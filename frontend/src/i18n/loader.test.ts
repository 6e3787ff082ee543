import { describe, expect, it } from 'vitest';
import type { Catalog } from './en';
import { CatalogLoader, availableLanguages, catalogs, languageNames, loadLanguage } from './index.svelte';

/** fakeImporters stands in for the catalog chunks, counting fetches and finishing when told. */
function fakeImporters() {
  const fetched: string[] = [];
  const finish: Record<string, () => void> = {};
  const importer = (lang: string, text: string) => () => {
    fetched.push(lang);
    return new Promise<Record<string, Catalog>>((resolve) => {
      finish[lang] = () => resolve({ [lang]: { 'app.name': text } as unknown as Catalog });
    });
  };
  return { fetched, finish, importers: { fa: importer('fa', 'میز'), pl: importer('pl', 'Biurko') } };
}

describe('the catalog loader', () => {
  it('fetches a language once, however often it is asked for', async () => {
    const { fetched, finish, importers } = fakeImporters();
    const loader = new CatalogLoader(importers);
    const first = loader.load('fa');
    const second = loader.load('fa');
    finish.fa();
    expect(await first).toBe('fa');
    expect(await second).toBe('fa');
    expect(await loader.load('fa')).toBe('fa');
    expect(fetched).toEqual(['fa']);
    expect(loader.loaded.fa['app.name']).toBe('میز');
  });

  it('resolves only once the catalog is there', async () => {
    const { finish, importers } = fakeImporters();
    const loader = new CatalogLoader(importers);
    let done = false;
    const p = loader.load('pl').then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    expect(loader.loaded.pl).toBeUndefined();
    finish.pl();
    await p;
    expect(loader.loaded.pl['app.name']).toBe('Biurko');
  });

  it('falls back to English for a language without a catalog', async () => {
    const { fetched, importers } = fakeImporters();
    const loader = new CatalogLoader(importers);
    expect(await loader.load('xx')).toBe('en');
    expect(await loader.load('en')).toBe('en');
    expect(fetched).toEqual([]);
  });

  it('tries a failed fetch again', async () => {
    let calls = 0;
    const loader = new CatalogLoader({
      tr: () => (++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve({ tr: { 'app.name': 'Masa' } as unknown as Catalog })),
    });
    await expect(loader.load('tr')).rejects.toThrow('offline');
    expect(await loader.load('tr')).toBe('tr');
    expect(calls).toBe(2);
  });

  it('lists every language without fetching one', () => {
    const loader = new CatalogLoader(fakeImporters().importers);
    expect(loader.languages).toEqual(['en', 'fa', 'pl']);
    expect(Object.keys(loader.loaded)).toEqual(['en']);
    expect(availableLanguages).toEqual(['en', 'fa', 'ar', 'pl', 'tr', 'th']);
    expect(availableLanguages.every((l) => languageNames[l])).toBe(true);
  });

  it('loads the real catalogs as chunks', async () => {
    expect(await loadLanguage('th')).toBe('th');
    expect(catalogs.th['app.name']).toBeTruthy();
    expect(await loadLanguage('zz')).toBe('en');
  });
});
