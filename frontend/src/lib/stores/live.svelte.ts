import { transport } from '../api/client';
import type { Change, LiveEvent } from '../api/transport';
import { i18n, keyFrom, t } from '../../i18n/index.svelte';
import { notices } from './notices.svelte';

/**
 * settle is how long the live store waits after a change for more to come
 * (an import, a bulk edit) before the open views reload once; maxWait
 * bounds that wait under a steady stream of changes, so that a view is
 * never more than about a second behind (the goal is two).
 */
export const settle = 250;
export const maxWait = 1000;

/** areas is what a live view shows: the areas whose changes reload it, or null for every change. */
export type Areas = readonly string[] | null;

interface Watcher {
  areas: Areas;
  reload: () => void;
}

/** Edit is the latest change someone else made to one record, and when it came. */
export interface Edit {
  change: Change;
  at: number;
}

/**
 * broad are the areas whose changes may touch any view: an import or its
 * undo (campaigns, spend, budget, contracts…), a person renamed across
 * records, the settings (base currency, fiscal year) and the lists every
 * record names (teams, channels, categories).
 */
const broad = ['imports', 'people', 'settings', 'lists'];

/** labelled are the areas whose notices name a record; the others name the area. */
const labelled = new Set(['campaigns', 'deliverables', 'milestones', 'goals', 'requests', 'vendors', 'contracts', 'assets', 'lists']);
const known = new Set([...labelled, 'settings', 'spend', 'documents', 'budget', 'rates', 'imports', 'people', 'backups', 'team']);

/** describe says, in the user's language, what a change changed: "campaign ‘Spring launch’". */
export function describe(c: Change): string {
  if (!known.has(c.area)) return t('live.area.other');
  if (c.label && labelled.has(c.area)) return t(keyFrom('live.record.', c.area), { label: c.label });
  return t(keyFrom('live.area.', c.area));
}

/** sentence is the notice for changes others made: who changed what, how many changes came, or who made them. */
export function sentence(changes: Change[]): string {
  const people = new Set(changes.map((c) => c.by));
  const by = people.size === 1 ? changes[0].by : '';
  if (changes.length === 1) {
    const what = describe(changes[0]);
    return by ? t('live.changed_by', { name: by, what }) : t('live.changed', { what });
  }
  if (by) return t('live.changed_many_by', { name: by, count: changes.length });
  // Several people on a team workspace: their names, not "another window".
  if (!people.has('')) return t('live.changed_by_several', { names: i18n.list([...people]) });
  return t('live.changed_many', { count: changes.length });
}

/**
 * LiveStore receives the change notices of both transports and makes the
 * open views follow them: after a short settle it asks each watcher whose
 * areas changed to reload (all of them after a reset), and says who changed
 * what in a polite notice. A tab's (or window's) own changes are left out:
 * the view that made them shows them already.
 */
export class LiveStore {
  /** edits holds the latest change by someone else of each record, by "area:id" (see changedSince). */
  edits = $state.raw<Record<string, Edit>>({});

  private watchers = new Set<Watcher>();
  private pending: Change[] = [];
  private resetPending = false;
  private first: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private off: (() => void) | undefined;

  constructor(
    private readonly say: (text: string) => void = (text) => notices.info(text),
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** start listens to the transport's change notices; it returns stop. */
  start(): () => void {
    this.off ??= transport().onLive?.((ev) => this.receive(ev));
    return () => this.stop();
  }

  /** stop stops listening and drops what was waiting. */
  stop(): void {
    this.off?.();
    this.off = undefined;
    clearTimeout(this.timer);
    this.pending = [];
    this.resetPending = false;
    this.first = undefined;
  }

  /** receive takes one event from the transport. */
  receive(ev: LiveEvent): void {
    if (ev.type === 'reset') {
      this.resetPending = true;
    } else {
      if (ev.own) return;
      this.pending.push(ev.change);
      if (ev.change.id) this.edits = { ...this.edits, [`${ev.change.area}:${ev.change.id}`]: { change: ev.change, at: this.now() } };
    }
    this.schedule();
  }

  /**
   * watch calls reload, once per settled burst, when a change touches one
   * of areas (null: any change); it returns the unwatch.
   */
  watch(areas: Areas, reload: () => void): () => void {
    const w = { areas, reload };
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }

  /** changedSince is the latest change someone else made to the record since at (a form opened then), or null. */
  changedSince(area: string, id: number | undefined, at: number): Edit | null {
    if (!id) return null;
    const e = this.edits[`${area}:${id}`];
    return e && e.at >= at ? e : null;
  }

  private schedule(): void {
    this.first ??= this.now();
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(settle, this.first + maxWait - this.now()));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** flush reloads the watchers of what changed and says who changed what. */
  private flush(): void {
    const changes = this.pending;
    const all = this.resetPending;
    this.pending = [];
    this.resetPending = false;
    this.first = undefined;
    const areas = new Set(changes.map((c) => c.area));
    const everything = all || broad.some((a) => areas.has(a));
    for (const w of [...this.watchers]) {
      if (everything || w.areas === null || w.areas.some((a) => areas.has(a))) w.reload();
    }
    if (changes.length > 0) this.say(sentence(changes));
  }
}

/** live is the app's one live store; App starts it. */
export const live = new LiveStore();
