// Package backend holds the MOps Desk domain: the things marketers keep
// (campaigns, teams, channels, workspace settings), how each is validated,
// the services that store them, and the error codes every layer speaks.
// It depends on nothing but the standard library.
package backend

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Error codes. The UI branches on these, never on message text.
const (
	EINVALID  = "invalid"   // the input is wrong; Fields says where
	ENOTFOUND = "not_found" // the thing asked for does not exist
	ECONFLICT = "conflict"  // the change clashes with what is stored
	EINTERNAL = "internal"  // our fault; logged, shown as a short apology
	// ENEWER: the data was written by a newer MOps Desk; update to open it.
	ENEWER = "newer_version"
	// EDAMAGED: a database or backup file is damaged (checksums, structure).
	EDAMAGED = "damaged"
	// EUNAUTHORIZED: no one is signed in (no session, or one that expired
	// or was revoked) on a team host; the UI shows the sign-in page.
	EUNAUTHORIZED = "unauthorized"
	// EFORBIDDEN: the signed-in person's role does not allow the action.
	EFORBIDDEN = "forbidden"
)

// Error codes of a desktop window connected to a team host.
const (
	// EUNREACHABLE: the team host does not answer (down, no network); the
	// window says so and keeps trying.
	EUNREACHABLE = "unreachable"
	// ECERTCHANGED: the host shows another certificate than the one pinned
	// when the window first connected; it is refused, never re-pinned.
	ECERTCHANGED = "certificate_changed"
)

// Error is an application error: a code, a human message, and for invalid
// input the field-level problems as message keys the UI can translate.
type Error struct {
	Code    string                `json:"code"`
	Message string                `json:"message"`
	Fields  map[string]FieldError `json:"fields,omitempty"`
	// Current is, for an ECONFLICT caused by a stale version, the record
	// as stored now (see Conflict).
	Current any `json:"current,omitempty"`
	// Changed is, with Current, who last changed the record and when
	// (see LastChange); nil when the audit log has nothing on it.
	Changed *LastChange `json:"changed,omitempty"`
}

// FieldError is one problem with one field: a message-catalog key and the
// parameters the message needs (for example {"max": 200}).
type FieldError struct {
	Key    string         `json:"key"`
	Params map[string]any `json:"params,omitempty"`
}

// Error renders the error for logs and the command line.
func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return e.Message
	}
	names := make([]string, 0, len(e.Fields))
	for name := range e.Fields {
		names = append(names, name)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, name := range names {
		parts[i] = name + ": " + e.Fields[name].Key
	}
	return e.Message + " (" + strings.Join(parts, "; ") + ")"
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err, or EINTERNAL for errors that are not
// application errors (those are bugs or environment failures).
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return EINTERNAL
}

// ErrorMessage returns the message of an application error, or a generic
// message for internal errors so that no SQL or path leaks into the UI.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "Something went wrong on our side. The problem was logged; nothing was changed."
}

// FieldErrors collects field problems while validating.
type FieldErrors map[string]FieldError

// Add records a problem for field unless one is already recorded: the first
// problem found is the one worth fixing first.
func (f FieldErrors) Add(field, key string, params map[string]any) {
	if _, ok := f[field]; ok {
		return
	}
	f[field] = FieldError{Key: key, Params: params}
}

// Err returns nil when nothing was added, or an EINVALID *Error naming what.
func (f FieldErrors) Err(what string) error {
	if len(f) == 0 {
		return nil
	}
	return &Error{Code: EINVALID, Message: "The " + what + " has fields that need attention.", Fields: f}
}
