import { t } from '../../i18n/index.svelte';
import { AppError, canceled, reported, toAppError } from './errors';
import { type AppResult, type CallOptions, type ExportKind, exportPath, jobId, type Step, type Transport } from './transport';
import type { SaveResult } from './types';

/** unreachable is the error of a fetch that got no answer at all. */
function unreachable(): AppError {
  return new AppError('internal', t('error.unreachable'));
}

/** failed turns a failed fetch into the error to throw: cancelled (the signal was aborted) or unreachable. */
function failed(opts?: CallOptions): AppError {
  return opts?.signal?.aborted ? canceled() : unreachable();
}

async function post(path: string, body: unknown, opts?: CallOptions, job = ''): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  // The job names the call's progress on the event stream (see httpapi).
  if (job) headers['X-MOpsDesk-Job'] = job;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body), signal: opts?.signal });
  } catch {
    throw failed(opts);
  }
  if (!res.ok) {
    let payload: unknown;
    try {
      payload = await res.json();
    } catch {
      payload = t('error.server_answered', { status: `${res.status} ${res.statusText}`.trim() });
    }
    throw reported(toAppError(payload));
  }
  return res;
}

let stream: EventSource | null = null;
let streamOpen: Promise<void> = Promise.resolve();
const progressOf = new Map<string, (step: Step) => void>();

/**
 * listen sends the progress of job, from serve mode's event stream, to cb.
 * The stream opens on first use and stays open; it resolves once the
 * stream is connected (or failed), so the first steps are not missed.
 */
async function listen(job: string, cb: (step: Step) => void): Promise<() => void> {
  if (typeof EventSource === 'undefined') return () => {};
  if (!stream) {
    const es = new EventSource('/api/events');
    stream = es;
    streamOpen = new Promise((resolve) => {
      es.addEventListener('open', () => resolve(), { once: true });
      es.addEventListener('error', () => resolve(), { once: true });
    });
    es.addEventListener('progress', (e) => {
      const ev = JSON.parse((e as MessageEvent).data) as { job: string; step: Step };
      progressOf.get(ev.job)?.(ev.step);
    });
  }
  progressOf.set(job, cb);
  await streamOpen;
  return () => progressOf.delete(job);
}

/** asJob runs run(job) as the job opts describe: its progress to onProgress; the signal aborts the fetch. */
async function asJob<T>(opts: CallOptions | undefined, run: (job: string) => Promise<T>): Promise<T> {
  if (!opts) return run('');
  if (opts.signal?.aborted) throw canceled();
  const job = jobId(opts);
  const off = opts.onProgress ? await listen(job, opts.onProgress) : undefined;
  try {
    return await run(job);
  } finally {
    off?.();
  }
}

function fileName(res: Response, fallback: string): string {
  const m = /filename="?([^";]+)"?/.exec(res.headers.get('Content-Disposition') ?? '');
  return m ? m[1] : fallback;
}

/** httpTransport calls the same facades through "mopsdesk serve". */
export const httpTransport: Transport = {
  async call<T>(method: string, args: unknown[], opts?: CallOptions): Promise<T> {
    return asJob(opts, async (job) => {
      const res = await post('/api/' + method.replace('.', '/'), args, opts, job);
      return (await res.json()) as T;
    });
  },
  async exportFile(kind: ExportKind, request: unknown, opts?: CallOptions): Promise<SaveResult> {
    const path = exportPath(kind);
    const res = await asJob(opts, (job) => post(path, request, opts, job));
    const name = fileName(res, path.slice('/export/'.length));
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
  async addFiles(contractId: number): Promise<AppResult<'App.AddContractDocuments'>> {
    const picked = await pickFiles();
    if (picked.length === 0) return [];
    return upload<AppResult<'App.AddContractDocuments'>[number]>(`/upload/contract-documents?contract=${contractId}`, picked);
  },
  async openDocument(id: number): Promise<void> {
    download(`/files/document/${id}`);
  },
  async addAssets(files: File[] | string[] | null, choice: string, opts?: CallOptions): Promise<AppResult<'App.AddAssets'>> {
    // A browser only ever hands us File objects (drops and the picker).
    const picked = files && files.length && files[0] instanceof File ? (files as File[]) : await pickFiles();
    if (picked.length === 0) return [];
    const path = `/upload/assets?duplicate=${encodeURIComponent(choice)}&count=${picked.length}`;
    return asJob(opts, (job) => upload<AppResult<'App.AddAssets'>[number]>(path, picked, opts, job));
  },
  onFileDrop() {
    // In a browser, drops arrive as DOM events with File objects.
    return () => {};
  },
  async openAsset(id: number, version: number): Promise<void> {
    download(`/files/asset/${id}/${version}`);
  },
  async chooseImportFile(file: File | null): Promise<AppResult<'App.ChooseImportFile'>> {
    const picked = file ? [file] : await pickFiles(false);
    if (picked.length === 0) return null;
    const [pending] = await upload<NonNullable<AppResult<'App.ChooseImportFile'>>>('/upload/import', picked.slice(0, 1));
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

/**
 * upload posts files to one of serve mode's upload routes; it answers what
 * the window's matching App method does (T is one element of it).
 */
async function upload<T>(path: string, files: File[], opts?: CallOptions, job = ''): Promise<T[]> {
  const form = new FormData();
  for (const f of files) form.append('files', f, f.name);
  // The custom header marks the request as ours (see httpapi).
  const headers: Record<string, string> = { 'X-MOpsDesk': '1' };
  if (job) headers['X-MOpsDesk-Job'] = job;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', body: form, headers, signal: opts?.signal });
  } catch {
    throw failed(opts);
  }
  if (!res.ok) throw reported(toAppError(await res.json().catch(() => t('error.server_answered', { status: String(res.status) }))));
  return (await res.json()) as T[];
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
