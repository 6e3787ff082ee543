import type { AppMethods, Downloads, Input } from './generated';
import type { SaveResult } from './types';

/** AppResult is what one of the window's own methods (and serve mode's matching upload) answers. */
export type AppResult<M extends keyof AppMethods> = AppMethods[M]['result'];

/** The files the app can export: the kinds of the backend's downloads table (generated.ts). */
export type ExportKind = keyof Downloads;

/** ExportRequest is what an export of that kind decodes. */
export type ExportRequest<K extends ExportKind> = Input<Downloads[K]['request']>;

/**
 * exportExtensions is each export's file extension, as in the backend's
 * table of downloads (api.Download): serve mode's route is
 * /export/NAME.EXT, and a download without a file name is named NAME.EXT.
 */
export const exportExtensions: { [K in ExportKind]: Downloads[K]['ext'] } = {
  campaigns: '.xlsx',
  calendar: '.ics',
  assets: '.xlsx',
  workspace: '.xlsx',
  list: '.xlsx',
  report: '.xlsx',
  'report-html': '.html',
  audit: '.xlsx',
  results: '.xlsx',
};

/** exportPath is an export's route in serve mode ("report-html" is /export/report.html). */
export function exportPath(kind: ExportKind): string {
  const ext = exportExtensions[kind];
  return '/export/' + kind.replace(new RegExp('-' + ext.slice(1) + '$'), '') + ext;
}

/** Step is how far long work has come: done of total units (total 0: not known yet). */
export interface Step {
  unit: string;
  done: number;
  total: number;
}

/**
 * CallOptions make a call long work the user can watch and stop: job names
 * it (one is made up when missing), onProgress receives its steps, and
 * aborting signal cancels it; the call then rejects with code "canceled".
 */
export interface CallOptions {
  job?: string;
  onProgress?: (step: Step) => void;
  signal?: AbortSignal;
}

let jobs = 0;

/** jobId names a job uniquely within this page. */
export function jobId(opts?: CallOptions): string {
  if (!opts) return '';
  return opts.job ?? `job-${Date.now().toString(36)}-${++jobs}`;
}

/**
 * Change is the notice of a change someone committed to the workspace
 * (the backend's live.Change): who (empty in the local workspace), which
 * area, which method and record, and the tab or window it came from.
 */
export interface Change {
  type: 'change';
  by: string;
  area: string;
  method: string;
  id?: number;
  label?: string;
  origin?: string;
}

/**
 * LiveEvent is what a transport hands the live store: a change, marked
 * own when this tab or window made it, or a reset when changes may have
 * been missed (the stream was cut and could not catch up): then
 * everything shown should be loaded afresh.
 */
export type LiveEvent = { type: 'change'; change: Change; own: boolean } | { type: 'reset' };

/**
 * Transport is the seam between the app and its backend. The desktop
 * window talks to Go through Wails bindings; serve mode talks HTTP. No
 * component knows which one it runs on.
 */
export interface Transport {
  /** call invokes a facade method by name, e.g. "Campaigns.Find". */
  call<T>(method: string, args: unknown[], opts?: CallOptions): Promise<T>;
  /** exportFile saves an export: a Save dialog on the desktop, a download in a browser. */
  exportFile(kind: ExportKind, request: unknown, opts?: CallOptions): Promise<SaveResult>;
  /** addFiles lets the user pick files (a native dialog, or the browser's) and stores them with a contract. */
  addFiles(contractId: number): Promise<AppResult<'App.AddContractDocuments'>>;
  /** openDocument opens a stored document: with the system's app, or as a download. */
  openDocument(id: number): Promise<void>;
  /**
   * addAssets adds files to the asset library: File objects a browser
   * dropped, paths the desktop window reported for a drop, or (null) the
   * ones the user picks.
   */
  addAssets(files: File[] | string[] | null, choice: string, opts?: CallOptions): Promise<AppResult<'App.AddAssets'>>;
  /** onFileDrop reports the paths of files dropped on a drop target (desktop only); it returns the unsubscribe. */
  onFileDrop(cb: (paths: string[]) => void): () => void;
  /**
   * chooseImportFile hands a spreadsheet to the importer: the File a
   * browser dropped, or (null) the one the user picks. It resolves with the
   * pending file, or null when the user cancelled.
   */
  chooseImportFile(file: File | null): Promise<AppResult<'App.ChooseImportFile'>>;
  /** openAsset opens one version of an asset. */
  openAsset(id: number, version: number): Promise<void>;
  /**
   * onLive sends every change notice (the event stream, or the desktop
   * window's "change" event) to cb; it returns the unsubscribe. A test's
   * fake transport may leave it out.
   */
  onLive?(cb: (ev: LiveEvent) => void): () => void;
}
