import { SvelteMap } from 'svelte/reactivity';
import type { BudgetLine, BudgetPlan } from '../api';
import { cellKey } from '../budget';
import { describeError } from './notices.svelte';

/**
 * CellState is a cell the server does not hold yet: a value on its way
 * (queued or sent), a value the server refused or never got, text that
 * is not an amount and was never sent, or a value not stored because
 * someone else changed the cell after the grid showed it (the cell now
 * shows theirs; amount is what this person typed).
 */
export type CellState =
  | { state: 'saving'; amount: number }
  | { state: 'failed'; amount: number; message: string }
  | { state: 'invalid'; text: string; message: string }
  | { state: 'conflict'; amount: number; theirs: number };

/** CellInput is what the grid stores into a cell; the version it was shown at is the store's to add. */
export type CellInput = Omit<BudgetLine, 'version'>;

/**
 * SaveLines stores cells with the versions they were shown at
 * (Budget.SetLines): the cells someone changed meanwhile come back in the
 * plan's conflicts, the rest is stored.
 */
export type SaveLines = (lines: BudgetLine[]) => Promise<BudgetPlan>;

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
  /** versions holds each stored cell's version; a cell missing here holds nothing (version 0). */
  private versions = new Map<string, number>();
  private tails = new Map<string, Promise<void>>();

  constructor(
    readonly year: number,
    private save: SaveLines,
  ) {}

  /** load takes the plan's lines from the server; cells still being edited keep what was typed. */
  load(lines: BudgetLine[]): void {
    this.saved.clear();
    this.versions.clear();
    for (const l of lines) this.store(cellKey(l.teamId, l.categoryId, l.period), l.amount, l.version);
  }

  // store records what the server holds for a cell.
  private store(key: string, amount: number, version: number): void {
    this.saved.set(key, amount);
    if (version) this.versions.set(key, version);
    else this.versions.delete(key);
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
  set(line: CellInput): void {
    this.setMany([line]);
  }

  /**
   * setMany stores cells together (a pasted block) in one transaction: all
   * are saved or none, but for the cells someone else changed meanwhile,
   * which are left as they set them and marked conflict.
   */
  setMany(lines: CellInput[]): void {
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

  /** keepMine saves what this person typed into a conflicting cell over the other person's amount. */
  keepMine(key: string): void {
    const c = this.local.get(key);
    if (c?.state === 'conflict') this.set(toLine(key, c.amount));
  }

  /** retry sends the failed cells again. */
  retry(): void {
    const lines: CellInput[] = [];
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
    let plan: BudgetPlan | null = null;
    try {
      plan = await this.save([...sent].map(([k, amount]) => ({ ...toLine(k, amount), version: this.versions.get(k) ?? 0 })));
    } catch (e) {
      failure = describeError(e);
    }
    const stored = new Map((plan?.lines ?? []).map((l) => [cellKey(l.teamId, l.categoryId, l.period), l]));
    const clashed = new Map((plan?.conflicts ?? []).map((l) => [cellKey(l.teamId, l.categoryId, l.period), l]));
    for (const [k, amount] of sent) {
      const c = this.local.get(k);
      const current = c?.state === 'saving' && c.amount === amount;
      const theirs = clashed.get(k);
      if (failure !== null) {
        if (current) this.local.set(k, { state: 'failed', amount, message: failure });
      } else if (theirs) {
        // Someone else changed the cell after it was shown: it shows theirs now, and what was typed waits for a decision.
        this.store(k, theirs.amount, theirs.version);
        if (current) this.local.set(k, { state: 'conflict', amount, theirs: theirs.amount });
      } else {
        const l = stored.get(k);
        this.store(k, l?.amount ?? 0, l?.version ?? 0);
        if (current) this.local.delete(k);
      }
    }
  }
}

/** toLine turns a cell key and an amount into a budget line. */
function toLine(key: string, amount: number): CellInput {
  const [teamId, categoryId, period] = key.split(':').map(Number);
  return { teamId, categoryId, period, amount };
}
