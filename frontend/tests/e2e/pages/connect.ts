import type { Locator, Page } from '@playwright/test';

/** What the stand-in desktop bridge recorded: App's team methods as called. */
export interface BridgeLog {
  calls: [string, ...unknown[]][];
}

/**
 * desktopBridge makes a served page believe it runs in the desktop window:
 * App.Call goes on to serve mode's API (so the app works), and App's team
 * methods answer as a window that knows one team host would. It survives a
 * reload (sessionStorage), as the window's state does. Tests send the
 * window's events with DesktopWindow.emit.
 */
function desktopBridge(): void {
  const w = window as unknown as Record<string, unknown>;
  const store = sessionStorage;
  const log = (name: string, ...args: unknown[]) => {
    const calls = JSON.parse(store.getItem('bridge-calls') ?? '[]') as unknown[];
    calls.push([name, ...args]);
    store.setItem('bridge-calls', JSON.stringify(calls));
  };
  const team = {
    id: 'team-1', local: false, name: 'Brand team', address: 'desk.example.org:8443',
    fingerprint: '5A:D9:EE:A0:EA:B4:F8:61:9D:4C:80:17:14:87:7F:79:0E:0E:3E:E3:9D:ED:60:E8:FB:BC:D5:37:FF:0A:D2:98',
    person: 'Dana', login: 'dana', current: false,
  };
  const onTeam = () => store.getItem('bridge-team') === '1';
  const listeners: Record<string, ((data: unknown) => void)[]> = {};
  w.WailsInvoke = () => {};
  w.runtime = {
    EventsOn: (name: string, cb: (data: unknown) => void) => {
      (listeners[name] ??= []).push(cb);
      return () => (listeners[name] = listeners[name].filter((f) => f !== cb));
    },
    OnFileDrop: () => {},
    OnFileDropOff: () => {},
  };
  w.__emit = (name: string, data: unknown) => listeners[name]?.forEach((f) => f(data));
  w.go = {
    main: {
      App: {
        async Call(method: string, args: unknown[]) {
          const r = await fetch('/api/' + method.replace('.', '/'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args ?? []) });
          const body = await r.json();
          if (!r.ok) throw body;
          return body;
        },
        Cancel: async () => {},
        async ProbeHost(address: string) {
          log('ProbeHost', address);
          return { address, fingerprint: team.fingerprint, subject: 'CN=desk.example.org', notAfter: '2027-11-27T00:00:00Z' };
        },
        async ConnectTeam(address: string, fingerprint: string, creds: Record<string, string>) {
          log('ConnectTeam', address, fingerprint, creds);
          if (creds.password === 'wrong') throw { code: 'unauthorized', message: 'no', fields: { password: { key: 'connect.wrong_credentials' } } };
          store.setItem('bridge-team', '1');
          return { ...team, current: true };
        },
        async Workspaces() {
          return [
            { id: 'local', local: true, name: '', address: '', fingerprint: '', person: '', login: '', current: !onTeam() },
            { ...team, current: onTeam() },
          ];
        },
        async SwitchWorkspace(id: string) {
          log('SwitchWorkspace', id);
          store.setItem('bridge-team', id === 'local' ? '0' : '1');
        },
        ForgetWorkspace: async (id: string) => log('ForgetWorkspace', id),
        ConnectionState: async () =>
          onTeam() ? { workspace: 'team-1', address: team.address, state: 'online', retryIn: 0 } : { workspace: 'local', address: '', state: 'local', retryIn: 0 },
        RetryConnection: async () => log('RetryConnection'),
      },
    },
  };
}

/** DesktopWindow is the app as the desktop window shows it: the workspace menu, the Connect dialog, the banner. */
export class DesktopWindow {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.addInitScript(desktopBridge);
    await this.page.goto('/');
  }

  /** menuButton opens the workspace menu; its name says the current workspace. */
  get menuButton(): Locator {
    return this.page.getByRole('navigation').getByRole('button', { name: /Workspace/ });
  }

  /** workspaceItem is a workspace in the menu; action is one of its other items. */
  workspaceItem(name: string | RegExp): Locator {
    return this.page.getByRole('menu').getByRole('menuitemradio', { name });
  }

  action(name: string | RegExp): Locator {
    return this.page.getByRole('menu').getByRole('menuitem', { name });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  get banner(): Locator {
    return this.page.locator('.connection-banner');
  }

  /** emit sends one of the window's events (as the Go side does). */
  async emit(name: string, data: unknown): Promise<void> {
    await this.page.evaluate(([n, d]) => (window as unknown as { __emit: (n: unknown, d: unknown) => void }).__emit(n, d), [name, data]);
  }

  /** calls are the bridge's recorded calls of App's team methods. */
  async calls(): Promise<[string, ...unknown[]][]> {
    return this.page.evaluate(() => JSON.parse(sessionStorage.getItem('bridge-calls') ?? '[]'));
  }
}
