package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"mopsdesk/backend"
)

// RequestService keeps spend requests and their history.
type RequestService struct{ db *DB }

// NewRequestService returns a RequestService backed by db.
func NewRequestService(db *DB) *RequestService { return &RequestService{db: db} }

var _ backend.RequestService = (*RequestService)(nil)

func queryRequests(ctx context.Context, q queryer, where string, args ...any) ([]*backend.SpendRequest, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT r.id, r.version, r.requester, r.team_id, t.name, r.category_id, k.name, r.amount, r.currency, r.purpose,
			r.status, coalesce(r.spend_id, 0), r.created_at, r.date, r.vendor, coalesce(r.campaign_id, 0), coalesce(c.name, ''),
			(SELECT json_group_array(json_object('at', e.at, 'actor', e.actor, 'action', e.action, 'note', e.note))
			 FROM (SELECT * FROM spend_request_events WHERE request_id = r.id ORDER BY id) e),
			coalesce(r.requester_id, 0), r.decided_by, coalesce(r.decided_by_id, 0)
		FROM spend_requests r
		JOIN teams t ON t.id = r.team_id
		JOIN spend_categories k ON k.id = r.category_id
		LEFT JOIN campaigns c ON c.id = r.campaign_id
		WHERE `+where+` ORDER BY r.created_at DESC, r.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("find requests: %w", err)
	}
	defer rows.Close()
	out := []*backend.SpendRequest{}
	for rows.Next() {
		var r backend.SpendRequest
		var history string
		if err := rows.Scan(&r.ID, &r.Version, &r.Requester, &r.TeamID, &r.TeamName, &r.CategoryID, &r.CategoryName,
			&r.Amount.Amount, &r.Amount.Currency, &r.Purpose, &r.Status, &r.SpendID, &r.CreatedAt,
			&r.Date, &r.Vendor, &r.CampaignID, &r.CampaignName, &history,
			&r.RequesterID, &r.DecidedBy, &r.DecidedByID); err != nil {
			return nil, fmt.Errorf("scan request: %w", err)
		}
		if err := jsonUnmarshal(history, &r.History); err != nil {
			return nil, err
		}
		out = append(out, &r)
	}
	return out, rows.Err()
}

// FindRequests returns the requests with a status ("" for all), newest first.
func (s *RequestService) FindRequests(ctx context.Context, status backend.RequestStatus) ([]*backend.SpendRequest, error) {
	if status == "" {
		return queryRequests(ctx, s.db.conn(ctx), "1 = 1")
	}
	return queryRequests(ctx, s.db.conn(ctx), "r.status = ?", status)
}

// FindRequestByID returns one request with its history.
func (s *RequestService) FindRequestByID(ctx context.Context, id int64) (*backend.SpendRequest, error) {
	list, err := queryRequests(ctx, s.db.conn(ctx), "r.id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, backend.Errorf(backend.ENOTFOUND, "That spend request no longer exists.")
	}
	return list[0], nil
}

// CreateRequest stores a pending request and its first history entry. A
// request made for someone (backend.ActorFrom) is theirs, whatever
// requester it names.
func (s *RequestService) CreateRequest(ctx context.Context, r *backend.SpendRequest) error {
	r.RequesterID = 0
	if a := backend.ActorFrom(ctx); a != nil {
		r.Requester, r.RequesterID = a.Name, a.PersonID
	}
	r.Normalize()
	if err := r.Validate(); err != nil {
		return err
	}
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		fe := backend.FieldErrors{}
		if !exists(ctx, tx, "teams", r.TeamID) {
			fe.Add("teamId", "field.reference_unknown", nil)
		}
		if !exists(ctx, tx, "spend_categories", r.CategoryID) {
			fe.Add("categoryId", "field.reference_unknown", nil)
		}
		if r.CampaignID != 0 && !exists(ctx, tx, "campaigns", r.CampaignID) {
			fe.Add("campaignId", "field.reference_unknown", nil)
		}
		if err := fe.Err("spend request"); err != nil {
			return err
		}
		now := s.db.timestamp()
		res, err := tx.ExecContext(ctx, `INSERT INTO spend_requests (requester, team_id, category_id, amount, currency, purpose, date, vendor, campaign_id, status, created_at, requester_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`, r.Requester, r.TeamID, r.CategoryID, r.Amount.Amount, r.Amount.Currency, r.Purpose,
			r.Date, r.Vendor, nullID(r.CampaignID), now, nullID(r.RequesterID))
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		if _, err := tx.ExecContext(ctx, `INSERT INTO spend_request_events (request_id, at, actor, action, note) VALUES (?, ?, ?, 'requested', ?)`,
			id, now, r.Requester, r.Purpose); err != nil {
			return err
		}
		list, err := queryRequests(ctx, tx, "r.id = ?", id)
		if err == nil {
			*r = *list[0]
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("create request: %w", err)
	}
	return nil
}

// DecideRequest approves (booking committed spend) or rejects (with a
// reason) a pending request, and records who decided and when: the person
// the call is made for (backend.ActorFrom), or else the name d gives.
func (s *RequestService) DecideRequest(ctx context.Context, id int64, d backend.Decision) (*backend.SpendRequest, error) {
	var byID int64
	if a := backend.ActorFrom(ctx); a != nil {
		d.By, byID = a.Name, a.PersonID
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	var out *backend.SpendRequest
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		list, err := queryRequests(ctx, tx, "r.id = ?", id)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return backend.Errorf(backend.ENOTFOUND, "That spend request no longer exists.")
		}
		r := list[0]
		if err := checkVersion(ctx, tx, "spend_requests", id, "spend request", d.Version, r.Version, r); err != nil {
			return err
		}
		if r.Status != backend.RequestPending {
			return &backend.Error{Code: backend.ECONFLICT, Message: "That request was already decided.",
				Fields: map[string]backend.FieldError{"status": {Key: "request.already_decided", Params: map[string]any{"status": string(r.Status)}}}}
		}
		now := s.db.timestamp()
		status, action := backend.RequestRejected, "rejected"
		var spendID any
		if d.Approve {
			status, action = backend.RequestApproved, "approved"
			day := d.Date
			if day == "" {
				day = r.Date
			}
			if day == "" {
				day = backend.Today(s.db.Now())
			}
			sp := &backend.Spend{Date: day, Amount: r.Amount, TeamID: r.TeamID, CategoryID: r.CategoryID, Vendor: r.Vendor,
				CampaignID: r.CampaignID, Status: backend.SpendCommitted, Note: r.Purpose, RequestID: r.ID}
			if err := insertSpend(ctx, tx, now, sp); err != nil {
				return err
			}
			spendID = sp.ID
		}
		if _, err := tx.ExecContext(ctx, `UPDATE spend_requests SET status = ?, spend_id = ?, decided_by = ?, decided_by_id = ? WHERE id = ?`,
			status, spendID, d.By, nullID(byID), id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO spend_request_events (request_id, at, actor, action, note) VALUES (?, ?, ?, ?, ?)`,
			id, now, d.By, action, d.Reason); err != nil {
			return err
		}
		list, err = queryRequests(ctx, tx, "r.id = ?", id)
		if err == nil {
			out = list[0]
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("decide request %d: %w", id, err)
	}
	return out, nil
}
