import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError, toAppError } from './errors';
import { closeEvents, httpTransport, tab } from './http';
import type { ExportKind, LiveEvent } from './transport';
import { wailsTransport } from './wails';

const payload = {
  code: 'invalid',
  message: 'The campaign has fields that need attention.',
  fields: { endDate: { key: 'campaign.end_before_start' } },
};

/** failure returns what p rejects with, and fails the test if it resolves. */
async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected the call to fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('httpTransport', () => {
  it('posts the arguments as JSON to /api/Facade/Method', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ campaigns: [], total: 0 }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const out = await httpTransport.call('Campaigns.Find', [{ search: 'x' }]);
    expect(out).toEqual({ campaigns: [], total: 0 });
    expect(fetch).toHaveBeenCalledWith('/api/Campaigns/Find', {
      method: 'POST',
      // The tab id marks the change notices this call causes as this tab's.
      headers: { 'Content-Type': 'application/json', 'X-MOpsDesk-Tab': tab },
      body: '[{"search":"x"}]',
    });
  });

  it('rejects with an AppError carrying the field errors', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(payload), { status: 400 }));
    const err = await failure(httpTransport.call('Campaigns.Create', [{}]));
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('invalid');
    expect(err.fields.endDate.key).toBe('campaign.end_before_start');
  });

  it('says so when the server is gone', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = await failure(httpTransport.call('Workspace.Settings', []));
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('internal');
    expect(err.message).toMatch(/not reachable/);
  });

  it('turns a non-JSON failure into an internal error', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const err = await failure(httpTransport.call('Workspace.Settings', []));
    expect(err.code).toBe('internal');
    expect(err.message).toContain('502');
  });
});

describe('wailsTransport', () => {
  it('calls the facades through App.Call and converts the ErrorFormatter payload', async () => {
    const dispatch = vi.fn(async (method: string) => {
      if (method === 'Campaigns.Create') throw payload;
      return { campaigns: [], total: 3 };
    });
    vi.stubGlobal('window', { go: { main: { App: { Call: dispatch } } } });
    expect(await wailsTransport.call('Campaigns.Find', [{ limit: 5 }])).toEqual({ campaigns: [], total: 3 });
    expect(dispatch).toHaveBeenCalledWith('Campaigns.Find', [{ limit: 5 }], '');
    const err = await failure(wailsTransport.call('Campaigns.Create', [{}]));
    expect(err).toBeInstanceOf(AppError);
    expect(err.fields.endDate.key).toBe('campaign.end_before_start');
  });

  it('exports through the native Save dialog and reports a cancel', async () => {
    const save = vi.fn(async () => '');
    vi.stubGlobal('window', { go: { main: { App: { SaveExport: save } } } });
    expect(await wailsTransport.exportFile('campaigns', { filter: {} })).toEqual({ saved: false });
    expect(save).toHaveBeenCalledWith('campaigns', { filter: {} }, '');
    save.mockResolvedValueOnce('/home/dana/campaigns.xlsx');
    expect(await wailsTransport.exportFile('campaigns', { filter: {} })).toEqual({ saved: true, path: '/home/dana/campaigns.xlsx' });
  });

  it('names a long call, passes its progress events on and cancels it through App.Cancel', async () => {
    let listener: ((data: unknown) => void) | null = null;
    let finish: (v: unknown) => void = () => {};
    const dispatch = vi.fn(() => new Promise((resolve) => (finish = resolve)));
    const cancel = vi.fn(async () => {
      finish(Promise.reject({ code: 'canceled', message: 'The work was cancelled; nothing was changed.' }));
    });
    const off = vi.fn();
    vi.stubGlobal('window', {
      go: { main: { App: { Call: dispatch, Cancel: cancel } } },
      runtime: {
        EventsOn: (name: string, cb: (data: unknown) => void) => {
          expect(name).toBe('progress');
          listener = cb;
          return off;
        },
      },
    });
    const steps: unknown[] = [];
    const controller = new AbortController();
    const p = wailsTransport.call('Imports.Commit', [{ token: 't' }], { job: 'job-9', onProgress: (s) => steps.push(s), signal: controller.signal });
    await vi.waitFor(() => expect(dispatch).toHaveBeenCalledWith('Imports.Commit', [{ token: 't' }], 'job-9'));
    listener!({ job: 'job-8', step: { unit: 'rows', done: 1, total: 9 } });
    listener!({ job: 'job-9', step: { unit: 'rows', done: 5, total: 10 } });
    expect(steps).toEqual([{ unit: 'rows', done: 5, total: 10 }]);
    controller.abort();
    const err = await failure(p);
    expect(cancel).toHaveBeenCalledWith('job-9');
    expect(err.code).toBe('canceled');
    expect(off).toHaveBeenCalled();
  });
});

