import { afterEach, describe, expect, it, vi } from 'vitest';
import { Resource, typingPause, whenChanged, whenTyped } from './resource.svelte';

/** Pending is a request the test answers (or fails) when it chooses. */
interface Pending {
  args: string;
  answer: (v: string) => void;
  fail: (e: unknown) => void;
}

/** backend records every request and lets the test answer them in any order. */
function backend() {
  const asked: Pending[] = [];
  const fetch = (args: string) =>
    new Promise<string>((answer, fail) => {
      asked.push({ args, answer, fail });
    });
  return { asked, fetch };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => vi.useRealTimers());

describe('Resource', () => {
  it('lands the newest answer when an older one arrives last', async () => {
    const b = backend();
    const r = new Resource(b.fetch, 'none');
    const first = r.load('30');
    const second = r.load('90');
    expect(r.loading).toBe(true);
    b.asked[1].answer('answer 90');
    expect(await second).toBe(true);
    expect(r.value).toBe('answer 90');
    expect(r.loading).toBe(false);
    b.asked[0].answer('answer 30');
    expect(await first).toBe(false);
    expect(r.value).toBe('answer 90');
  });

  it('keeps loading until the newest answer lands, even when an older one lands first', async () => {
    const b = backend();
    const r = new Resource(b.fetch, 'none');
    const first = r.load('a');
    void r.load('b');
    b.asked[0].answer('old');
    expect(await first).toBe(false);
    expect(r.value).toBe('none');
    expect(r.loading).toBe(true);
    b.asked[1].answer('new');
    await settle();
    expect(r.value).toBe('new');
    expect(r.loading).toBe(false);
  });

  it('ignores the error of an old request', async () => {
    const b = backend();
    const onError = vi.fn();
    const r = new Resource(b.fetch, 'none', { onError });
    const first = r.load('a');
    const second = r.load('b');
    b.asked[0].fail(new Error('old failure'));
    expect(await first).toBe(false);
    b.asked[1].answer('fine');
    expect(await second).toBe(true);
    expect(onError).not.toHaveBeenCalled();
    expect(r.error).toBeNull();
    expect(r.value).toBe('fine');
  });

  it('reports the error of the newest request to onError and keeps the last value', async () => {
    const b = backend();
    const onError = vi.fn();
    const r = new Resource(b.fetch, 'none', { onError });
    const first = r.load('a');
    b.asked[0].answer('kept');
    await first;
    const second = r.load('b');
    const boom = new Error('boom');
    b.asked[1].fail(boom);
    expect(await second).toBe(false);
    expect(onError).toHaveBeenCalledWith(boom);
    expect(r.error).toBe(boom);
    expect(r.value).toBe('kept');
    expect(r.loading).toBe(false);
  });

  it('rejects with the newest error when there is no onError', async () => {
    const b = backend();
    const r = new Resource(b.fetch, 'none');
    const p = r.load('a');
    b.asked[0].fail(new Error('boom'));
    await expect(p).rejects.toThrow('boom');
  });

  it('drops an answer after cancel and after set', async () => {
    const b = backend();
    const r = new Resource(b.fetch, 'none');
    const p = r.load('a');
    r.set('edited');
    b.asked[0].answer('late');
    expect(await p).toBe(false);
    expect(r.value).toBe('edited');
    expect(r.loading).toBe(false);
  });
});

describe('Resource with debounce', () => {
  it('asks once when typing pauses, with the last text, and never per key', async () => {
    vi.useFakeTimers();
    const b = backend();
    const r = new Resource((f: { search: string; type: string }) => b.fetch(f.search), 'none', { debounce: whenTyped('search') });
    void r.load({ search: '', type: '' }); // the first load asks at once
    expect(b.asked.map((a) => a.args)).toEqual(['']);
    b.asked[0].answer('all');
    await vi.advanceTimersByTimeAsync(0);
    const typed = ['s', 'sp', 'spr', 'spri', 'sprin'].map((s) => r.load({ search: s, type: '' }));
    await vi.advanceTimersByTimeAsync(typingPause - 1);
    expect(b.asked).toHaveLength(1);
    const last = r.load({ search: 'spring', type: '' });
    await vi.advanceTimersByTimeAsync(typingPause - 1);
    expect(b.asked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(b.asked.map((a) => a.args)).toEqual(['', 'spring']);
    for (const p of typed) expect(await p).toBe(false);
    expect(r.loading).toBe(true);
    b.asked[1].answer('spring results');
    expect(await last).toBe(true);
    expect(r.value).toBe('spring results');
  });

  it('asks at once when something other than the text changes', async () => {
    vi.useFakeTimers();
    const b = backend();
    const r = new Resource((f: { search: string; type: string }) => b.fetch(f.search + '/' + f.type), 'none', { debounce: whenTyped('search') });
    void r.load({ search: 'x', type: '' });
    void r.load({ search: 'x', type: 'image' });
    expect(b.asked.map((a) => a.args)).toEqual(['x/', 'x/image']);
  });

  it('keeps waiting when the same typed text is loaded twice (two effects reacting to one key)', async () => {
    vi.useFakeTimers();
    const b = backend();
    const r = new Resource((f: { search: string; type: string }) => b.fetch(f.search + '/' + f.type), 'none', { debounce: whenTyped('search') });
    void r.load({ search: '', type: '' });
    for (const text of ['s', 'sp']) {
      void r.load({ search: text, type: '' });
      void r.load({ search: text, type: '' });
    }
    // A change of type while typing waits with the text.
    const last = r.load({ search: 'sp', type: 'image' });
    await vi.advanceTimersByTimeAsync(typingPause - 1);
    expect(b.asked.map((a) => a.args)).toEqual(['/']);
    await vi.advanceTimersByTimeAsync(1);
    expect(b.asked.map((a) => a.args)).toEqual(['/', 'sp/image']);
    b.asked[1].answer('found');
    expect(await last).toBe(true);
  });

  it('whenChanged waits for every change of the argument but not for the same one again', () => {
    const d = whenChanged<string>(100);
    expect(d(undefined, 'a')).toBe(0);
    expect(d('a', 'ab')).toBe(100);
    expect(d('ab', 'ab')).toBe(0);
    expect(whenTyped<{ q: string }>('q')({ q: 'a ' }, { q: 'a' })).toBe(0);
    const both = whenTyped<{ q: string; tag: string; n: number }>(['q', 'tag'], 100);
    expect(both({ q: 'a', tag: '', n: 1 }, { q: 'a', tag: 'x', n: 1 })).toBe(100);
    expect(both({ q: 'a', tag: 'x', n: 1 }, { q: 'a', tag: 'x', n: 2 })).toBe(0);
  });
});
