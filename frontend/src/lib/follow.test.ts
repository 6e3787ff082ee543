import { describe, expect, it, vi } from 'vitest';
import { follow, stillAt, untouched } from './follow';

vi.mock('./api', async (original) => {
  const real = await original<typeof import('./api')>();
  const spend = Array.from({ length: 1203 }, (_, i) => ({ id: i + 1, vendor: `v${i + 1}` }));
  return {
    ...real,
    findSpend: vi.fn(async (f: { offset: number; limit: number }) => ({ entries: spend.slice(f.offset, f.offset + f.limit), total: spend.length })),
    findRequests: vi.fn(async () => [{ id: 4, purpose: 'Booth' }]),
  };
});

describe('follow', () => {
  const was = { version: 1, title: 'Logo', tags: ['brand'] };
  const now = { version: 2, title: 'Logo 2026', tags: ['brand'] };

  it('takes the newer version while nothing was typed', () => {
    expect(follow({ ...was, tags: ['brand'] }, was, now)).toEqual({ value: now, kept: false });
  });

  it('keeps what was typed and says so', () => {
    const typed = { ...was, title: 'Logo (dark)' };
    expect(follow(typed, was, now)).toEqual({ value: typed, kept: true });
    expect(untouched(typed, was)).toBe(false);
  });
});

describe('stillAt', () => {
  it('keeps the highlighted row where it went, else the first, else none', () => {
    const rows = [{ id: 3 }, { id: 7 }, { id: 9 }];
    expect(stillAt(rows, 9)).toBe(2);
    expect(stillAt(rows, 5)).toBe(0);
    expect(stillAt(rows, undefined)).toBe(0);
    expect(stillAt([], 9)).toBe(-1);
  });
});

describe('fresh records', () => {
  it('finds a spend entry beyond the first page, and says not_found for one that went', async () => {
    const { freshSpend, freshRequest } = await import('./fresh');
    expect((await freshSpend(1103)).vendor).toBe('v1103');
    await expect(freshSpend(5000)).rejects.toMatchObject({ code: 'not_found' });
    expect((await freshRequest(4)).purpose).toBe('Booth');
    await expect(freshRequest(5)).rejects.toMatchObject({ code: 'not_found' });
  });
});