describe('downloads', () => {
  const kinds: [ExportKind, string, string][] = [
    ['campaigns', '/export/campaigns.xlsx', 'campaigns.xlsx'],
    ['calendar', '/export/calendar.ics', 'calendar.ics'],
    ['assets', '/export/assets.xlsx', 'assets.xlsx'],
    ['workspace', '/export/workspace.xlsx', 'workspace.xlsx'],
    ['list', '/export/list.xlsx', 'list.xlsx'],
    ['report', '/export/report.xlsx', 'report.xlsx'],
    ['report-html', '/export/report.html', 'report.html'],
  ];
  it.each(kinds)('serve mode posts %s to its route and names the file with its extension', async (kind, path, name) => {
    const fetch = vi.fn(async (_path: string) => new Response('x', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const links: string[] = [];
    vi.stubGlobal('URL', { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} });
    vi.stubGlobal('document', {
      createElement: () => {
        const a = { href: '', download: '', click: () => links.push(a.download), remove: () => {} };
        return a;
      },
      body: { append: () => {} },
    });
    expect(await httpTransport.exportFile(kind, {})).toEqual({ saved: true, path: name });
    expect(fetch.mock.calls[0][0]).toBe(path);
    expect(links).toEqual([name]);
  });
  it.each(kinds)('the desktop hands %s to App.SaveExport', async (kind) => {
    const save = vi.fn(async () => '/tmp/x');
    vi.stubGlobal('window', { go: { main: { App: { SaveExport: save } } } });
    await wailsTransport.exportFile(kind, { a: 1 });
    expect(save).toHaveBeenCalledWith(kind, { a: 1 }, '');
  });
});

describe('httpTransport jobs', () => {
  it('aborts the fetch when the signal is aborted and rejects with canceled', async () => {
    let seen: RequestInit | undefined;
    vi.stubGlobal('fetch', (_path: string, init: RequestInit) => {
      seen = init;
      return new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    });
    const controller = new AbortController();
    const p = httpTransport.call('Imports.Commit', [{}], { job: 'job-3', signal: controller.signal });
    await vi.waitFor(() => expect(seen).toBeDefined());
    expect((seen!.headers as Record<string, string>)['X-MOpsDesk-Job']).toBe('job-3');
    controller.abort();
    const err = await failure(p);
    expect(err.code).toBe('canceled');
  });

  it('passes the steps of its job from the event stream to onProgress', async () => {
    const sources: FakeEventSource[] = [];
    class FakeEventSource {
      listeners: Record<string, ((e: unknown) => void)[]> = {};
      constructor(public url: string) {
        sources.push(this);
        queueMicrotask(() => this.emit('open', {}));
      }
      addEventListener(name: string, cb: (e: unknown) => void) {
        (this.listeners[name] ??= []).push(cb);
      }
      emit(name: string, e: unknown) {
        for (const cb of this.listeners[name] ?? []) cb(e);
      }
      close() {}
    }
    vi.stubGlobal('EventSource', FakeEventSource);
    let answer: (r: Response) => void = () => {};
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (answer = resolve)));
    const steps: unknown[] = [];
    const p = httpTransport.call('Backups.BackUpNow', [], { job: 'job-4', onProgress: (s) => steps.push(s) });
    await vi.waitFor(() => expect(sources.length).toBe(1));
    expect(sources[0].url).toBe('/api/events');
    await new Promise((r) => setTimeout(r, 0));
    sources[0].emit('progress', { data: JSON.stringify({ kind: 'progress', job: 'job-5', step: { unit: 'files', done: 1, total: 2 } }) });
    sources[0].emit('progress', { data: JSON.stringify({ kind: 'progress', job: 'job-4', step: { unit: 'files', done: 2, total: 3 } }) });
    answer(new Response('{}', { status: 200 }));
    await p;
    expect(steps).toEqual([{ unit: 'files', done: 2, total: 3 }]);
  });
});

