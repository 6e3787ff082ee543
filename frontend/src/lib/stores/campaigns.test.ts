import { afterEach, describe, expect, it, vi } from 'vitest';
import { setTransport } from '../api/client';
import type { Campaign, CampaignFilter } from '../api';
import { CampaignsStore, pageSize } from './campaigns.svelte';
import { typingPause } from './resource.svelte';

const camp = (id: number) => ({ id, name: 'c' + id }) as Campaign;

/** fake answers Campaigns.Find from a list, with an optional delay per call. */
function fake(all: Campaign[], delays: number[] = []) {
  const filters: CampaignFilter[] = [];
  setTransport({
    async call<T>(method: string, args: unknown[]): Promise<T> {
      if (method === 'Campaigns.Find') {
        const f = args[0] as CampaignFilter;
        filters.push(f);
        const wait = delays.shift() ?? 0;
        if (wait) await new Promise((r) => setTimeout(r, wait));
        const off = f.offset ?? 0;
        return { campaigns: all.slice(off, off + (f.limit ?? 500)), total: all.length } as T;
      }
      if (method === 'Campaigns.Delete') return undefined as T;
      if (method === 'Campaigns.Facets') return { owners: [], tags: [] } as T;
      throw new Error('unexpected ' + method);
    },
    async exportFile() {
      return { saved: false };
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
  });
  return filters;
}

afterEach(() => {
  setTransport(null);
  vi.useRealTimers();
});

describe('CampaignsStore', () => {
  it('sends the view as a filter and pages by pageSize', async () => {
    const filters = fake(Array.from({ length: 120 }, (_, i) => camp(i + 1)));
    const s = new CampaignsStore();
    s.view.search = '  spring ';
    s.view.teamId = 3;
    s.page = 2;
    await s.load();
    expect(filters[0]).toMatchObject({ search: 'spring', teamId: 3, offset: 2 * pageSize, limit: pageSize });
    expect(filters[0].channelId).toBeUndefined();
    expect(s.items).toHaveLength(20);
    expect(s.total).toBe(120);
  });

  it('never lets a slow earlier answer overwrite a newer one', async () => {
    fake([camp(1)], [50, 0]);
    const s = new CampaignsStore();
    const first = s.load();
    s.view.search = 'x';
    const second = s.load();
    await Promise.all([first, second]);
    expect(s.loading).toBe(false);
    expect(s.items.map((c) => c.id)).toEqual([1]);
  });

  it('asks once with the last text when typing pauses, not once per key', async () => {
    vi.useFakeTimers();
    const filters = fake([camp(1)]);
    const s = new CampaignsStore();
    const first = s.load();
    await vi.advanceTimersByTimeAsync(0);
    await first;
    const loads = ['s', 'sp', 'spr', 'spring'].map((text) => {
      s.view.search = text;
      return s.load();
    });
    await vi.advanceTimersByTimeAsync(typingPause - 1);
    expect(filters).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(filters.map((f) => f.search)).toEqual([undefined, 'spring']);
    await vi.advanceTimersByTimeAsync(0);
    expect(await Promise.all(loads)).toHaveLength(4);
    // Another filter asks at once.
    s.view.teamId = 2;
    const now = s.load();
    await vi.advanceTimersByTimeAsync(0);
    expect(filters).toHaveLength(3);
    await now;
  });

  it('steps back to the last page when deleting empties the current one', async () => {
    const all = Array.from({ length: pageSize + 1 }, (_, i) => camp(i + 1));
    fake(all);
    const s = new CampaignsStore();
    s.page = 1;
    await s.load();
    expect(s.items).toHaveLength(1);
    all.pop();
    const before = s.version;
    await s.remove(all.length + 1, 1);
    expect(s.page).toBe(0);
    expect(s.items).toHaveLength(pageSize);
    expect(s.version).toBe(before + 1);
  });

  it('collects every campaign in a range across pages', async () => {
    const filters = fake(Array.from({ length: 1203 }, (_, i) => camp(i + 1)));
    const s = new CampaignsStore();
    const got = await s.inRange('2027-03-01', '2027-03-31');
    expect(got).toHaveLength(1203);
    expect(filters.map((f) => f.offset)).toEqual([0, 500, 1000]);
    expect(filters[0]).toMatchObject({ from: '2027-03-01', to: '2027-03-31' });
  });
});
