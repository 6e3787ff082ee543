package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"sort"
	"strings"

	"mopsdesk/backend"
)

// ResultsService keeps results data (see backend.ResultsService).
type ResultsService struct{ db *DB }

// NewResultsService returns a ResultsService backed by db.
func NewResultsService(db *DB) *ResultsService { return &ResultsService{db: db} }

var _ backend.ResultsService = (*ResultsService)(nil)

// Facts are queued resultQueue at a time and written resultBatch to a
// statement (SQLite takes at most 32,766 parameters).
const (
	resultQueue = 4096
	resultBatch = 512
	resultCols  = 24
)

const resultColumns = `campaign_id, external, utm_campaign, source, channel, medium, date_from, date_to,
	impressions, clicks, conversions, leads, mqls, sqls, opportunities, won,
	cost_amount, cost_currency, pipeline_amount, pipeline_currency, revenue_amount, revenue_currency, custom, source_file`

// resultBulk writes facts with one statement per block: the facts an
// earlier import stored under the same key are set aside first (one
// statement per fact, only when the source had facts before), then the
// block is inserted, adding up rows of the same key.
type resultBulk struct {
	db      *DB
	tx      *sql.Tx
	had     map[backend.ResultSource]bool
	replace *sql.Stmt
	insert  *sql.Stmt
	queue   []queuedFact
	buf     []any
	// touched are the sources and months written to, whose monthly sums
	// the bulk brings up to date when it closes.
	touched map[[2]string]bool
	// custom holds a hash of the key of each fact with custom metrics
	// written so far: a second fact of the key adds its metrics to the
	// first's (a fact split over two blocks of a large file).
	custom  map[uint64]bool
	seed    maphash.Seed
	counts  backend.ResultBulkCounts
	rows    int
	indexes resultIndexes
}

