import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Change } from '../api/transport';
import { i18n } from '../../i18n/index.svelte';
import { LiveStore, maxWait, sentence, settle } from './live.svelte';
import { Resource } from './resource.svelte';

const change = (over: Partial<Change> = {}): Change => ({ type: 'change', by: 'Dana', area: 'campaigns', method: 'Campaigns.Update', id: 12, label: 'Spring launch', ...over });

beforeEach(() => {
  vi.useFakeTimers();
  i18n.locale = 'en';
});
afterEach(() => vi.useRealTimers());

function store() {
  const said: string[] = [];
  const s = new LiveStore((text) => said.push(text), () => Date.now());
  return { s, said };
}

describe('LiveStore', () => {
  it('reloads once and says who changed what after a burst settles', () => {
    const { s, said } = store();
    const reload = vi.fn();
    s.watch(['campaigns'], reload);
    s.receive({ type: 'change', change: change(), own: false });
    vi.advanceTimersByTime(settle - 1);
    s.receive({ type: 'change', change: change({ id: 13, label: 'Fall' }), own: false });
    vi.advanceTimersByTime(settle - 1);
    expect(reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(said).toEqual(['Dana made 2 changes']);
  });

  it('never waits longer than maxWait under a steady stream of changes', () => {
    const { s } = store();
    const reload = vi.fn();
    s.watch(null, reload);
    for (let ms = 0; ms < maxWait; ms += settle / 2) {
      s.receive({ type: 'change', change: change(), own: false });
      vi.advanceTimersByTime(settle / 2);
    }
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('leaves out the changes this tab made: no reload, no notice, no hint', () => {
    const { s, said } = store();
    const reload = vi.fn();
    s.watch(null, reload);
    const opened = Date.now();
    s.receive({ type: 'change', change: change(), own: true });
    vi.advanceTimersByTime(maxWait);
    expect(reload).not.toHaveBeenCalled();
    expect(said).toEqual([]);
    expect(s.changedSince('campaigns', 12, opened)).toBeNull();
  });

  it('reloads only the watchers of the areas that changed, and everyone after a reset', () => {
    const { s, said } = store();
    const budget = vi.fn();
    const campaigns = vi.fn();
    s.watch(['budget', 'spend'], budget);
    s.watch(['campaigns'], campaigns);
    s.receive({ type: 'change', change: change(), own: false });
    vi.advanceTimersByTime(settle);
    expect([budget.mock.calls.length, campaigns.mock.calls.length]).toEqual([0, 1]);
    expect(said).toEqual(['Dana changed campaign ‘Spring launch’']);
    s.receive({ type: 'reset' });
    vi.advanceTimersByTime(settle);
    expect([budget.mock.calls.length, campaigns.mock.calls.length]).toEqual([1, 2]);
    expect(said).toHaveLength(1);
  });

  it('reloads every watcher after an import, whatever it names', () => {
    const { s } = store();
    const budget = vi.fn();
    s.watch(['budget'], budget);
    s.receive({ type: 'change', change: change({ area: 'imports', method: 'Imports.Commit', id: undefined, label: undefined }), own: false });
    vi.advanceTimersByTime(settle);
    expect(budget).toHaveBeenCalledTimes(1);
  });

  it('tells a form opened before a change about it, and not one opened after', () => {
    const { s } = store();
    const before = Date.now();
    vi.advanceTimersByTime(10);
    s.receive({ type: 'change', change: change(), own: false });
    expect(s.changedSince('campaigns', 12, before)?.change.by).toBe('Dana');
    expect(s.changedSince('campaigns', 13, before)).toBeNull();
    vi.advanceTimersByTime(10);
    expect(s.changedSince('campaigns', 12, Date.now())).toBeNull();
  });

  it('names the people when several made the changes (a team workspace), not another window', () => {
    expect(sentence([change({ by: 'Pat' }), change({ by: 'Ana' }), change({ by: 'Pat' })])).toBe('Changes by Pat and Ana');
    i18n.locale = 'fa';
    expect(sentence([change({ by: 'Pat' }), change({ by: 'Ana' })])).toBe('\u2068Pat و Ana\u2069 تغییرهایی دادند');
  });

  it('names the area when there is no record, and another window when there is no name', () => {
    expect(sentence([change({ by: '', area: 'budget', id: undefined, label: undefined })])).toBe('Changed in another window: the budget');
    expect(sentence([change({ by: '' }), change({ by: 'Dana' })])).toBe('2 changes were made in another window');
    i18n.locale = 'fa';
    expect(sentence([change()])).toContain('کمپین');
  });
});

// Which Resources follow changes (those a view shows) is Svelte's to track
// (createSubscriber), which needs the browser build: the e2e spec
// live.spec.ts covers it. Here: what a followed change does to one.
describe('a Resource refreshed by a change', () => {
  it('asks again for what it last asked for, without showing it as loading', async () => {
    const asked: number[] = [];
    let answer = 'first';
    const r = new Resource(async (n: number) => (asked.push(n), answer), '');
    expect(await r.refresh()).toBe(false); // nothing asked yet: nothing to refresh
    await r.load(7);
    answer = 'second';
    const refreshed = r.refresh();
    expect(r.loading).toBe(false);
    expect(await refreshed).toBe(true);
    expect([r.value, asked]).toEqual(['second', [7, 7]]);
  });

  it('asks again also when what it asked for takes no arguments (the requests, the contracts)', async () => {
    let answer = 'first';
    const r = new Resource(async () => answer, '');
    expect(await r.refresh()).toBe(false);
    await r.load(undefined);
    answer = 'second';
    expect(await r.refresh()).toBe(true);
    expect(r.value).toBe('second');
  });

  it('supersedes a load under way, which may have been asked before the change', async () => {
    const answers: ((v: string) => void)[] = [];
    const r = new Resource((_: number) => new Promise<string>((res) => answers.push(res)), '');
    const load = r.load(1);
    const refresh = r.refresh();
    answers[1]('after the change');
    answers[0]('before the change');
    expect(await refresh).toBe(true);
    expect(await load).toBe(false);
    expect([r.value, r.loading]).toEqual(['after the change', false]);
  });

  it('keeps what it shows when the refresh fails', async () => {
    let fail = false;
    const r = new Resource(async () => {
      if (fail) throw new Error('offline');
      return 'shown';
    }, '');
    await r.load(undefined);
    fail = true;
    expect(await r.refresh()).toBe(false);
    expect([r.value, r.error]).toEqual(['shown', null]);
  });
});
