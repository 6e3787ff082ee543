package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"mopsdesk/backend"
)

// syncContract rewrites the committed spend of a contract's payments from
// today to the end of the last fiscal year that has a budget. Past
// payments are not kept as commitments: once due, they are invoices, which
// the user records as actual spend.
func syncContract(ctx context.Context, tx *sql.Tx, today, now string, id int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM spend WHERE contract_id = ?`, id); err != nil {
		return err
	}
	c, days, err := contractPayments(ctx, tx, today, id)
	if err != nil || c == nil {
		return err
	}
	for _, day := range days {
		if _, err := tx.ExecContext(ctx, `INSERT INTO spend (date, amount, currency, team_id, category_id, vendor, vendor_id,
			contract_id, status, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'committed', ?, ?, ?)`,
			day, c.Cost.Amount, c.Cost.Currency, c.TeamID, c.CategoryID, c.VendorName, c.VendorID, c.ID, c.Product, now, now); err != nil {
			return err
		}
	}
	return nil
}

// contractPayments returns a contract and the days of its payments from
// today to the end of the last fiscal year with a budget, in fiscal years
// that have one; a nil contract when no fiscal year has a budget.
func contractPayments(ctx context.Context, tx *sql.Tx, today string, id int64) (*backend.Contract, []string, error) {
	c, err := findContract(ctx, tx, today, id)
	if err != nil {
		return nil, nil, err
	}
	st, err := settingsOf(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	var last sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT max(year) FROM fiscal_years`).Scan(&last); err != nil || !last.Valid {
		return nil, nil, err
	}
	_, horizon := backend.FiscalYearRange(int(last.Int64), st.FiscalYearStartMonth)
	var days []string
	for _, day := range c.Payments(today, horizon) {
		fy, _ := backend.FiscalYearOf(day, st.FiscalYearStartMonth)
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM fiscal_years WHERE year = ?`, fy).Scan(&n); err != nil {
			return nil, nil, err
		}
		if n > 0 {
			days = append(days, day)
		}
	}
	return c, days, nil
}

// paymentsStored reports whether a contract's committed spend already is
// what syncContract would write: the same days, each with the contract's
// cost, team, category, vendor and product. At start-up most contracts
// have no payment fallen due since the last start, and reading them is far
// cheaper than rewriting them (and every index and monthly total).
func paymentsStored(ctx context.Context, tx *sql.Tx, today string, id int64) (bool, error) {
	c, days, err := contractPayments(ctx, tx, today, id)
	if err != nil {
		return false, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT date, amount, currency, team_id, category_id, vendor, coalesce(vendor_id, 0), status, note,
			reference = '' AND campaign_id IS NULL AND request_id IS NULL
		FROM spend WHERE contract_id = ? ORDER BY date, id`, id)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	i := 0
	for ; rows.Next(); i++ {
		var s backend.Contract
		var day, status string
		var plain bool
		if err := rows.Scan(&day, &s.Cost.Amount, &s.Cost.Currency, &s.TeamID, &s.CategoryID, &s.VendorName, &s.VendorID, &status, &s.Product, &plain); err != nil {
			return false, err
		}
		if c == nil || i >= len(days) || day != days[i] || status != "committed" || !plain || s.Cost != c.Cost || s.TeamID != c.TeamID ||
			s.CategoryID != c.CategoryID || s.VendorName != c.VendorName || s.VendorID != c.VendorID || s.Product != c.Product {
			return false, nil
		}
	}
	if err := rows.Err(); err != nil {
		return false, err
	}
	return i == len(days), nil
}

// SyncBudget rewrites every contract's upcoming payments: at start-up (as
// days pass, payments become due) and after a fiscal year is created.
func (s *ContractService) SyncBudget(ctx context.Context) error {
	return syncAllContracts(ctx, s.db)
}

