package sqlite

import (
	"os"
)

// reserveBytes is the room the database keeps beside itself so that, on
// a full disk, deleting assets (which must write to the database first)
// still works and gives space back.
const reserveBytes = 1 << 20

// reservePath is the file that holds the room.
func (db *DB) reservePath() string { return db.path + ".reserve" }

// keepReserve makes sure the reserve file exists, when the disk has the
// room; on a full disk it quietly does nothing.
func (db *DB) keepReserve() {
	p := db.reservePath()
	if fi, err := os.Stat(p); err == nil && fi.Size() == reserveBytes {
		return
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return
	}
	// Written, not just sized: a sparse file would hold no room.
	_, err = f.Write(make([]byte, reserveBytes))
	if err == nil {
		err = f.Sync()
	}
	f.Close()
	if err != nil {
		os.Remove(p)
	}
}

// useReserve gives the reserve's room to the disk, for a delete that
// failed because the disk is full; it reports whether there was any.
func (db *DB) useReserve() bool {
	return os.Remove(db.reservePath()) == nil
}

// shrinkLog empties the write-ahead log after a write that the full disk
// stopped: its rolled-back pages would otherwise keep the disk full. The
// checkpoint itself may need room in the database file; the reserve
// gives it when it does.
func (db *DB) shrinkLog() {
	checkpoint := func() bool {
		var busy, log, done int
		err := db.db.QueryRow(`PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &log, &done)
		return err == nil && busy == 0
	}
	if !checkpoint() && db.useReserve() {
		checkpoint()
	}
	db.keepReserve()
}
