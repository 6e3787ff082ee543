import { call, callWith } from './client';
import type { CallOptions } from './transport';
import type { BackupSettings, BackupStatus } from './types-backups';

export function getBackupStatus(): Promise<BackupStatus> {
  return call('Backups.Status');
}

export function updateBackupSettings(s: BackupSettings): Promise<BackupStatus> {
  return call('Backups.UpdateSettings', s);
}

/** backUpNow writes a backup into the backup folder at once. */
export function backUpNow(opts?: CallOptions): Promise<BackupStatus> {
  return callWith(opts, 'Backups.BackUpNow');
}

/**
 * restoreBackup checks the backup and has it replace the workspace the next
 * time the workspace opens (the current state is backed up first).
 */
export function restoreBackup(name: string): Promise<BackupStatus> {
  return call('Backups.Restore', name);
}

export function cancelRestore(): Promise<BackupStatus> {
  return call('Backups.CancelRestore');
}
