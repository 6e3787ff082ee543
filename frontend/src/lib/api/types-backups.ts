// Types of backups (backend/backup), generated from Go (see types.ts).

export type {
  BackupSettings,
  /** BackupInfo is one backup file in the backup folder. */
  Info as BackupInfo,
  /** BackupStatus is what Settings shows about backups. */
  Status as BackupStatus,
} from './generated';

