// Signing in to a team host: the /auth endpoints, beside /api (see
// backend/httpapi). They answer JSON like the API and fail with the same
// {code, message, fields}.
import { t } from '../../i18n/index.svelte';
import { AppError, toAppError } from './errors';
import type { Actor } from './team';
import { inWails } from './wails';

/** AuthState is where the app runs: the local workspace, or a team host and who is signed in there. */
export type AuthState = { mode: 'local' } | { mode: 'team'; setup: boolean; me: Actor | null };

/**
 * authState tells the local workspace from a team host. The desktop
 * window's workspace is local; a browser asks the server it came from (a
 * server without /auth is a local serve of an older build).
 */
export async function authState(): Promise<AuthState> {
  if (inWails()) return { mode: 'local' };
  let res: Response;
  try {
    res = await fetch('/auth/state', { headers: { Accept: 'application/json' } });
  } catch {
    throw new AppError('internal', t('error.unreachable'));
  }
  if (res.status === 404) return { mode: 'local' };
  if (!res.ok) throw toAppError(await res.json().catch(() => t('error.server_answered', { status: String(res.status) })));
  const body = (await res.json()) as Partial<{ mode: string; setup: boolean; me: Actor | null }>;
  if (body.mode !== 'team') return { mode: 'local' };
  return { mode: 'team', setup: body.setup === true, me: body.me ?? null };
}

async function post<T>(path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new AppError('internal', t('error.unreachable'));
  }
  // Too many wrong passwords: the host locks sign-in for a while.
  // The answer says for how long (team.field.signin_locked with seconds).
  if (res.status === 429) {
    const body = (await res.json().catch(() => null)) as { fields?: Record<string, { params?: { seconds?: number } }> } | null;
    const seconds = Object.values(body?.fields ?? {})[0]?.params?.seconds;
    throw new AppError('locked', seconds ? t('team.field.signin_locked', { seconds: String(seconds) }) : t('team.signin.locked'));
  }
  if (!res.ok) throw toAppError(await res.json().catch(() => t('error.server_answered', { status: String(res.status) })));
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** setupTeam creates the first admin with the code the host printed, and signs them in. */
export function setupTeam(code: string, name: string, login: string, password: string): Promise<Actor> {
  return post('/auth/setup', { code, name, login, password });
}

/** signIn starts a session for a login and password. */
export function signIn(login: string, password: string): Promise<Actor> {
  return post('/auth/signin', { login, password });
}

/** acceptInvite joins with an invite (a reset invite needs only the password) and signs in. */
export function acceptInvite(invite: string, name: string, login: string, password: string): Promise<Actor> {
  return post('/auth/accept', { invite, name, login, password });
}

/** signOut ends this browser's session. */
export function signOut(): Promise<void> {
  return post('/auth/signout', {});
}
