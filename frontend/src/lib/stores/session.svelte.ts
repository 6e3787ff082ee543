import { type AuthState, authState, signOut } from '../api/auth';
import { type AppError, watchErrors } from '../api/errors';
import type { Actor } from '../api/team';
import { type Method, may } from '../may';

/**
 * SessionStore knows where the app runs and who is signed in: in the
 * local workspace (the desktop window, loopback serve) the one person at
 * the keyboard may do everything; on a team host the signed-in person's
 * role decides which controls show (can), and a call the host answers
 * "unauthorized" (the session expired or was revoked) brings back the
 * sign-in page, which returns to the same place afterwards.
 */
export class SessionStore {
  mode = $state<'local' | 'team'>('local');
  /** setup is true on a host that has no admin yet: the first-admin page shows. */
  setup = $state(false);
  me = $state<Actor | null>(null);
  /** returnTo is the location hash to go back to after signing in again. */
  returnTo = $state('');
  /** expired says the sign-in page shows because a session ended, not on first visit. */
  expired = $state(false);

  private unwatch: (() => void) | undefined;

  constructor(private readonly load: () => Promise<AuthState> = authState) {}

  /** start asks where the app runs and starts watching calls for an ended session. */
  async start(): Promise<void> {
    this.apply(await this.load());
    this.unwatch ??= watchErrors((e) => this.failed(e));
  }

  /** stop stops watching calls (tests). */
  stop(): void {
    this.unwatch?.();
    this.unwatch = undefined;
  }

  /** apply takes an answer of /auth/state. */
  apply(s: AuthState): void {
    this.mode = s.mode;
    this.setup = s.mode === 'team' && s.setup;
    this.me = s.mode === 'team' ? s.me : null;
  }

  /** team is true on a team host. */
  get team(): boolean {
    return this.mode === 'team';
  }

  /** signedOut is true on a team host when no one is signed in: the sign-in (or setup) page shows. */
  get signedOut(): boolean {
    return this.mode === 'team' && !this.me;
  }

  /** can reports whether the person may call method: always in the local workspace. */
  can(method: Method): boolean {
    if (this.mode === 'local') return true;
    return !!this.me && may(this.me.role, method);
  }

  /** failed reacts to a failed call: "unauthorized" on a host signs the person out, keeping their place. */
  failed(e: AppError): void {
    if (e.code !== 'unauthorized' || this.mode !== 'team' || !this.me) return;
    this.returnTo = location.hash;
    this.expired = true;
    this.me = null;
  }

  /** signedIn takes the person a sign-in, setup or invite answered with, and goes back where they were. */
  signedIn(me: Actor, home = false): void {
    this.me = me;
    this.setup = false;
    this.expired = false;
    const back = home ? '#/' : this.returnTo;
    this.returnTo = '';
    if (back && location.hash !== back) location.hash = back;
  }

  /** signOut ends this browser's session; the sign-in page shows. */
  async signOut(): Promise<void> {
    await signOut();
    this.returnTo = '';
    this.expired = false;
    this.me = null;
  }
}

export const session = new SessionStore();
