import { call, exportFile, transport } from './client';
import type { CallOptions } from './transport';
import type { AddResult, Asset, AssetBulkResult, AssetFilter, AssetPage, DuplicateChoice, Licence, LicenceWarning, RecordVersion, SaveResult } from './types';

export function findAssets(f: AssetFilter): Promise<AssetPage> {
  return call('Assets.Find', f);
}
export function getAsset(id: number): Promise<Asset> {
  return call('Assets.Get', id);
}
/** updateAsset replaces an asset's metadata, made to the version shown; an asset changed since throws conflict. */
export function updateAsset(id: number, version: number, a: Asset): Promise<Asset> {
  return call('Assets.Update', id, { ...a, version });
}
/**
 * bulkEditAssets adds tags to, and optionally sets the licence of, several
 * assets at the versions the list showed; the ones changed meanwhile are
 * left alone and returned in conflicts as they are now.
 */
export function bulkEditAssets(assets: RecordVersion[], addTags: string[], licence: Licence | null): Promise<AssetBulkResult> {
  return call('Assets.BulkEdit', assets, addTags, licence);
}
export function deleteAsset(id: number, version: number): Promise<void> {
  return call('Assets.Delete', id, version);
}
export function licenceWarnings(campaignId: number): Promise<LicenceWarning[]> {
  return call('Assets.LicenceWarnings', campaignId);
}
/**
 * addAssets adds files to the library: the files given (dropped in a
 * browser), or those the user picks. choice says what to do with bytes
 * already in the library; '' reports them instead.
 */
export function addAssets(files: File[] | string[] | null, choice: DuplicateChoice, opts?: CallOptions): Promise<AddResult[]> {
  return transport().addAssets(files, choice, opts);
}
/** openAsset opens a version with the system's app, or downloads it in a browser. */
export function openAsset(id: number, version: number): Promise<void> {
  return transport().openAsset(id, version);
}
/** thumbUrl is where the preview of an image version is served (both transports). */
export function thumbUrl(sha256: string): string {
  return `/files/thumb/${sha256}`;
}

/** exportAssets saves the inventory (metadata, not files) of the assets matching f as .xlsx. */
export function exportAssets(f: AssetFilter): Promise<SaveResult> {
  const { offset: _o, limit: _l, ...rest } = f;
  return exportFile('assets', rest);
}

/** previewsPending returns how many image previews the backend is still making. */
export function previewsPending(): Promise<number> {
  return call('Assets.PreviewsPending');
}

/** previewUrl is where the detail view's large preview is served. */
export function previewUrl(sha256: string): string {
  return `/files/preview/${sha256}`;
}

/** onFileDrop calls cb with the paths of files dropped on the desktop window's drop targets. */
export function onFileDrop(cb: (paths: string[]) => void): () => void {
  return transport().onFileDrop(cb);
}
