package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"mopsdesk/backend"
)

// ownerTables are the tables whose owner may be a team member (owner,
// owner_id).
var ownerTables = map[string]bool{"campaigns": true, "deliverables": true, "milestones": true, "contracts": true}

// resolveOwner checks a record's owner against the team's members (see
// backend.ResolveOwner), what naming the record in the error.
func (db *DB) resolveOwner(ctx context.Context, name *string, id *int64, prevName string, prevID int64, what string) error {
	fe := backend.FieldErrors{}
	if err := backend.ResolveOwner(ctx, db.Members, fe, "owner", name, id, prevName, prevID); err != nil {
		return err
	}
	return fe.Err(what)
}

// storedOwner returns the owner name and member id row id of table
// carries now ("", 0 when the row is gone: the update reports that).
func storedOwner(ctx context.Context, tx *sql.Tx, table string, id int64) (string, int64, error) {
	if !ownerTables[table] {
		return "", 0, errors.New("no owner in " + table)
	}
	var name string
	var member int64
	err := tx.QueryRowContext(ctx, `SELECT owner, coalesce(owner_id, 0) FROM `+table+` WHERE id = ?`, id).Scan(&name, &member)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, nil
	}
	return name, member, err
}

// updateOwner resolves the owner an update gives row id of table (name
// and member id, either nil for "as is") and stores the member id; the
// update then carries the canonical name and id.
func (db *DB) updateOwner(ctx context.Context, tx *sql.Tx, table string, id int64, name **string, member **int64, what string) error {
	if *name == nil && *member == nil {
		return nil
	}
	prevName, prevID, err := storedOwner(ctx, tx, table, id)
	if err != nil {
		return err
	}
	n, m := backend.UpdatedOwner(*name, *member, prevName, prevID)
	if err := db.resolveOwner(ctx, &n, &m, prevName, prevID, what); err != nil {
		return err
	}
	// The caller's own UPDATE stores the id with the rest of the record,
	// after its version check: a write here would change the version
	// first and make every owner change look like someone else's.
	*name, *member = &n, &m
	return nil
}

// setOwnerID stores the member id of row id's owner (0: a name only).
func setOwnerID(ctx context.Context, tx *sql.Tx, table string, id, member int64) error {
	if !ownerTables[table] {
		return errors.New("no owner in " + table)
	}
	_, err := tx.ExecContext(ctx, `UPDATE `+table+` SET owner_id = ? WHERE id = ?`, nullID(member), id)
	return err
}
