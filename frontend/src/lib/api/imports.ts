import { fieldLabels } from '../../i18n/index.svelte';
import { call, callWith, exportFile, transport } from './client';
import type { CallOptions } from './transport';
import type { ImportKind, ImportPreview, ImportProfile, ImportRequest, ImportRun, PendingImport } from './types-import';
import type { Input, ListRequest, WorkspaceRequest } from './generated';
import type { CalendarFilter, SaveResult } from './types';

export type * from './types-import';
export { importKinds } from './types-import';

/** chooseImportFile uploads a dropped File, or lets the user pick one; null when cancelled. */
export function chooseImportFile(file: File | null): Promise<PendingImport | null> {
  return transport().chooseImportFile(file);
}
export function importKindsInfo(): Promise<ImportKind[]> {
  return call('Imports.Kinds');
}
export function previewImport(req: Input<ImportRequest>, opts?: CallOptions): Promise<ImportPreview> {
  return callWith(opts, 'Imports.Preview', req);
}
export function commitImport(req: Input<ImportRequest>, opts?: CallOptions): Promise<ImportPreview> {
  return callWith(opts, 'Imports.Commit', req);
}
export function discardImport(token: string): Promise<void> {
  return call('Imports.Discard', token);
}
export function importHistory(): Promise<ImportRun[]> {
  return call('Imports.History');
}
export function undoImport(id: number): Promise<void> {
  return call('Imports.Undo', id);
}
export function importProfiles(): Promise<ImportProfile[]> {
  return call('Imports.Profiles');
}
export function saveImportProfile(p: Omit<Input<ImportProfile>, 'id' | 'savedAt'>): Promise<ImportProfile> {
  return call('Imports.SaveProfile', { id: 0, savedAt: '', ...p });
}
export function deleteImportProfile(id: number): Promise<void> {
  return call('Imports.DeleteProfile', id);
}
/** exportWorkspace saves every area (or those named) as one .xlsx with IDs, for editing and importing back. */
export function exportWorkspace(areas: string[] = [], opts?: CallOptions): Promise<SaveResult> {
  const req: Input<WorkspaceRequest> = { areas, labels: fieldLabels() };
  return exportFile('workspace', req, opts);
}

/** ExportListKind names a list view that exports; "calendar" writes its deliverables and tasks, a sheet each. */
export type ExportListKind = 'spend' | 'vendors' | 'contracts' | 'deliverables' | 'tasks' | 'calendar' | 'budget' | 'requests';

/**
 * exportList saves what a list view shows, its filter applied, as .xlsx
 * (with the workspace workbook's columns where the list imports back).
 */
export function exportList(req: {
  kind: ExportListKind;
  spend?: Record<string, unknown>;
  vendorId?: number;
  calendar?: CalendarFilter;
  campaignId?: number;
  fiscalYear?: number;
}): Promise<SaveResult> {
  const full: Input<ListRequest> = { spend: {}, vendorId: 0, calendar: null, campaignId: 0, fiscalYear: 0, labels: fieldLabels(), ...req };
  return exportFile('list', full);
}
