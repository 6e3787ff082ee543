import { t } from '../../i18n/index.svelte';
import { AppError, canceled, reported, toAppError } from './errors';
import { type AppResult, type CallOptions, type Change, type ExportKind, exportPath, jobId, type LiveEvent, type Step, type Transport } from './transport';
import type { SaveResult } from './types';

/** unreachable is the error of a fetch that got no answer at all. */
function unreachable(): AppError {
  return new AppError('internal', t('error.unreachable'));
}

/** failed turns a failed fetch into the error to throw: cancelled (the signal was aborted) or unreachable. */
function failed(opts?: CallOptions): AppError {
  return opts?.signal?.aborted ? canceled() : unreachable();
}

/**
 * tab names this tab in the change notices its calls cause (see httpapi's
 * X-MOpsDesk-Tab), so that it can tell its own changes from other tabs'.
 */
export const tab = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

async function post(path: string, body: unknown, opts?: CallOptions, job = ''): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-MOpsDesk-Tab': tab };
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
const liveListeners = new Set<(ev: LiveEvent) => void>();

/**
 * reopenAfter is how long a stream the server refused (not signed in yet,
 * the server gone) waits before it is opened again: 2 s, doubling after
 * each refusal up to a minute, and 2 s again once one connects.
 */
let reopenAfter = 2000;

/**
 * events opens serve mode's one event stream (progress and change notices)
 * on first use and keeps it open: the browser reconnects by itself, with
 * the id of the last notice it saw so that the server sends what it missed.
 * A stream the server refused is opened again a little later; a reconnect
 * that cannot catch up is a reset (reload everything shown).
 */
function events(): EventSource | null {
  if (typeof EventSource === 'undefined') return null;
  if (stream) return stream;
  const es = new EventSource('/api/events');
  stream = es;
  // broken: the stream was cut; seenAny: a numbered notice came, so the
  // browser's reconnect carries Last-Event-ID and the server catches up.
  let broken = false;
  let seenAny = false;
  streamOpen = new Promise((resolve) => {
    es.addEventListener('open', () => resolve(), { once: true });
    es.addEventListener('error', () => resolve(), { once: true });
  });
  es.addEventListener('progress', (e) => {
    const ev = JSON.parse((e as MessageEvent).data) as { job: string; step: Step };
    progressOf.get(ev.job)?.(ev.step);
  });
  es.addEventListener('change', (e) => {
    seenAny = true;
    const change = JSON.parse((e as MessageEvent).data) as Change;
    for (const cb of liveListeners) cb({ type: 'change', change, own: change.origin === tab });
  });
  const reset = () => {
    for (const cb of liveListeners) cb({ type: 'reset' });
  };
  es.addEventListener('reset', reset);
  es.addEventListener('open', () => {
    reopenAfter = 2000;
    // Back after a break with no notice seen yet: nothing to catch up from.
    if (broken && !seenAny) reset();
    broken = false;
  });
  es.addEventListener('error', () => {
    broken = true;
    if (es.readyState === EventSource.CLOSED) {
      stream = null;
      setTimeout(() => {
        // A new stream starts without Last-Event-ID: reload what is shown.
        if (liveListeners.size > 0 && !stream) events()?.addEventListener('open', reset, { once: true });
      }, reopenAfter);
      reopenAfter = Math.min(reopenAfter * 2, 60_000);
    }
  });
  return es;
}

/** closeEvents closes the event stream; the next listener opens a new one (tests, a switch of workspace). */
export function closeEvents(): void {
  stream?.close();
  stream = null;
}

/**
 * listen sends the progress of job, from serve mode's event stream, to cb.
 * It resolves once the stream is connected (or failed), so the first steps
 * are not missed.
 */
async function listen(job: string, cb: (step: Step) => void): Promise<() => void> {
  if (!events()) return () => {};
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
  onLive(cb: (ev: LiveEvent) => void) {
    liveListeners.add(cb);
    events();
    return () => liveListeners.delete(cb);
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
  const headers: Record<string, string> = { 'X-MOpsDesk': '1', 'X-MOpsDesk-Tab': tab };
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