// BeginBulk starts adding facts in the Batch of ctx.
func (s *ResultsService) BeginBulk(ctx context.Context) (backend.ResultBulk, error) {
	tx, ok := ctx.Value(txKey{}).(*sql.Tx)
	if !ok {
		return nil, errors.New("results bulk outside a batch")
	}
	b := &resultBulk{db: s.db, tx: tx, had: map[backend.ResultSource]bool{}, touched: map[[2]string]bool{},
		custom: map[uint64]bool{}, seed: maphash.MakeSeed()}
	onBatchEnd(ctx, func(tx *sql.Tx) { b.indexes.restore(ctx, tx) })
	if err := b.indexes.raise(ctx, tx); err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT source FROM result_monthly`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var src backend.ResultSource
		if err := rows.Scan(&src); err != nil {
			return nil, err
		}
		b.had[src] = true
	}
	return b, rows.Err()
}

// Add queues f and writes the queue when it is full.
func (b *resultBulk) Add(ctx context.Context, f *backend.ResultFact) error {
	if b.had[f.Source] {
		if b.replace == nil {
			var err error
			b.replace, err = b.tx.PrepareContext(ctx, `UPDATE result_facts SET superseded_by = 0
				WHERE source = ? AND external = ? AND channel = ? AND medium = ? AND date_from = ? AND date_to = ?
				AND superseded_by IS NULL AND import_id <> 0`)
			if err != nil {
				return err
			}
		}
		res, err := b.replace.ExecContext(ctx, f.Source, f.External, f.Channel, f.Medium, f.From, f.To)
		if err != nil {
			return fmt.Errorf("replace result: %w", err)
		}
		n, _ := res.RowsAffected()
		b.counts.Replaced += int(n)
	}
	custom, err := b.customOf(ctx, f)
	if err != nil {
		return err
	}
	b.queue = append(b.queue, queuedFact{*f, custom})
	b.touched[[2]string{string(f.Source), f.From[:7]}] = true
	b.rows++
	if len(b.queue) < resultQueue {
		return nil
	}
	return b.flush(ctx)
}

// queuedFact is a fact waiting to be written, with its custom column.
type queuedFact struct {
	f      backend.ResultFact
	custom string
}

// flush inserts the queued facts in key order, resultBatch to a
// statement; a row whose key is already pending in this bulk adds its
// figures to that fact. In key order a statement touches a few pages of
// each index instead of one per row: each page a statement changes is
// copied to its statement journal first, so in file order (a day of
// every campaign at a time) the journal wrote 9 times the facts' size.
func (b *resultBulk) flush(ctx context.Context) error {
	q := b.queue
	// Stable: rows of one key keep the file's order (the first row's
	// currency is the fact's).
	sort.SliceStable(q, func(i, j int) bool {
		x, y := &q[i].f, &q[j].f
		if x.Source != y.Source {
			return x.Source < y.Source
		}
		if x.External != y.External {
			return x.External < y.External
		}
		if x.Channel != y.Channel {
			return x.Channel < y.Channel
		}
		if x.Medium != y.Medium {
			return x.Medium < y.Medium
		}
		return x.From < y.From || x.From == y.From && x.To < y.To
	})
	for len(q) > 0 {
		n := min(len(q), resultBatch)
		b.buf = b.buf[:0]
		for i := range q[:n] {
			f := &q[i].f
			b.buf = append(b.buf, nullID(f.CampaignID), f.External, f.UTMCampaign, f.Source, f.Channel, f.Medium, f.From, f.To,
				f.Impressions, f.Clicks, f.Conversions, f.Leads, f.MQLs, f.SQLs, f.Opportunities, f.Won,
				f.Cost.Amount, f.Cost.Currency, f.Pipeline.Amount, f.Pipeline.Currency, f.Revenue.Amount, f.Revenue.Currency,
				q[i].custom, f.SourceFile)
		}
		var err error
		if n == resultBatch {
			if b.insert == nil {
				if b.insert, err = b.tx.PrepareContext(ctx, resultInsert(resultBatch)); err != nil {
					return err
				}
			}
			_, err = b.insert.ExecContext(ctx, b.buf...)
		} else {
			_, err = b.tx.ExecContext(ctx, resultInsert(n), b.buf...)
		}
		if err != nil {
			return fmt.Errorf("add results: %w", err)
		}
		q = q[n:]
	}
	b.queue = b.queue[:0]
	return nil
}

func resultInsert(rows int) string {
	var q strings.Builder
	q.WriteString(`INSERT INTO result_facts (` + resultColumns + `) VALUES `)
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", resultCols), ",") + ")"
	for i := 0; i < rows; i++ {
		if i > 0 {
			q.WriteByte(',')
		}
		q.WriteString(row)
	}
	// The ids of rows that add up are not consecutive: undo goes by
	// import, not by ids. Money adds up in one currency; a row in
	// another currency than its fact's keeps the fact's figure.
	q.WriteString(` ON CONFLICT (source, external, channel, medium, date_from, date_to) WHERE superseded_by IS NULL DO UPDATE SET
		impressions = impressions + excluded.impressions, clicks = clicks + excluded.clicks,
		conversions = conversions + excluded.conversions, leads = leads + excluded.leads, mqls = mqls + excluded.mqls,
		sqls = sqls + excluded.sqls, opportunities = opportunities + excluded.opportunities, won = won + excluded.won,
		cost_amount = cost_amount + CASE WHEN cost_currency = excluded.cost_currency THEN excluded.cost_amount ELSE 0 END,
		pipeline_amount = pipeline_amount + CASE WHEN pipeline_currency = excluded.pipeline_currency THEN excluded.pipeline_amount ELSE 0 END,
		revenue_amount = revenue_amount + CASE WHEN revenue_currency = excluded.revenue_currency THEN excluded.revenue_amount ELSE 0 END,
		custom = CASE WHEN excluded.custom <> '' THEN excluded.custom ELSE custom END`)
	return q.String()
}

// Close writes what is queued and rebuilds the monthly sums of the
// months written to.
func (b *resultBulk) Close(ctx context.Context) (backend.ResultBulkCounts, error) {
	defer func() {
		for _, st := range []*sql.Stmt{b.replace, b.insert} {
			if st != nil {
				st.Close()
			}
		}
		b.replace, b.insert = nil, nil
	}()
	if err := b.flush(ctx); err != nil {
		return b.counts, err
	}
	var pending int
	if err := b.tx.QueryRowContext(ctx, `SELECT count(*) FROM result_facts WHERE import_id = 0`).Scan(&pending); err != nil {
		return b.counts, err
	}
	b.counts.Added = pending - b.counts.Replaced
	b.counts.Merged = b.rows - pending
	return b.counts, addMonths(ctx, b.tx, b.touched)
}

// customOf is the custom column of f: its metrics as JSON, added to
// those of the fact of the same key this bulk wrote before, if any.
func (b *resultBulk) customOf(ctx context.Context, f *backend.ResultFact) (string, error) {
	if len(f.Custom) == 0 {
		return "", nil
	}
	h := maphash.Comparable(b.seed, [6]string{string(f.Source), f.External, f.Channel, f.Medium, f.From, f.To})
	metrics := f.Custom
	if b.custom[h] {
		// The earlier fact may still be queued: write it first.
		if err := b.flush(ctx); err != nil {
			return "", err
		}
		var raw string
		err := b.tx.QueryRowContext(ctx, `SELECT custom FROM result_facts WHERE source = ? AND external = ? AND channel = ?
			AND medium = ? AND date_from = ? AND date_to = ? AND superseded_by IS NULL AND import_id = 0`,
			f.Source, f.External, f.Channel, f.Medium, f.From, f.To).Scan(&raw)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return "", err
		}
		var before map[string]string
		if raw != "" {
			if err := json.Unmarshal([]byte(raw), &before); err != nil {
				return "", fmt.Errorf("result custom metrics: %w", err)
			}
		}
		metrics = backend.AddCustom(before, f.Custom)
	}
	b.custom[h] = true
	raw, err := json.Marshal(metrics)
	return string(raw), err
}

// rebuildMonths recounts the monthly sums of months; all of them when
// months holds more than a year's worth (one pass is then cheaper).
func rebuildMonths(ctx context.Context, tx *sql.Tx, months map[string]bool) error {
	const sums = `INSERT INTO result_monthly (month, campaign_id, source, channel, cost_currency, pipeline_currency, revenue_currency,
		impressions, clicks, conversions, leads, mqls, sqls, opportunities, won, cost, pipeline, revenue, facts)
		SELECT substr(date_from, 1, 7), campaign_id, source, channel, cost_currency, pipeline_currency, revenue_currency,
		sum(impressions), sum(clicks), sum(conversions), sum(leads), sum(mqls), sum(sqls), sum(opportunities), sum(won),
		sum(cost_amount), sum(pipeline_amount), sum(revenue_amount), count(*)
		FROM result_facts WHERE superseded_by IS NULL `
	const group = ` GROUP BY 1, 2, 3, 4, 5, 6, 7`
	if len(months) > 12 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM result_monthly`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sums+group); err != nil {
			return err
		}
		return rebuildCustomMonths(ctx, tx, months)
	}
	for m := range months {
		if _, err := tx.ExecContext(ctx, `DELETE FROM result_monthly WHERE month = ?`, m); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sums+`AND date_from >= ? AND date_from < ?`+group, m+"-01", m+"-32"); err != nil {
			return err
		}
	}
	return rebuildCustomMonths(ctx, tx, months)
}

