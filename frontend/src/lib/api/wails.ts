import { AppError, toAppError } from './errors';
import type { ExportKind, Transport } from './transport';
import type { SaveResult } from './types';

type Bound = Record<string, Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>>;

declare global {
  interface Window {
    go?: Bound;
    WailsInvoke?: (message: string) => void;
    runtime?: {
      OnFileDrop: (cb: (x: number, y: number, paths: string[]) => void, useDropTarget: boolean) => void;
      OnFileDropOff: () => void;
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

async function invoke<T>(pkg: string, method: string, args: unknown[]): Promise<T> {
  const [service, name] = method.split('.');
  const fn = (await bindings())[pkg]?.[service]?.[name];
  if (!fn) throw new AppError('internal', `The desktop app has no method ${method}.`);
  try {
    return (await fn(...args)) as T;
  } catch (e) {
    throw toAppError(e);
  }
}

/**
 * wailsTransport calls the Go facades in the desktop window through its one
 * dispatcher, App.Call, which finds them the way serve mode does.
 */
export const wailsTransport: Transport = {
  call: <T>(method: string, args: unknown[]) => invoke<T>('main', 'App.Call', [method, args, '']),
  async exportFile(kind: ExportKind, request: unknown): Promise<SaveResult> {
    const methods: Record<ExportKind, string> = {
      campaigns: 'App.SaveCampaignsExport',
      calendar: 'App.SaveCalendarExport',
      assets: 'App.SaveAssetsExport',
      workspace: 'App.SaveWorkspaceExport',
      report: 'App.SaveReport',
      'report-html': 'App.SaveReport',
      list: 'App.SaveListExport',
    };
    const path = await invoke<string>('main', methods[kind], [request]);
    return path ? { saved: true, path } : { saved: false };
  },
  addFiles: (contractId: number) => invoke<unknown[]>('main', 'App.AddContractDocuments', [contractId]),
  openDocument: (id: number) => invoke<void>('main', 'App.OpenDocument', [id]),
  // The desktop knows dropped files by their paths (Wails' file drop); with
  // no paths it opens the native dialog.
  addAssets: (files: File[] | string[] | null, choice: string) =>
    files && files.length && typeof files[0] === 'string'
      ? invoke<unknown[]>('main', 'App.AddAssetPaths', [files, choice])
      : invoke<unknown[]>('main', 'App.AddAssets', [choice]),
  onFileDrop(cb: (paths: string[]) => void) {
    const rt = window.runtime;
    rt?.OnFileDrop((_x: number, _y: number, paths: string[]) => cb(paths), true);
    return () => rt?.OnFileDropOff();
  },
  openAsset: (id: number, version: number) => invoke<void>('main', 'App.OpenAsset', [id, version]),
  // The desktop reads the file through the native Open dialog.
  chooseImportFile: () => invoke<unknown | null>('main', 'App.ChooseImportFile', []),
};
