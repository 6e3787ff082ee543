import { afterEach, describe, expect, it } from 'vitest';
import { setTransport } from '../api/client';
import { AppError, setBudgetLines, type BudgetLine } from '../api';
import { cellKey } from '../budget';
import { BudgetCells, type CellInput } from './budgetcells.svelte';

interface Call {
  lines: BudgetLine[];
  answer: () => void;
  fail: (e: unknown) => void;
}

/**
 * fakeServer answers Budget.SetLines only when the test says so, in any
 * order, and keeps the cells it stored the way the backend does: each
 * write takes the next version, and a cell sent with a version other than
 * the one stored is left as it is and reported in conflicts.
 */
function fakeServer() {
  const stored = new Map<string, number>();
  const versions = new Map<string, number>();
  let clock = 0;
  const line = (k: string): BudgetLine => {
    const [teamId, categoryId, period] = k.split(':').map(Number);
    return { teamId, categoryId, period, amount: stored.get(k) ?? 0, version: versions.get(k) ?? 0 };
  };
  /** write stores a cell as someone else's save would. */
  const write = (period: number, amount: number) => {
    stored.set(key(period), amount);
    versions.set(key(period), ++clock);
    return line(key(period));
  };
  const calls: Call[] = [];
  setTransport({
    call<T>(method: string, args: unknown[]): Promise<T> {
      if (method !== 'Budget.SetLines') throw new Error('unexpected ' + method);
      const lines = args[1] as BudgetLine[];
      return new Promise<T>((resolve, reject) => {
        calls.push({
          lines,
          answer: () => {
            const conflicts: BudgetLine[] = [];
            for (const l of lines) {
              const k = cellKey(l.teamId, l.categoryId, l.period);
              if ((versions.get(k) ?? 0) !== l.version) {
                conflicts.push(line(k));
              } else if (l.amount === 0) {
                stored.delete(k);
                versions.delete(k);
              } else {
                stored.set(k, l.amount);
                versions.set(k, ++clock);
              }
            }
            resolve({ lines: [...stored.keys()].map(line), conflicts } as T);
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
  return { stored, calls, write };
}

/** settle lets queued saves run up to their next unanswered call. */
const settle = () => new Promise((r) => setTimeout(r, 0));
const cell = (period: number, amount: number): CellInput => ({ teamId: 1, categoryId: 2, period, amount });
const sent = (period: number, amount: number, version: number): BudgetLine => ({ ...cell(period, amount), version });
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
    expect(server.calls[1].lines).toEqual([sent(1, 200, 1)]); // 150 was overtaken before it left; 100 is stored at version 1
    server.calls[1].answer();
    await cells.idle();
    expect(server.stored.get(key(1))).toBe(200);
    expect(cells.state(key(1))).toBeUndefined();
  });

  it('keeps what was typed when the plan is reloaded before the save answers', async () => {
    const server = fakeServer();
    const cells = new BudgetCells(2026, (lines) => setBudgetLines(2026, lines));
    const before = server.write(3, 500);
    cells.load([before]);
    cells.set(cell(3, 700));
    await settle();
    cells.load([before]); // an answer read before the save landed
    expect(cells.value(key(3))).toBe(700);
    server.calls[0].answer();
    await cells.idle();
    expect(cells.value(key(3))).toBe(700);
  });

  it('marks a cell whose save failed, leaves it out of the totals and sends it again on retry', async () => {
    const server = fakeServer();
    const cells = new BudgetCells(2026, (lines) => setBudgetLines(2026, lines));
    cells.load([server.write(2, 300)]);
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
    expect(server.calls[2].lines).toEqual([sent(2, 900, 1)]);
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
    expect(server.calls[1].lines).toEqual([sent(1, 111, 1), sent(2, 222, 0)]);
    server.calls[1].answer();
    await cells.idle();
    expect(server.stored.get(key(1))).toBe(111);
  });

  it('marks a cell someone else changed after it was shown, stores the rest of the paste, and keeps mine or takes theirs', async () => {
    const server = fakeServer();
    const cells = new BudgetCells(2026, (lines) => setBudgetLines(2026, lines));
    cells.load([server.write(1, 100), server.write(2, 200)]);
    server.write(2, 250); // Dana changes February; this grid still shows 200
    cells.setMany([cell(1, 110), cell(2, 220), cell(3, 330)]);
    await settle();
    expect(server.calls[0].lines).toEqual([sent(1, 110, 1), sent(2, 220, 2), sent(3, 330, 0)]);
    server.calls[0].answer();
    await cells.idle();
    // The rest of the paste is stored; February shows Dana's amount and is marked with what was typed.
    expect(server.stored.get(key(1))).toBe(110);
    expect(server.stored.get(key(3))).toBe(330);
    expect(server.stored.get(key(2))).toBe(250);
    expect(cells.value(key(2))).toBe(250);
    expect(cells.state(key(2))).toEqual({ state: 'conflict', amount: 220, theirs: 250 });
    expect(cells.failed().map(([k]) => k)).toEqual([key(2)]);

    // Keep mine: saved over Dana's version.
    cells.keepMine(key(2));
    await settle();
    expect(server.calls[1].lines).toEqual([sent(2, 220, 3)]);
    server.calls[1].answer();
    await cells.idle();
    expect(server.stored.get(key(2))).toBe(220);
    expect(cells.failed()).toEqual([]);

    // Take theirs: the cell keeps what the other person stored, nothing is sent.
    server.write(1, 999);
    cells.set(cell(1, 120));
    await settle();
    server.calls[2].answer();
    await cells.idle();
    expect(cells.state(key(1))).toMatchObject({ state: 'conflict', theirs: 999 });
    cells.discard(key(1));
    expect(cells.value(key(1))).toBe(999);
    expect(cells.failed()).toEqual([]);
    expect(server.calls).toHaveLength(3);
  });
});
