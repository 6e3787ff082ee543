import { connectionState, onConnection, retryConnection, teamWorkspaces, type Connection } from '../api/connect';

/** States in which what the views show may no longer be what the host holds. */
const notCurrent = new Set(['offline', 'signed_out', 'certificate_changed']);

/**
 * ConnectionStore follows the window's connection to its team workspace:
 * whether the host answers, when the next try is, and whether what the
 * views show is current. On this computer's workspace it stays "local".
 */
export class ConnectionStore {
  status = $state<Connection>({ workspace: 'local', address: '', state: 'local', retryIn: 0 });
  /** retryAt is when the next try is due (ms since the epoch; 0: none planned). */
  retryAt = $state(0);
  now = $state(Date.now());
  /** epoch grows each time the host is back: views then load their data again. */
  epoch = $state(0);
  private wasAway = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  /** stale says the views' data may not be current: they show it dimmed, with a label. */
  get stale(): boolean {
    return notCurrent.has(this.status.state);
  }

  /** secondsLeft is how long until the next try, in whole seconds. */
  get secondsLeft(): number {
    return Math.max(0, Math.ceil((this.retryAt - this.now) / 1000));
  }

  /** apply takes a new state of the connection, as the window reports it. */
  apply(c: Connection, now = Date.now()): void {
    const away = notCurrent.has(c.state);
    if (c.state === 'online' && this.wasAway && c.workspace === this.status.workspace) this.epoch++;
    if (away) this.wasAway = true;
    else if (c.state === 'online' || c.state === 'local') this.wasAway = false;
    this.status = c;
    this.now = now;
    this.retryAt = c.state === 'offline' ? now + c.retryIn * 1000 : 0;
  }

  /** tick moves the countdown on. */
  tick(now = Date.now()): void {
    this.now = now;
  }

  /** start follows the window's connection (nothing to follow in a browser). */
  async start(): Promise<void> {
    if (!teamWorkspaces()) return;
    onConnection((c) => this.apply(c));
    this.timer ??= setInterval(() => this.retryAt && this.tick(), 1000);
    try {
      this.apply(await connectionState());
    } catch {
      // The window answers this from memory; without it, it stays local.
    }
  }

  /** retry asks the window to try the host now. */
  async retry(): Promise<void> {
    this.retryAt = 0;
    await retryConnection();
  }
}

export const connection = new ConnectionStore();
