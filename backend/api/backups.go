package api

import (
	"context"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/backup"
)

// Backups is the facade for backing up and restoring the workspace from
// Settings.
type Backups struct{ s Services }

// backupTimeout bounds "Back up now": a large library takes a while.
const backupTimeout = time.Hour

func (b *Backups) manager() (*backup.Manager, error) {
	if b.s.Backups == nil {
		return nil, backend.Errorf(backend.ENOTFOUND, "Backups are not available here.")
	}
	return b.s.Backups, nil
}

// Status returns the backup settings, the backups in the backup folder,
// when the last one was made and why the last one failed, if it did.
func (b *Backups) Status(ctx context.Context) (*backup.Status, error) {
	return call(ctx, b.s, "Backups.Status", func(ctx context.Context) (*backup.Status, error) {
		m, err := b.manager()
		if err != nil {
			return nil, err
		}
		return m.Status()
	})
}

// UpdateSettings validates and keeps the automatic backup settings.
func (b *Backups) UpdateSettings(ctx context.Context, st backup.Settings) (*backup.Status, error) {
	return call(ctx, b.s, "Backups.UpdateSettings", func(ctx context.Context) (*backup.Status, error) {
		m, err := b.manager()
		if err != nil {
			return nil, err
		}
		return m.UpdateSettings(st)
	})
}

// BackUpNow writes a backup into the backup folder at once.
func (b *Backups) BackUpNow(ctx context.Context) (*backup.Status, error) {
	return callWithin(ctx, b.s, "Backups.BackUpNow", backupTimeout, func(ctx context.Context) (*backup.Status, error) {
		m, err := b.manager()
		if err != nil {
			return nil, err
		}
		if _, err := m.BackUp(ctx, backup.KindManual); err != nil {
			return nil, err
		}
		return m.Status()
	})
}

// Restore checks the backup called name (every checksum, the version
// that wrote it) and has it replace the workspace when the workspace is
// next opened; the current state is backed up first then.
func (b *Backups) Restore(ctx context.Context, name string) (*backup.Status, error) {
	return callWithin(ctx, b.s, "Backups.Restore", backupTimeout, func(ctx context.Context) (*backup.Status, error) {
		m, err := b.manager()
		if err != nil {
			return nil, err
		}
		return m.StageRestore(name)
	})
}

// CancelRestore forgets a restore asked for but not yet done.
func (b *Backups) CancelRestore(ctx context.Context) (*backup.Status, error) {
	return call(ctx, b.s, "Backups.CancelRestore", func(ctx context.Context) (*backup.Status, error) {
		m, err := b.manager()
		if err != nil {
			return nil, err
		}
		return m.CancelRestore()
	})
}
