import { call, exportFile } from './client';
export type { AuditKind, Change, ChangeAuthor, ChangeFilter, ChangePage, FieldChange } from './generated';
import type { AuditKind, AuditLabels, AuditRequest, ChangeAuthor, ChangeFilter, ChangePage, Input } from './generated';
import type { SaveResult } from './types';

/** recordHistory returns one page of the changes of one record, newest first. */
export function recordHistory(kind: AuditKind, recordId: string, offset = 0, limit = 50): Promise<ChangePage> {
  return call('Audit.Record', kind, recordId, offset, limit);
}

/** auditLog returns one page of the workspace's activity log (admins). */
export function auditLog(filter: Input<ChangeFilter>): Promise<ChangePage> {
  return call('Audit.Log', filter);
}

/** auditAuthors lists everyone who made a change, for the log's person filter. */
export function auditAuthors(): Promise<ChangeAuthor[]> {
  return call('Audit.Authors');
}

/** exportAuditLog saves every entry matching the filter (not only one page) as .xlsx. */
export function exportAuditLog(filter: Input<ChangeFilter>, labels: Input<AuditLabels>): Promise<SaveResult> {
  const { offset: _o, limit: _l, ...rest } = filter;
  const req: Input<AuditRequest> = { filter: rest, labels };
  return exportFile('audit', req);
}