// AttachImport gives the pending facts of this Batch their import.
func (s *ResultsService) AttachImport(ctx context.Context, importID int64) error {
	if importID <= 0 {
		return errors.New("attach results: no import")
	}
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE result_facts SET import_id = ? WHERE import_id = 0`, importID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE result_facts SET superseded_by = ? WHERE superseded_by = 0`, importID)
		return err
	})
}

// DeleteImport removes an import's facts and brings back those they
// replaced, unless a later import stored the same fact again.
func (s *ResultsService) DeleteImport(ctx context.Context, importID int64) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		months, err := importMonths(ctx, tx, `SELECT DISTINCT substr(date_from, 1, 7) FROM result_facts WHERE import_id = ? OR superseded_by = ?`, importID, importID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM result_facts WHERE import_id = ?`, importID); err != nil {
			return err
		}
		// A later import that stored the key again replaces it now.
		if _, err := tx.ExecContext(ctx, `UPDATE result_facts SET superseded_by = (
			SELECT l.import_id FROM result_facts l WHERE l.superseded_by IS NULL AND l.source = result_facts.source
			AND l.external = result_facts.external AND l.channel = result_facts.channel AND l.medium = result_facts.medium
			AND l.date_from = result_facts.date_from AND l.date_to = result_facts.date_to)
			WHERE superseded_by = ?`, importID); err != nil {
			return err
		}
		return rebuildMonths(ctx, tx, months)
	})
}

func importMonths(ctx context.Context, tx *sql.Tx, q string, args ...any) (map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	months := map[string]bool{}
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return nil, err
		}
		months[m] = true
	}
	return months, rows.Err()
}

// Match gives a source's external campaign to a workspace campaign.
func (s *ResultsService) Match(ctx context.Context, source backend.ResultSource, external string, campaignID int64) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		months, err := importMonths(ctx, tx, `SELECT DISTINCT substr(date_from, 1, 7) FROM result_facts
			WHERE source = ? AND external = ? AND superseded_by IS NULL`, source, external)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE result_facts SET campaign_id = ? WHERE source = ? AND external = ?`,
			nullID(campaignID), source, external); err != nil {
			return err
		}
		return rebuildMonths(ctx, tx, months)
	})
}

// Overlaps reports the facts of other imports whose days overlap the
// pending facts' without being the same days.
func (s *ResultsService) Overlaps(ctx context.Context) ([]backend.ResultOverlap, error) {
	// The days each external campaign of the new facts spans pick the
	// earlier facts that may overlap; each of those is then checked
	// against the new facts of its campaign (few, by the key index).
	rows, err := s.db.conn(ctx).QueryContext(ctx, `
		WITH spans AS (SELECT source, external, min(date_from) AS first, max(date_to) AS last
			FROM result_facts WHERE import_id = 0 AND superseded_by IS NULL GROUP BY source, external)
		SELECT o.source, o.external, o.import_id, o.source_file, min(o.date_from), max(o.date_to)
		FROM spans s JOIN result_facts o INDEXED BY result_facts_key
			ON o.source = s.source AND o.external = s.external AND o.superseded_by IS NULL
			AND o.import_id <> 0 AND o.date_from <= s.last AND o.date_to >= s.first
		WHERE EXISTS (SELECT 1 FROM result_facts n INDEXED BY result_facts_key
			WHERE n.source = o.source AND n.external = o.external AND n.superseded_by IS NULL AND n.import_id = 0
			AND n.date_from <= o.date_to AND n.date_to >= o.date_from
			AND NOT (n.date_from = o.date_from AND n.date_to = o.date_to))
		GROUP BY o.source, o.external, o.import_id ORDER BY o.source, o.external, o.import_id`)
	if err != nil {
		return nil, fmt.Errorf("result overlaps: %w", err)
	}
	defer rows.Close()
	out := []backend.ResultOverlap{}
	for rows.Next() {
		var o backend.ResultOverlap
		if err := rows.Scan(&o.Source, &o.External, &o.ImportID, &o.SourceFile, &o.From, &o.To); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
