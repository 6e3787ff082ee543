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
    let payload: unknown;
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
      assets: '/export/assets.xlsx',
      workspace: '/export/workspace.xlsx',
      report: '/export/report.xlsx',
      'report-html': '/export/report.html',
      list: '/export/list.xlsx',
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
  async addFiles(contractId: number): Promise<unknown[]> {
    const picked = await pickFiles();
    if (picked.length === 0) return [];
    return upload(`/upload/contract-documents?contract=${contractId}`, picked);
  },
  async openDocument(id: number): Promise<void> {
    download(`/files/document/${id}`);
  },
  async addAssets(files: File[] | string[] | null, choice: string): Promise<unknown[]> {
    // A browser only ever hands us File objects (drops and the picker).
    const picked = files && files.length && files[0] instanceof File ? (files as File[]) : await pickFiles();
    if (picked.length === 0) return [];
    return upload(`/upload/assets?duplicate=${encodeURIComponent(choice)}`, picked);
  },
  onFileDrop() {
    // In a browser, drops arrive as DOM events with File objects.
    return () => {};
  },
  async openAsset(id: number, version: number): Promise<void> {
    download(`/files/asset/${id}/${version}`);
  },
  async chooseImportFile(file: File | null): Promise<unknown | null> {
    const picked = file ? [file] : await pickFiles(false);
    if (picked.length === 0) return null;
    const [pending] = await upload('/upload/import', picked.slice(0, 1));
    return pending ?? null;
  },
};

function download(href: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = '';
  document.body.append(a);
  a.click();
  a.remove();
}

async function upload(path: string, files: File[]): Promise<unknown[]> {
  const form = new FormData();
  for (const f of files) form.append('files', f, f.name);
  let res: Response;
  try {
    // The custom header marks the request as ours (see httpapi).
    res = await fetch(path, { method: 'POST', body: form, headers: { 'X-MOpsDesk': '1' } });
  } catch {
    throw new AppError('internal', 'MOps Desk is not reachable. Is "mopsdesk serve" still running?');
  }
  if (!res.ok) throw toAppError(await res.json().catch(() => `The server answered ${res.status}.`));
  return (await res.json()) as unknown[];
}

/** pickFiles opens the browser's file picker and resolves with the chosen files ([] when cancelled). */
function pickFiles(multiple = true): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve([...(input.files ?? [])]);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}
