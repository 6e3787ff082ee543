import type { SaveResult } from './types';

/** The files the app can export. */
export type ExportKind = 'campaigns' | 'calendar' | 'assets' | 'workspace' | 'report' | 'report-html' | 'list';

/**
 * Transport is the seam between the app and its backend. The desktop
 * window talks to Go through Wails bindings; serve mode talks HTTP. No
 * component knows which one it runs on.
 */
export interface Transport {
  /** call invokes a facade method by name, e.g. "Campaigns.Find". */
  call<T>(method: string, args: unknown[]): Promise<T>;
  /** exportFile saves an export: a Save dialog on the desktop, a download in a browser. */
  exportFile(kind: ExportKind, request: unknown): Promise<SaveResult>;
  /** addFiles lets the user pick files (a native dialog, or the browser's) and stores them with a contract. */
  addFiles(contractId: number): Promise<unknown[]>;
  /** openDocument opens a stored document: with the system's app, or as a download. */
  openDocument(id: number): Promise<void>;
  /**
   * addAssets adds files to the asset library: File objects a browser
   * dropped, paths the desktop window reported for a drop, or (null) the
   * ones the user picks.
   */
  addAssets(files: File[] | string[] | null, choice: string): Promise<unknown[]>;
  /** onFileDrop reports the paths of files dropped on a drop target (desktop only); it returns the unsubscribe. */
  onFileDrop(cb: (paths: string[]) => void): () => void;
  /**
   * chooseImportFile hands a spreadsheet to the importer: the File a
   * browser dropped, or (null) the one the user picks. It resolves with the
   * pending file, or null when the user cancelled.
   */
  chooseImportFile(file: File | null): Promise<unknown | null>;
  /** openAsset opens one version of an asset. */
  openAsset(id: number, version: number): Promise<void>;
}
