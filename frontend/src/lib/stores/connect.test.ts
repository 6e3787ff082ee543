import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseInviteLink, type Connection, type Workspace } from '../api/connect';
import { ConnectionStore } from './connection.svelte';
import { WorkspacesStore } from './workspaces.svelte';

const offline = (retryIn: number): Connection => ({ workspace: 'team-1', address: 'desk:8443', state: 'offline', retryIn });
const online: Connection = { workspace: 'team-1', address: 'desk:8443', state: 'online', retryIn: 0 };

/** fakeWindow stands in for the desktop window's bridge: App's methods and its events. */
function fakeWindow(app: Record<string, (...args: unknown[]) => Promise<unknown>>) {
  const listeners: Record<string, (data: unknown) => void> = {};
  vi.stubGlobal('window', {
    WailsInvoke: () => {},
    go: { main: { App: app } },
    runtime: {
      EventsOn: (name: string, cb: (data: unknown) => void) => {
        listeners[name] = cb;
        return () => delete listeners[name];
      },
    },
  });
  return listeners;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the unreachable banner', () => {
  it('counts down to the next try and marks the data as not current', () => {
    const c = new ConnectionStore();
    expect(c.stale).toBe(false);
    c.apply(offline(8), 1_000);
    expect(c.stale).toBe(true);
    expect(c.secondsLeft).toBe(8);
    c.tick(4_500);
    expect(c.secondsLeft).toBe(5);
    c.tick(20_000);
    expect(c.secondsLeft).toBe(0);
  });

  it('reloads the views when the host is back, not on the first connect', () => {
    const c = new ConnectionStore();
    c.apply({ ...online, state: 'connecting' });
    c.apply(online);
    expect(c.epoch).toBe(0);
    c.apply(offline(1));
    c.apply(offline(2));
    c.apply(online);
    expect(c.stale).toBe(false);
    expect(c.epoch).toBe(1);
    expect(c.secondsLeft).toBe(0);
  });

  it('never shows data as current while signed out or refused', () => {
    const c = new ConnectionStore();
    for (const state of ['signed_out', 'certificate_changed', 'offline']) {
      c.apply({ ...online, state });
      expect(c.stale, state).toBe(true);
    }
    for (const state of ['online', 'local', 'connecting']) {
      c.apply({ ...online, state });
      expect(c.stale, state).toBe(false);
    }
  });

  it('follows the window: its state at start, then its events; Retry now asks it', async () => {
    vi.useFakeTimers();
    const retry = vi.fn(async () => undefined);
    const listeners = fakeWindow({ ConnectionState: async () => offline(4), RetryConnection: retry });
    const c = new ConnectionStore();
    await c.start();
    expect(c.status.state).toBe('offline');
    expect(c.secondsLeft).toBe(4);
    vi.advanceTimersByTime(2_000);
    expect(c.secondsLeft).toBe(2);
    await c.retry();
    expect(retry).toHaveBeenCalledOnce();
    listeners.connection(online);
    expect(c.status.state).toBe('online');
    expect(c.stale).toBe(false);
  });

  it('stays local in a browser', async () => {
    const c = new ConnectionStore();
    await c.start();
    expect(c.status.state).toBe('local');
  });
});

describe('the workspace switcher', () => {
  const local: Workspace = { id: 'local', local: true, name: '', address: '', fingerprint: '', person: '', login: '', current: false };
  const team: Workspace = { id: 'team-1', local: false, name: 'Brand team', address: 'desk:8443', fingerprint: 'AA:BB', person: 'Dana', login: 'dana', current: true };
  let calls: string[];
  let store: WorkspacesStore;

  beforeEach(async () => {
    calls = [];
    fakeWindow({
      Workspaces: async () => [local, team],
      SwitchWorkspace: async (id) => void calls.push('switch ' + String(id)),
      ForgetWorkspace: async (id) => void calls.push('forget ' + String(id)),
    });
    store = new WorkspacesStore();
    store.reload = () => void calls.push('reload');
    await store.load();
  });

  it('lists this computer and the team workspaces, the current one marked', () => {
    expect(store.items.map((w) => w.id)).toEqual(['local', 'team-1']);
    expect(store.current?.name).toBe('Brand team');
  });

  it('switches and reloads the page, and does nothing for the current one', async () => {
    await store.switchTo('team-1');
    expect(calls).toEqual([]);
    await store.switchTo('local');
    expect(calls).toEqual(['switch local', 'reload']);
  });

  it('forgets a workspace; forgetting the current one reloads the page', async () => {
    await store.forget('team-1');
    expect(calls).toEqual(['forget team-1', 'reload']);
  });

  it('opens the sign-in of the current team workspace only', () => {
    store.askSignIn();
    expect(store.signingIn?.id).toBe('team-1');
    store.signingIn = null;
    store.items = [{ ...local, current: true }, { ...team, current: false }];
    store.askSignIn();
    expect(store.signingIn).toBeNull();
  });
});

describe('an invite link pasted as the address', () => {
  it('gives the host and the invite code', () => {
    expect(parseInviteLink('https://desk.example.org:8443/#/join/AbC-123')).toEqual({ address: 'desk.example.org:8443', invite: 'AbC-123' });
    expect(parseInviteLink(' https://10.0.0.5#/join/x%2By ')).toEqual({ address: '10.0.0.5', invite: 'x+y' });
    expect(parseInviteLink('desk.example.org:8443')).toBeNull();
    expect(parseInviteLink('http://desk/#/join/abc')).toBeNull();
  });
});
