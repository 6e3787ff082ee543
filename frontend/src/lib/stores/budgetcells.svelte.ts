import { SvelteMap } from 'svelte/reactivity';
import type { BudgetLine } from '../api';
import { cellKey } from '../budget';
import { describeError } from './notices.svelte';

/**
 * CellState is a cell the server does not hold yet: a value on its way
 * (queued or sent), a value the server refused or never got, or text that
 * is not an amount and was never sent.
 */
export type CellState =
  | { state: 'saving'; amount: number }
  | { state: 'failed'; amount: number; message: string }
  | { state: 'invalid'; text: string; message: string };

/** SaveLines stores cells in one transaction (Budget.SetLines). */
export type SaveLines = (lines: BudgetLine[]) => Promise<unknown>;

/**
 * BudgetCells holds a fiscal year's plan while the user types into it.
 *
 * What the user typed is kept here until the server has it, so neither a
 * slow answer nor a reload of the plan can put an older number back on
 * screen. Saves are queued per cell: a cell's next save is sent only when
 * its previous one has answered, with the newest value typed by then, so
 * answers can never arrive out of order for one cell and the last value
 * typed is the one stored. A refused or lost save leaves the cell marked
 * failed, with the reason, until it is typed again or retried.
 */
export class BudgetCells {
  /** saved is what the server holds, as last loaded or confirmed. */
  readonly saved = new SvelteMap<string, number>();
  /** local holds the cells that differ from saved. */
  readonly local = new SvelteMap<string, CellState>();
  private tails = new Map<string, Promise<void>>();

  constructor(
    readonly year: number,
    private save: SaveLines,
  ) {}

  /** load takes the plan's lines from the server; cells still being edited keep what was typed. */
  load(lines: BudgetLine[]): void {
    this.saved.clear();
    for (const l of lines) this.saved.set(cellKey(l.teamId, l.categoryId, l.period), l.amount);
  }

  /** value is the amount a cell shows and totals count: saved, or on its way to being saved. */
  value(key: string): number {
    const c = this.local.get(key);
    if (c?.state === 'saving') return c.amount;
    return this.saved.get(key) ?? 0;
  }

  /** state tells whether a cell is saving, failed or holds text that is not an amount. */
  state(key: string): CellState | undefined {
    return this.local.get(key);
  }

  /** set stores one typed amount (0 clears the cell). */
  set(line: BudgetLine): void {
    this.setMany([line]);
  }

  /** setMany stores cells together (a pasted block): all are saved, or none. */
  setMany(lines: BudgetLine[]): void {
    const keys: string[] = [];
    for (const l of lines) {
      const key = cellKey(l.teamId, l.categoryId, l.period);
      const busy = this.local.get(key)?.state === 'saving' || this.tails.has(key);
      if (!busy && (this.saved.get(key) ?? 0) === l.amount) {
        this.local.delete(key);
        continue;
      }
      this.local.set(key, { state: 'saving', amount: l.amount });
      keys.push(key);
    }
    if (keys.length > 0) this.enqueue(keys);
  }

  /** reject marks text that is not an amount; nothing is sent. */
  reject(key: string, text: string, message: string): void {
    this.local.set(key, { state: 'invalid', text, message });
  }

  /** discard forgets what was typed into a cell that failed or is invalid. */
  discard(key: string): void {
    if (this.local.get(key)?.state !== 'saving') this.local.delete(key);
  }

  /** failed lists the cells that did not save or hold text that is not an amount. */
  failed(): [string, CellState][] {
    return [...this.local].filter(([, c]) => c.state !== 'saving');
  }

  /** retry sends the failed cells again. */
  retry(): void {
    const lines: BudgetLine[] = [];
    for (const [key, c] of this.local) if (c.state === 'failed') lines.push(toLine(key, c.amount));
    for (const l of lines) this.set(l);
  }

  /** idle resolves once every queued save has answered. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }

  // enqueue runs a save for keys after every earlier save touching any of them.
  private enqueue(keys: string[]): void {
    const before = Promise.all(keys.map((k) => this.tails.get(k)));
    const done = before.then(() => this.flush(keys));
    for (const k of keys) this.tails.set(k, done);
    void done.then(() => {
      for (const k of keys) if (this.tails.get(k) === done) this.tails.delete(k);
    });
  }

  // flush sends the newest value of each key still waiting; a save queued
  // behind a newer one for the same cell finds nothing left to send.
  private async flush(keys: string[]): Promise<void> {
    const sent = new Map<string, number>();
    for (const k of keys) {
      const c = this.local.get(k);
      if (c?.state === 'saving') sent.set(k, c.amount);
    }
    if (sent.size === 0) return;
    let failure: string | null = null;
    try {
      await this.save([...sent].map(([k, amount]) => toLine(k, amount)));
    } catch (e) {
      failure = describeError(e);
    }
    for (const [k, amount] of sent) {
      const c = this.local.get(k);
      const current = c?.state === 'saving' && c.amount === amount;
      if (failure === null) {
        this.saved.set(k, amount);
        if (current) this.local.delete(k);
      } else if (current) {
        this.local.set(k, { state: 'failed', amount, message: failure });
      }
    }
  }
}

/** toLine turns a cell key and an amount into a budget line. */
function toLine(key: string, amount: number): BudgetLine {
  const [teamId, categoryId, period] = key.split(':').map(Number);
  return { teamId, categoryId, period, amount };
}
