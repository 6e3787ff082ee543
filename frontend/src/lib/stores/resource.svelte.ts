import { createSubscriber } from 'svelte/reactivity';
import { type Areas, live } from './live.svelte';

/**
 * typingPause is how long a search box waits after the last key before it
 * asks the backend: one request when typing pauses, none per key.
 */
export const typingPause = 250;

/**
 * Debounce decides, from the arguments last asked for (undefined before the
 * first request) and those of the next load, how many ms to wait before asking.
 */
export type Debounce<A> = (previous: A | undefined, next: A) => number;

/** ResourceOptions tune a Resource. */
export interface ResourceOptions<A> {
  /** onError receives the error of the newest load; without it load() rejects with that error. */
  onError?: (e: unknown) => void;
  /** debounce delays a load (a typed search) so that only the last of quick calls asks. */
  debounce?: Debounce<A>;
  /**
   * raw keeps the value as given, without a deep reactive proxy: for large
   * answers that are only ever replaced whole (the calendar's thousands of
   * items), where the proxy slowed every read.
   */
  raw?: boolean;
  /**
   * live names the areas whose changes (made by someone else, see
   * live.svelte.ts) reload the value while a view shows it: null, the
   * default, for any change; false for a value that does not follow them.
   */
  live?: Areas | false;
}

/**
 * whenTyped debounces a load whose text field (one of keys) differs from
 * the last request's (someone is typing); any other change asks at once.
 * Leading and trailing spaces do not count as a change.
 */
export function whenTyped<A>(keys: keyof A | (keyof A)[], ms = typingPause): Debounce<A> {
  const texts = (a: A) => (Array.isArray(keys) ? keys : [keys]).map((k) => String(a[k] ?? '').trim()).join('\u0000');
  return (previous, next) => (previous !== undefined && texts(previous) !== texts(next) ? ms : 0);
}

/** whenChanged debounces every load but the first whose argument differs from the last request's (a picker's query). */
export function whenChanged<A>(ms = typingPause): Debounce<A> {
  return (previous, next) => (previous !== undefined && previous !== next ? ms : 0);
}

/**
 * Resource is data loaded from the backend for some arguments, where only
 * the answer to the newest load lands: an older answer arriving late, or
 * an older request's error, is dropped. It keeps loading and error state
 * and can wait for typing to pause before asking (see ResourceOptions).
 */
export class Resource<A, T> {
  private deep: T = $state() as T;
  private flat: T = $state.raw() as T;

  /** value is the answer to the newest load that has landed (initial before). */
  get value(): T {
    this.shown?.();
    return this.options.raw ? this.flat : this.deep;
  }
  set value(v: T) {
    if (this.options.raw) this.flat = v;
    else this.deep = v;
  }
  /** loading is true from a load until its answer (or a newer load's) lands. */
  loading = $state(false);
  /** error is the newest load's error, null after an answer lands. */
  error = $state<unknown>(null);

  private ticket = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private cancelWait: (() => void) | undefined;
  /** asked holds the arguments of the last request sent. */
  private asked: A | undefined;
  /** sent is true once a request was sent: asked alone cannot say so for a load taking no arguments (undefined). */
  private sent = false;
  /**
   * shown marks the value as read by a view: while one shows it, changes
   * to its areas reload it (see refresh); once none does, it stops.
   */
  private readonly shown: (() => void) | undefined;

  constructor(
    private readonly fetch: (args: A) => Promise<T>,
    initial: T,
    private readonly options: ResourceOptions<A> = {},
  ) {
    this.value = initial;
    const areas = options.live;
    if (areas !== false) this.shown = createSubscriber(() => live.watch(areas ?? null, () => void this.refresh()));
  }

  /**
   * refresh asks again for the arguments last asked for, quietly: loading
   * stays as it is, and a failure keeps the value shown (the next change
   * or load tries again). A load under way when it comes is superseded,
   * since it may have been asked before the change.
   */
  async refresh(): Promise<boolean> {
    if (!this.sent) return false;
    const mine = ++this.ticket;
    this.cancelWait?.();
    try {
      const v = await this.fetch(this.asked as A);
      if (mine !== this.ticket) return false;
      this.value = v;
      this.error = null;
      return true;
    } catch {
      return false;
    } finally {
      if (mine === this.ticket) this.loading = false;
    }
  }

  /**
   * load asks for args and resolves true when its answer landed, false when
   * a newer load (or cancel) made it stale. An error of the newest load is
   * kept in error and given to onError, or rejects the promise without it.
   */
  async load(args: A): Promise<boolean> {
    const mine = ++this.ticket;
    // Compared with what was last asked, not last loaded: a second load of
    // the same typed text (two effects reacting to one key) keeps waiting.
    const wait = this.options.debounce?.(this.asked, args) ?? 0;
    this.cancelWait?.();
    this.loading = true;
    if (wait > 0 && !(await this.pause(wait))) return false;
    if (mine !== this.ticket) return false;
    this.asked = args;
    this.sent = true;
    try {
      const v = await this.fetch(args);
      if (mine !== this.ticket) return false;
      this.value = v;
      this.error = null;
      return true;
    } catch (e) {
      if (mine !== this.ticket) return false;
      this.error = e;
      if (!this.options.onError) throw e;
      this.options.onError(e);
      return false;
    } finally {
      if (mine === this.ticket) this.loading = false;
    }
  }

  /** cancel drops a load that is waiting or under way: its answer will not land. */
  cancel(): void {
    this.ticket++;
    this.cancelWait?.();
    this.loading = false;
  }

  /** set replaces the value at once (an edit made here) and drops answers still under way. */
  set(value: T): void {
    this.cancel();
    this.value = value;
  }

  /** pause resolves true after ms, or false as soon as a newer load or cancel comes. */
  private pause(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      this.timer = setTimeout(() => {
        this.cancelWait = undefined;
        resolve(true);
      }, ms);
      this.cancelWait = () => {
        clearTimeout(this.timer);
        this.cancelWait = undefined;
        resolve(false);
      };
    });
  }
}
