package backend

// Every record a person edits carries a Version: a number the store
// changes on each write, whoever or whatever makes it. A save names the
// version it started from; when the record has been changed since, the
// save is refused with ECONFLICT and the record as stored now, so the
// person sees what the other one changed and never overwrites it unseen.

// RecordVersion names one record and the version of it a person saw, for
// actions on many records at once (a bulk edit of assets).
type RecordVersion struct {
	ID      int64 `json:"id"`
	Version int64 `json:"version"`
}

// Conflict returns the ECONFLICT error for a save based on an older
// version of a record; current is the record as stored now.
func Conflict(what string, current any) *Error {
	return &Error{Code: ECONFLICT, Current: current,
		Message: "Someone else changed this " + what + " after you opened it; nothing was saved."}
}

// LastChange is who last changed a record and when, as the audit log has
// it: a refused save says whose change it ran into ("Pat changed this at
// 14:02").
type LastChange struct {
	// By is the person's name; "" in the local workspace, where there is
	// only one person (the change came from another window).
	By string `json:"by"`
	// ByID is the person's member id; 0 in the local workspace.
	ByID int64 `json:"byId"`
	// At is when, UTC RFC 3339.
	At string `json:"at"`
}

// CheckVersion refuses a save started from version sent of a record now
// stored at version stored. A sent version of 0 writes unconditionally: it
// is for the store's own batch writers (an import and its undo), never
// for a person's save (see RequireVersion).
func CheckVersion(what string, sent, stored int64, current any) error {
	if sent == 0 || sent == stored {
		return nil
	}
	return Conflict(what, current)
}

// RequireVersion refuses a person's save that names no version: an older
// client that would otherwise overwrite whatever is stored.
func RequireVersion(what string, v int64) error {
	if v > 0 {
		return nil
	}
	return &Error{Code: EINVALID, Message: "This " + what + " was sent without the version it was read at; reload and try again.",
		Fields: map[string]FieldError{"version": {Key: "conflict.version_required"}}}
}
