import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authState, signIn } from '../api/auth';
import { AppError, reported } from '../api/errors';
import { httpTransport } from '../api/http';
import type { Actor } from '../api/team';
import { i18n, t } from '../../i18n/index.svelte';
import { describeError } from './notices.svelte';
import { SessionStore } from './session.svelte';


const dana: Actor = { personId: 3, name: 'Dana', role: 'planner' };

let store: SessionStore;

beforeEach(() => {
  vi.stubGlobal('location', { hash: '#/budget?tab=requests' });
});

afterEach(() => {
  store?.stop();
  vi.unstubAllGlobals();
});

async function started(state: Awaited<ReturnType<typeof authState>>): Promise<SessionStore> {
  store = new SessionStore(async () => state);
  await store.start();
  return store;
}

describe('the local workspace', () => {
  it('allows everything and never asks to sign in', async () => {
    const s = await started({ mode: 'local' });
    expect(s.signedOut).toBe(false);
    expect(s.can('Workspace.UpdateSettings')).toBe(true);
    expect(s.can('Requests.Decide')).toBe(true);
    expect(s.can('Team.Invite')).toBe(true);
  });

  it('stays as it is when a call fails with "unauthorized"', async () => {
    const s = await started({ mode: 'local' });
    reported(new AppError('unauthorized', 'no session'));
    expect(s.signedOut).toBe(false);
    expect(s.returnTo).toBe('');
    expect(s.can('Campaigns.Update')).toBe(true);
  });
});

describe('a team host', () => {
  it('asks to sign in when no one is signed in, and allows nothing', async () => {
    const s = await started({ mode: 'team', setup: false, me: null });
    expect(s.signedOut).toBe(true);
    expect(s.can('Campaigns.Find')).toBe(false);
  });

  it('shows the first-admin page while the host has no admin', async () => {
    const s = await started({ mode: 'team', setup: true, me: null });
    expect(s.setup).toBe(true);
  });

  it('allows what the signed-in person’s role allows', async () => {
    const s = await started({ mode: 'team', setup: false, me: dana });
    expect(s.can('Campaigns.Update')).toBe(true);
    expect(s.can('Requests.Decide')).toBe(false);
    expect(s.can('Budget.SetLines')).toBe(false);
    expect(s.can('Workspace.UpdateSettings')).toBe(false);
  });

  it('brings back sign-in when a call answers "unauthorized", and returns to the same place after', async () => {
    const s = await started({ mode: 'team', setup: false, me: dana });
    reported(new AppError('unauthorized', 'The session has ended.'));
    expect(s.signedOut).toBe(true);
    expect(s.expired).toBe(true);
    expect(s.returnTo).toBe('#/budget?tab=requests');
    // Something moved the page meanwhile; signing in goes back.
    location.hash = '#/';
    s.signedIn(dana);
    expect(s.signedOut).toBe(false);
    expect(location.hash).toBe('#/budget?tab=requests');
    expect(s.returnTo).toBe('');
  });

  it('keeps the person signed in when a call is "forbidden"', async () => {
    const s = await started({ mode: 'team', setup: false, me: dana });
    reported(new AppError('forbidden', 'Your role does not allow this.'));
    expect(s.me).toEqual(dana);
  });

  it('hears an ended session from any call through serve mode’s transport', async () => {
    const s = await started({ mode: 'team', setup: false, me: dana });
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ code: 'unauthorized', message: 'no session' }), { status: 401 })));
    await expect(httpTransport.call('Campaigns.Find', [{}])).rejects.toMatchObject({ code: 'unauthorized' });
    expect(s.signedOut).toBe(true);
  });

  it('goes home after joining with an invite', async () => {
    location.hash = '#/join/abc';
    const s = await started({ mode: 'team', setup: false, me: null });
    s.signedIn(dana, true);
    expect(location.hash).toBe('#/');
  });

  it('shows the sign-in page after signing out', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    const s = await started({ mode: 'team', setup: false, me: dana });
    await s.signOut();
    expect(fetch).toHaveBeenCalledWith('/auth/signout', expect.objectContaining({ method: 'POST' }));
    expect(s.signedOut).toBe(true);
    expect(s.expired).toBe(false);
  });
});

describe('what the person is told', () => {
  it('says plainly that the role does not allow it, or that the session ended', () => {
    i18n.locale = 'en';
    expect(describeError(new AppError('forbidden', 'Campaigns.Create needs planner'))).toBe(t('team.forbidden'));
    expect(describeError(new AppError('unauthorized', 'no session'))).toBe(t('team.unauthorized'));
    i18n.locale = 'fa';
    expect(describeError(new AppError('forbidden', 'x'))).toContain('نقش شما');
    i18n.locale = 'en';
  });
});

describe('authState', () => {

  it('reads a team host’s answer', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ mode: 'team', setup: false, me: dana }), { status: 200 })));
    expect(await authState()).toEqual({ mode: 'team', setup: false, me: dana });
  });

  it('takes serve mode’s answer, and a server without /auth, as the local workspace', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ mode: 'local' }), { status: 200 })));
    expect(await authState()).toEqual({ mode: 'local' });
    vi.stubGlobal('fetch', vi.fn(async () => new Response('404 page not found', { status: 404 })));
    expect(await authState()).toEqual({ mode: 'local' });
  });

  it('says sign-in is locked when the host answers 429', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ code: 'busy', message: 'locked' }), { status: 429 })));
    await expect(signIn('dana', 'wrong')).rejects.toMatchObject({ code: 'locked' });
  });

  it('is the local workspace in the desktop window, without asking', async () => {

    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('window', { WailsInvoke: () => {} });
    expect(await authState()).toEqual({ mode: 'local' });
    expect(fetch).not.toHaveBeenCalled();
  });
});
