import { AppError, toAppError } from './errors';
import type { ExportKind, Transport } from './transport';
import type { SaveResult } from './types';

async function post(path: string, body: unknown): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new AppError('internal', 'MOps Desk is not reachable. Is "mopsdesk serve" still running?');
  }
  if (!res.ok) {
    let payload: unknown = null;
    try {
      payload = await res.json();
    } catch {
      payload = `The server answered ${res.status} ${res.statusText}.`;
    }
    throw toAppError(payload);
  }
  return res;
}

function fileName(res: Response, fallback: string): string {
  const m = /filename="?([^";]+)"?/.exec(res.headers.get('Content-Disposition') ?? '');
  return m ? m[1] : fallback;
}

/** httpTransport calls the same facades through "mopsdesk serve". */
export const httpTransport: Transport = {
  async call<T>(method: string, args: unknown[]): Promise<T> {
    const res = await post('/api/' + method.replace('.', '/'), args);
    return (await res.json()) as T;
  },
  async exportFile(kind: ExportKind, request: unknown): Promise<SaveResult> {
    const paths: Record<ExportKind, string> = {
      campaigns: '/export/campaigns.xlsx',
      calendar: '/export/calendar.ics',
    };
    const res = await post(paths[kind], request);
    const name = fileName(res, kind + '.xlsx');
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { saved: true, path: name };
  },
};