func syncAllContracts(ctx context.Context, db *DB) error {
	today := backend.Today(db.Now())
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id FROM contracts`)
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		for _, id := range ids {
			same, err := paymentsStored(ctx, tx, today, id)
			if err != nil {
				return err
			}
			if same {
				continue
			}
			if err := syncContract(ctx, tx, today, db.timestamp(), id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sync contract payments: %w", err)
	}
	return nil
}

// Digest lists the cancel-by and renewal dates that fall within horizon
// days, or whose reminder has come, soonest first.
func (s *ContractService) Digest(ctx context.Context, horizonDays int) ([]backend.DigestEntry, error) {
	if horizonDays < 0 || horizonDays > 3660 {
		fe := backend.FieldErrors{}
		fe.Add("horizon", "digest.horizon_range", map[string]any{"max": 3660})
		return nil, fe.Err("digest")
	}
	today := s.today()
	now, _ := backend.ParseDay(today)
	until := now.AddDate(0, 0, horizonDays).Format(backend.DayLayout)
	list, err := queryContracts(ctx, s.db.conn(ctx), today, "c.status <> 'ended'")
	if err != nil {
		return nil, err
	}
	out := []backend.DigestEntry{}
	for _, c := range list {
		for _, kind := range []backend.ReminderKind{backend.RemindCancel, backend.RemindRenewal} {
			date := c.Schedule.NextRenewal
			if kind == backend.RemindCancel {
				date = c.Schedule.CancelBy
			}
			if date == "" {
				continue
			}
			d, _ := backend.ParseDay(date)
			remind := date
			for _, r := range c.Reminders {
				if r.Kind == kind {
					if on := d.AddDate(0, 0, -r.DaysBefore).Format(backend.DayLayout); on < remind {
						remind = on
					}
				}
			}
			if date > until && remind > today {
				continue
			}
			out = append(out, backend.DigestEntry{ContractID: c.ID, Vendor: c.VendorName, Product: c.Product, Owner: c.Owner,
				Kind: kind, Date: date, RemindOn: remind, Due: remind <= today, Cost: c.Cost})
		}
	}
	// Asset licences that end within the horizon (or have ended in the
	// last 30 days) belong in the same digest; one due 30 days ahead is
	// flagged, like a contract reminder.
	past := now.AddDate(0, 0, -30).Format(backend.DayLayout)
	soon := now.AddDate(0, 0, 30).Format(backend.DayLayout)
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT id, title, licence_holder, licence_expiry FROM assets
		WHERE licence_expiry <> '' AND licence_expiry BETWEEN ? AND ?`, past, until)
	if err != nil {
		return nil, fmt.Errorf("asset licences: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e := backend.DigestEntry{Kind: backend.RemindLicence}
		if err := rows.Scan(&e.AssetID, &e.Product, &e.Vendor, &e.Date); err != nil {
			return nil, err
		}
		e.RemindOn = past
		if e.Date <= soon {
			e.Due = true
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return out[i].Kind < out[j].Kind
	})
	return out, nil
}

// Overview computes the money figures of the active and trial contracts in
// the base currency, at this month's exchange rates by the budget's rule:
// the month's rate where set, else the planning rate (marked assumed).
func (s *ContractService) Overview(ctx context.Context) (*backend.ContractOverview, error) {
	st, err := settingsOf(ctx, s.db.conn(ctx))
	if err != nil {
		return nil, err
	}
	rates, err := (&BudgetService{db: s.db}).rates(ctx, st.BaseCurrency)
	if err != nil {
		return nil, err
	}
	today := s.today()
	month := today[:7]
	list, err := queryContracts(ctx, s.db.conn(ctx), today, "c.status IN ('active', 'trial', 'cancelling')")
	if err != nil {
		return nil, err
	}
	out := &backend.ContractOverview{Currency: st.BaseCurrency, Figures: []backend.ContractFigures{}}
	byCat, byTeam := map[string]int64{}, map[string]int64{}
	for _, c := range list {
		f := backend.ContractFigures{ContractID: c.ID}
		if c.SeatsBought > 0 {
			bp := backend.MulDivRound(int64(c.SeatsUsed), 10_000, int64(c.SeatsBought))
			f.UtilisationBasisPoints = &bp
			f.Underused = bp < int64(st.UnderuseThreshold)*100
		}
		if v, assumed, ok := rates.ToBase(c.Annualised(), c.Cost.Currency, month); ok {
			f.Annualised = &v
			if assumed {
				rate, _, _ := rates.Rate(c.Cost.Currency, month)
				f.AssumedRate = &backend.FXRate{Currency: c.Cost.Currency, Month: month, Rate: rate}
			}
			if c.SeatsUsed > 0 {
				per := backend.MulDivRound(v, 1, int64(c.SeatsUsed))
				f.CostPerSeat = &per
			}
			byCat[c.CategoryName] += v
			byTeam[c.TeamName] += v
			out.Total += v
		} else {
			f.MissingRate = &backend.FXRate{Currency: c.Cost.Currency, Month: month}
		}
		out.Figures = append(out.Figures, f)
	}
	out.ByCategory, out.ByTeam = named(byCat), named(byTeam)
	return out, nil
}

func named(m map[string]int64) []backend.NamedAmount {
	out := make([]backend.NamedAmount, 0, len(m))
	for k, v := range m {
		out = append(out, backend.NamedAmount{Name: k, Amount: v})
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Amount > out[j].Amount || (out[i].Amount == out[j].Amount && out[i].Name < out[j].Name)
	})
	return out
}