describe('toAppError', () => {
  it('keeps unknown codes from reaching the UI', () => {
    expect(toAppError({ code: 'weird', message: 'm' }).code).toBe('internal');
    expect(toAppError('error parsing arguments').code).toBe('internal');
    expect(toAppError(new Error('boom')).message).toBe('boom');
  });
});

describe('change notices', () => {
  it('come from the event stream, marked own when this tab made them, and a reset passes on', async () => {
    closeEvents();
    const sources: { url: string; emit: (name: string, e: unknown) => void }[] = [];
    class FakeEventSource {
      static CLOSED = 2;
      readyState = 1;
      listeners: Record<string, ((e: unknown) => void)[]> = {};
      constructor(public url: string) {
        sources.push(this);
      }
      addEventListener(name: string, cb: (e: unknown) => void) {
        (this.listeners[name] ??= []).push(cb);
      }
      emit(name: string, e: unknown) {
        for (const cb of this.listeners[name] ?? []) cb(e);
      }
      close() {}
    }
    vi.stubGlobal('EventSource', FakeEventSource);
    const got: LiveEvent[] = [];
    const off = httpTransport.onLive!((ev) => got.push(ev));
    expect(sources.map((s) => s.url)).toEqual(['/api/events']);
    const notice = { type: 'change', by: '', area: 'campaigns', method: 'Campaigns.Create', id: 3, label: 'Spring' };
    sources[0].emit('change', { data: JSON.stringify({ ...notice, origin: tab }) });
    sources[0].emit('change', { data: JSON.stringify({ ...notice, origin: 'another-tab' }) });
    sources[0].emit('reset', { data: '{"type":"reset"}' });
    off();
    sources[0].emit('change', { data: JSON.stringify(notice) });
    expect(got.map((e) => (e.type === 'change' ? `${e.change.origin}:${e.own}` : e.type))).toEqual([`${tab}:true`, 'another-tab:false', 'reset']);
    closeEvents();
  });

  it('come from the desktop window’s "change" event, told apart by the window’s origin', async () => {
    const handlers: Record<string, (data: unknown) => void> = {};
    vi.stubGlobal('window', {
      go: { main: { App: { LiveOrigin: async () => 'window-1' } } },
      runtime: {
        EventsOn: (name: string, cb: (data: unknown) => void) => {
          handlers[name] = cb;
          return () => delete handlers[name];
        },
      },
    });
    const got: LiveEvent[] = [];
    const off = wailsTransport.onLive!((ev) => got.push(ev));
    handlers.change({ type: 'change', by: 'Dana', area: 'budget', method: 'Budget.SetLines', origin: 'window-1' });
    handlers.change({ type: 'change', by: 'Dana', area: 'budget', method: 'Budget.SetLines', origin: 'window-2' });
    await vi.waitFor(() => expect(got).toHaveLength(2));
    expect(got.map((e) => e.type === 'change' && e.own)).toEqual([true, false]);
    off();
    expect(Object.keys(handlers)).toEqual([]);
  });
});
