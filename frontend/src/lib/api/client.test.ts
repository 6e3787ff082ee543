import { afterEach, describe, expect, it } from 'vitest';
import { exportCampaigns, findCampaigns, updateSettings } from './index';
import { call, setTransport } from './client';
import type { Transport } from './transport';

/** fakeTransport records calls and answers from a table. */
function fakeTransport(answer: (method: string, args: unknown[]) => unknown) {
  const calls: { method: string; args: unknown[] }[] = [];
  const exports: { kind: string; request: unknown }[] = [];
  const t: Transport = {
    async call<T>(method: string, args: unknown[]) {
      calls.push({ method, args });
      const out = answer(method, args);
      if (out instanceof Error || (out && typeof out === 'object' && 'code' in out)) throw out;
      return out as T;
    },
    async exportFile(kind, request) {
      exports.push({ kind, request });
      return { saved: true, path: '/tmp/x.xlsx' };
    },
    async addFiles() {
      return [];
    },
    async openDocument() {},
    async addAssets() {
      return [];
    },
    async openAsset() {},
    async chooseImportFile() {
      return null;
    },
    onFileDrop() {
      return () => {};
    },
  };
  return { t, calls, exports };
}

afterEach(() => setTransport(null));

describe('api', () => {
  it('calls facade methods by name with positional arguments', async () => {
    const f = fakeTransport(() => ({ campaigns: [], total: 0 }));
    setTransport(f.t);
    await findCampaigns({ search: 'spring', limit: 50 });
    expect(f.calls).toEqual([{ method: 'Campaigns.Find', args: [{ search: 'spring', limit: 50 }] }]);
  });

  it('exports without paging, so the file has every matching row', async () => {
    const f = fakeTransport(() => null);
    setTransport(f.t);
    await exportCampaigns({ search: 'x', offset: 100, limit: 50 }, { sheet: 'S', headers: {}, statuses: {} });
    expect(f.exports).toEqual([{ kind: 'campaigns', request: { filter: { search: 'x' }, labels: { sheet: 'S', headers: {}, statuses: {} } } }]);
  });

  it('sends settings without the server-owned timestamp', async () => {
    const f = fakeTransport((_, args) => args[0]);
    setTransport(f.t);
    await updateSettings({ name: 'A', baseCurrency: 'PLN', fiscalYearStartMonth: 4, language: 'pl', underuseThreshold: 60, calendar: 'gregory', weekStart: 1 });
    expect(f.calls[0].args[0]).toEqual({
      name: 'A',
      baseCurrency: 'PLN',
      fiscalYearStartMonth: 4,
      language: 'pl',
      underuseThreshold: 60,
      calendar: 'gregory',
      weekStart: 1,
      updatedAt: '',
    });
  });
});

describe('the typed contract', () => {
  it('takes only the methods, arguments and fields the Go facades have', async () => {
    const f = fakeTransport(() => ({ campaigns: [], total: 0 }));
    setTransport(f.t);
    const page = await call('Campaigns.Find', { search: 'spring', statuses: ['live'] });
    expect(page.total).toBe(0);
    // The lines below must not type-check (npm run check fails on an
    // expected error that is not one), so the contract cannot loosen.
    const rejected = [
      // @ts-expect-error: no such method
      () => call('Campaigns.Search', {}),
      // @ts-expect-error: no such field in CampaignFilter
      () => call('Campaigns.Find', { serch: 'spring' }),
      // @ts-expect-error: not a campaign status
      () => call('Campaigns.Find', { statuses: ['archived'] }),
      // @ts-expect-error: an id is a number
      () => call('Campaigns.Get', '7'),
      // @ts-expect-error: Get takes one argument
      () => call('Campaigns.Get'),
      // @ts-expect-error: the result is a Campaign, which has no title
      async () => (await call('Campaigns.Get', 7)).title,
    ];
    expect(rejected).toHaveLength(6);
    expect(f.calls).toHaveLength(1);
  });
});
