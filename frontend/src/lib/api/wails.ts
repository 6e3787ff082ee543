import { AppError, canceled, reported, toAppError } from './errors';
import { type AppResult, type CallOptions, type Change, type ExportKind, jobId, type LiveEvent, type Step, type Transport } from './transport';
import type { SaveResult } from './types';

type Bound = Record<string, Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>>;

declare global {
  interface Window {
    go?: Bound;
    WailsInvoke?: (message: string) => void;
    runtime?: {
      OnFileDrop: (cb: (x: number, y: number, paths: string[]) => void, useDropTarget: boolean) => void;
      OnFileDropOff: () => void;
      EventsOn?: (name: string, cb: (data: unknown) => void) => () => void;
    };
  }
}

/** inWails reports whether the page runs inside the desktop window. */
export function inWails(): boolean {
  return typeof window !== 'undefined' && typeof window.WailsInvoke === 'function';
}

/** Wails sets window.go up right after its IPC script; wait a moment for it. */
async function bindings(): Promise<Bound> {
  for (let i = 0; i < 100 && !window.go; i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  if (!window.go) throw new AppError('internal', 'The desktop bridge did not start.');
  return window.go;
}

/** invoke calls one of the window's own methods (Wails' "main" package: invoke('main', 'App.Workspaces', [])). */
export async function invoke<T>(pkg: string, method: string, args: unknown[]): Promise<T> {
  const [service, name] = method.split('.');
  const fn = (await bindings())[pkg]?.[service]?.[name];
  if (!fn) throw new AppError('internal', `The desktop app has no method ${method}.`);
  try {
    return (await fn(...args)) as T;
  } catch (e) {
    throw reported(toAppError(e));
  }
}

/**
 * asJob runs run(job) as the job opts describe: the window's "progress"
 * events for that job go to onProgress, and aborting the signal asks
 * App.Cancel to stop it. Without opts the call is a plain one (job '').
 */
async function asJob<T>(opts: CallOptions | undefined, run: (job: string) => Promise<T>): Promise<T> {
  if (!opts) return run('');
  if (opts.signal?.aborted) throw canceled();
  const job = jobId(opts);
  const off = opts.onProgress
    ? window.runtime?.EventsOn?.('progress', (data) => {
        const ev = data as { job: string; step: Step };
        if (ev?.job === job) opts.onProgress?.(ev.step);
      })
    : undefined;
  const cancel = () => void invoke<void>('main', 'App.Cancel', [job]).catch(() => {});
  opts.signal?.addEventListener('abort', cancel);
  try {
    return await run(job);
  } finally {
    opts.signal?.removeEventListener('abort', cancel);
    off?.();
  }
}

/**
 * wailsTransport calls the Go facades in the desktop window through its one
 * dispatcher, App.Call, which finds them the way serve mode does.
 */
export const wailsTransport: Transport = {
  call: <T>(method: string, args: unknown[], opts?: CallOptions) =>
    asJob(opts, (job) => invoke<T>('main', 'App.Call', [method, args, job])),
  // The backend's table of downloads knows each kind's dialog and file type.
  async exportFile(kind: ExportKind, request: unknown, opts?: CallOptions): Promise<SaveResult> {
    const path = await asJob(opts, (job) => invoke<string>('main', 'App.SaveExport', [kind, request, job]));
    return path ? { saved: true, path } : { saved: false };
  },
  addFiles: (contractId: number) => invoke<AppResult<'App.AddContractDocuments'>>('main', 'App.AddContractDocuments', [contractId]),
  openDocument: (id: number) => invoke<void>('main', 'App.OpenDocument', [id]),
  // The desktop knows dropped files by their paths (Wails' file drop); with
  // no paths it opens the native dialog.
  addAssets: (files: File[] | string[] | null, choice: string, opts?: CallOptions) =>
    asJob(opts, (job) =>
      files && files.length && typeof files[0] === 'string'
        ? invoke<AppResult<'App.AddAssetPaths'>>('main', 'App.AddAssetPaths', [files, choice, job])
        : invoke<AppResult<'App.AddAssets'>>('main', 'App.AddAssets', [choice, job]),
    ),
  onFileDrop(cb: (paths: string[]) => void) {
    const rt = window.runtime;
    rt?.OnFileDrop((_x: number, _y: number, paths: string[]) => cb(paths), true);
    return () => rt?.OnFileDropOff();
  },
  openAsset: (id: number, version: number) => invoke<void>('main', 'App.OpenAsset', [id, version]),
  // The desktop reads the file through the native Open dialog.
  chooseImportFile: () => invoke<AppResult<'App.ChooseImportFile'>>('main', 'App.ChooseImportFile', []),
  // Change notices are the window's "change" events: its own workspace's,
  // or a team host's passed on by a connected window. The window's origin
  // tells its own changes apart.
  onLive(cb: (ev: LiveEvent) => void) {
    const origin = invoke<string>('main', 'App.LiveOrigin', []).catch(() => '');
    const offChange = window.runtime?.EventsOn?.('change', (data) => {
      const change = data as Change;
      void origin.then((own) => cb({ type: 'change', change, own: !!own && change.origin === own }));
    });
    const offReset = window.runtime?.EventsOn?.('reset', () => cb({ type: 'reset' }));
    return () => {
      offChange?.();
      offReset?.();
    };
  },
};
