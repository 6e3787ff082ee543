import { afterEach, describe, expect, it } from 'vitest';
import { setTransport } from '../api/client';
import { AppError, setBudgetLines, type BudgetLine } from '../api';
import { cellKey } from '../budget';
import { BudgetCells } from './budgetcells.svelte';

interface Call {
  lines: BudgetLine[];
  answer: () => void;
  fail: (e: unknown) => void;
}

/**
 * fakeServer answers Budget.SetLines only when the test says so, in any
 * order, and keeps the cells it stored the way the backend does.
 */
function fakeServer() {
  const stored = new Map<string, number>();
  const calls: Call[] = [];
  setTransport({
    call<T>(method: string, args: unknown[]): Promise<T> {
      if (method !== 'Budget.SetLines') throw new Error('unexpected ' + method);
      const lines = args[1] as BudgetLine[];
      return new Promise<T>((resolve, reject) => {
        calls.push({
          lines,
          answer: () => {
            for (const l of lines) stored.set(cellKey(l.teamId, l.categoryId, l.period), l.amount);
            resolve({ lines: [] } as T);
          },
          fail: reject,
        });
      });
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
  return { stored, calls };
}

/** settle lets queued saves run up to their next unanswered call. */
const settle = () => new Promise((r) => setTimeout(r, 0));
const cell = (period: number, amount: number): BudgetLine => ({ teamId: 1, categoryId: 2, period, amount });
const key = (period: number) => cellKey(1, 2, period);

afterEach(() => setTransport(null));

describe('BudgetCells', () => {
  it('keeps a year typed without pauses, whatever order the answers come in', async () => {
    const server = fakeServer();
    const cells = new BudgetCells(2026, (lines) => setBudgetLines(2026, lines));
    for (let p = 1; p <= 12; p++) cells.set(cell(p, (99 + p) * 100));
    await settle();
    // Every cell is on screen at once, before any answer.
    expect(Array.from({ length: 12 }, (_, i) => cells.value(key(i + 1)))).toEqual(Array.from({ length: 12 }, (_, i) => (100 + i) * 100));
    // The server answers backwards.
    for (const c of [...server.calls].reverse()) c.answer();
    await cells.idle();
    expect([...server.stored.values()].reduce((a, b) => a + b, 0)).toBe(126600);
    expect(cells.failed()).toEqual([]);
    expect(cells.value(key(7))).toBe(10600);
  });

  it('sends a cell typed again after its first save answers, and a late answer never shows an older value', async () => {
    const server = fakeServer();
    const cells = new BudgetCells(2026, (lines) => setBudgetLines(2026, lines));
    cells.set(cell(1, 100));
    await settle();
    cells.set(cell(1, 150));
    cells.set(cell(1, 200));
    await settle();
    // One save per cell at a time: the second waits for the first.
    expect(server.calls).toHaveLength(1);
    expect(cells.value(key(1))).toBe(200);
    server.calls[0].answer();
    await settle();
    expect(cells.value(key(1))).toBe(200); // the answer for 100 does not put 100 back
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1].lines).toEqual([cell(1, 200)]); // 150 was overtaken before it left
    server.calls[1].answer();
    await cells.idle();
    expect(server.stored.get(key(1))).toBe(200);
    expect(cells.state(key(1))).toBeUndefined();
  });

  it('keeps what was typed when the plan is reloaded before the save answers', async () => {
    const server = fakeServer();
    const cells = new BudgetCells(2026, (lines) => setBudgetLines(2026, lines));
    cells.load([cell(3, 500)]);
    cells.set(cell(3, 700));
    await settle();
    cells.load([cell(3, 500)]); // an answer read before the save landed
    expect(cells.value(key(3))).toBe(700);
    server.calls[0].answer();
    await cells.idle();
    expect(cells.value(key(3))).toBe(700);
  });

  it('marks a cell whose save failed, leaves it out of the totals and sends it again on retry', async () => {
    const server = fakeServer();
    const cells = new BudgetCells(2026, (lines) => setBudgetLines(2026, lines));
    cells.load([cell(2, 300)]);
    cells.set(cell(2, 900));
    cells.set(cell(4, 50));
    await settle();
    server.calls[0].fail(new AppError('internal', 'database is locked'));
    server.calls[1].answer();
    await cells.idle();
    expect(cells.state(key(2))).toMatchObject({ state: 'failed', amount: 900 });
    expect((cells.state(key(2)) as { message: string }).message).toContain('database is locked');
    expect(cells.value(key(2))).toBe(300); // what the server holds
    expect(cells.failed().map(([k]) => k)).toEqual([key(2)]);
    expect(cells.value(key(4))).toBe(50);

    cells.retry();
    await settle();
    expect(server.calls[2].lines).toEqual([cell(2, 900)]);
    server.calls[2].answer();
    await cells.idle();
    expect(cells.failed()).toEqual([]);
    expect(server.stored.get(key(2))).toBe(900);
  });

  it('holds text that is not an amount on its cell without sending it', async () => {
    const server = fakeServer();
    const cells = new BudgetCells(2026, (lines) => setBudgetLines(2026, lines));
    cells.reject(key(5), '(500)', 'negative');
    await cells.idle();
    expect(server.calls).toHaveLength(0);
    expect(cells.failed()).toEqual([[key(5), { state: 'invalid', text: '(500)', message: 'negative' }]]);
    cells.set(cell(5, 500));
    await settle();
    server.calls[0].answer();
    await cells.idle();
    expect(cells.failed()).toEqual([]);
  });

  it('sends a pasted block after the saves of its cells still on their way', async () => {
    const server = fakeServer();
    const cells = new BudgetCells(2026, (lines) => setBudgetLines(2026, lines));
    cells.set(cell(1, 100));
    await settle();
    cells.setMany([cell(1, 111), cell(2, 222)]);
    await settle();
    expect(server.calls).toHaveLength(1);
    server.calls[0].answer();
    await settle();
    expect(server.calls[1].lines).toEqual([cell(1, 111), cell(2, 222)]);
    server.calls[1].answer();
    await cells.idle();
    expect(server.stored.get(key(1))).toBe(111);
  });
});
