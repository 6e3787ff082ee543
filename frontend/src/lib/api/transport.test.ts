import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError, toAppError } from './errors';
import { httpTransport } from './http';
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
      headers: { 'Content-Type': 'application/json' },
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
    vi.stubGlobal('window', { go: { main: { App: { SaveCampaignsExport: save } } } });
    expect(await wailsTransport.exportFile('campaigns', { filter: {} })).toEqual({ saved: false });
    save.mockResolvedValueOnce('/home/dana/campaigns.xlsx');
    expect(await wailsTransport.exportFile('campaigns', { filter: {} })).toEqual({ saved: true, path: '/home/dana/campaigns.xlsx' });
  });
});

describe('toAppError', () => {
  it('keeps unknown codes from reaching the UI', () => {
    expect(toAppError({ code: 'weird', message: 'm' }).code).toBe('internal');
    expect(toAppError('error parsing arguments').code).toBe('internal');
    expect(toAppError(new Error('boom')).message).toBe('boom');
  });
});
