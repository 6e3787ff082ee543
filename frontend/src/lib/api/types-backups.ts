/** BackupSettings are the user's choices for automatic backups. */
export interface BackupSettings {
  auto: boolean;
  /** Folder is where backups go; '' means the backups folder in the data folder. */
  folder: string;
  keepDaily: number;
  keepWeekly: number;
}

export type BackupKind = 'auto' | 'manual' | 'before-restore';

/** BackupInfo is one backup file in the backup folder. */
export interface BackupInfo {
  name: string;
  kind: BackupKind;
  /** RFC 3339 instant, UTC. */
  createdAt: string;
  size: number;
}

/** BackupStatus is what Settings shows about backups. */
export interface BackupStatus {
  settings: BackupSettings;
  folderPath: string;
  lastBackupAt?: string;
  lastError?: string;
  lastErrorCode?: string;
  lastErrorAt?: string;
  backups: BackupInfo[];
  /** The backup that replaces the workspace when it next opens. */
  pendingRestore?: string;
  /** What the database check at start found wrong. */
  damaged?: string;
}
