package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/maphash"
	"sort"
	"strings"

	"mopsdesk/backend"
)

// Facts are queued resultQueue at a time and written resultBatch to a
// statement (SQLite takes at most 32,766 parameters).
const (
	resultQueue = 4096
	resultBatch = 512
	resultCols  = 25
)

const resultColumns = `campaign_id, external, utm_campaign, source, channel, medium, date_from, date_to,
	impressions, clicks, conversions, leads, mqls, sqls, opportunities, won,
	cost_amount, cost_currency, pipeline_amount, pipeline_currency, revenue_amount, revenue_currency, custom, source_file, records`

// resultBulk writes facts a queue at a time, in key order: the facts an
// earlier import stored under the same keys are set aside first (only
// when the source had facts before), then the facts are inserted, adding
// up rows of the same key.
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
	// written by an earlier flush: a later fact of the key adds its
	// metrics to the stored ones (a fact split over two blocks of a
	// large file).
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
	b.queue = append(b.queue, queuedFact{f: *f})
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
		if x.From != y.From || x.To != y.To {
			return x.From < y.From || x.From == y.From && x.To < y.To
		}
		return x.Records < y.Records
	})
	if err := b.customs(ctx, q); err != nil {
		return err
	}
	for len(q) > 0 {
		n := min(len(q), resultBatch)
		if err := b.supersede(ctx, q[:n]); err != nil {
			return err
		}
		b.buf = b.buf[:0]
		for i := range q[:n] {
			f := &q[i].f
			b.buf = append(b.buf, nullID(f.CampaignID), f.External, f.UTMCampaign, f.Source, f.Channel, f.Medium, f.From, f.To,
				f.Impressions, f.Clicks, f.Conversions, f.Leads, f.MQLs, f.SQLs, f.Opportunities, f.Won,
				f.Cost.Amount, f.Cost.Currency, f.Pipeline.Amount, f.Pipeline.Currency, f.Revenue.Amount, f.Revenue.Currency,
				q[i].custom, f.SourceFile, f.Records)
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

// supersede sets aside (superseded_by 0) the facts earlier imports
// stored under the keys of q, one statement for them all: a file
// imported again replaces what it imported before.
func (b *resultBulk) supersede(ctx context.Context, q []queuedFact) error {
	b.buf = b.buf[:0]
	for i := range q {
		if f := &q[i].f; b.had[f.Source] {
			b.buf = append(b.buf, f.Source, f.External, f.Channel, f.Medium, f.From, f.To, f.Records)
		}
	}
	n := len(b.buf) / 7
	if n == 0 {
		return nil
	}
	var res sql.Result
	var err error
	if n == resultBatch {
		if b.replace == nil {
			if b.replace, err = b.tx.PrepareContext(ctx, resultSupersede(resultBatch)); err != nil {
				return err
			}
		}
		res, err = b.replace.ExecContext(ctx, b.buf...)
	} else {
		res, err = b.tx.ExecContext(ctx, resultSupersede(n), b.buf...)
	}
	if err != nil {
		return fmt.Errorf("replace results: %w", err)
	}
	replaced, _ := res.RowsAffected()
	b.counts.Replaced += int(replaced)
	return nil
}

func resultSupersede(rows int) string {
	return `UPDATE result_facts SET superseded_by = 0
		WHERE (source, external, channel, medium, date_from, date_to, records) IN (VALUES ` +
		strings.TrimSuffix(strings.Repeat("(?,?,?,?,?,?,?),", rows), ",") + `)
		AND superseded_by IS NULL AND import_id <> 0`
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
	// import, not by ids. Money adds up as backend.ResultFact.AddUp adds
	// it: in one currency, money with none taking the other's; a row in
	// another currency than its fact's keeps the fact's figure.
	q.WriteString(` ON CONFLICT (source, external, channel, medium, date_from, date_to, records) WHERE superseded_by IS NULL DO UPDATE SET
		impressions = impressions + excluded.impressions, clicks = clicks + excluded.clicks,
		conversions = conversions + excluded.conversions, leads = leads + excluded.leads, mqls = mqls + excluded.mqls,
		sqls = sqls + excluded.sqls, opportunities = opportunities + excluded.opportunities, won = won + excluded.won,
		cost_amount = cost_amount + CASE WHEN cost_currency IN (excluded.cost_currency, '') OR excluded.cost_currency = '' THEN excluded.cost_amount ELSE 0 END,
		cost_currency = CASE WHEN cost_currency = '' THEN excluded.cost_currency ELSE cost_currency END,
		pipeline_amount = pipeline_amount + CASE WHEN pipeline_currency IN (excluded.pipeline_currency, '') OR excluded.pipeline_currency = '' THEN excluded.pipeline_amount ELSE 0 END,
		pipeline_currency = CASE WHEN pipeline_currency = '' THEN excluded.pipeline_currency ELSE pipeline_currency END,
		revenue_amount = revenue_amount + CASE WHEN revenue_currency IN (excluded.revenue_currency, '') OR excluded.revenue_currency = '' THEN excluded.revenue_amount ELSE 0 END,
		revenue_currency = CASE WHEN revenue_currency = '' THEN excluded.revenue_currency ELSE revenue_currency END,
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
	if err := b.tx.QueryRowContext(ctx, `SELECT count(*), count(campaign_id) FROM result_facts WHERE import_id = 0`).Scan(&pending, &b.counts.Matched); err != nil {
		return b.counts, err
	}
	b.counts.Added = pending - b.counts.Replaced
	b.counts.Merged = b.rows - pending
	b.counts.Facts = pending
	return b.counts, addMonths(ctx, b.tx, b.touched)
}

// Stored writes what is queued and counts the facts the bulk holds.
func (b *resultBulk) Stored(ctx context.Context) (int, error) {
	if err := b.flush(ctx); err != nil {
		return 0, err
	}
	var n int
	err := b.tx.QueryRowContext(ctx, `SELECT count(*) FROM result_facts WHERE import_id = 0`).Scan(&n)
	return n, err
}

// Unmatched counts the facts the bulk stored with no campaign, by name.
func (b *resultBulk) Unmatched(ctx context.Context) ([]backend.ResultNameFacts, error) {
	rows, err := b.tx.QueryContext(ctx, `SELECT source, external, count(*), min(date_from), max(date_to) FROM result_facts
		WHERE import_id = 0 AND campaign_id IS NULL GROUP BY source, external`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []backend.ResultNameFacts
	for rows.Next() {
		var x backend.ResultNameFacts
		if err := rows.Scan(&x.Source, &x.External, &x.Facts, &x.From, &x.To); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// A results import keeps every index of result_facts up to date row by
// row, with a larger page cache meanwhile (restored however the batch
// ends). Unlike spend (bulk.go), dropping the secondary indexes and
// sorting them back costs more than it saves: a daily export arrives in
// day order, so each index takes its rows at a few hundred places the
// cache holds, while a rebuild reads every fact of every earlier import.
// Measured with BenchmarkImportResults (182,500 rows; the fifth source
// of five), CPU s: 2.8 keeping the indexes vs 4.1–4.3 dropping them on
// an empty workspace, 3.3 vs 5.6–6.0 as the fifth source; a cache of
// 32 MB against 8 MB: 3.3–3.4 vs 3.7–4.1 for the fifth, 64 MB no better.
const resultsCacheKiB = 32 << 10

// resultIndexes is the state of one bulk's page cache.
type resultIndexes struct {
	cache  int
	raised bool
}

// raise enlarges the page cache for the bulk.
func (x *resultIndexes) raise(ctx context.Context, tx *sql.Tx) error {
	if x.raised {
		return nil
	}
	if err := tx.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&x.cache); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, resultsCacheKiB)); err != nil {
		return err
	}
	x.raised = true
	return nil
}

// restore puts the page cache back, however the batch ended.
func (x *resultIndexes) restore(ctx context.Context, tx *sql.Tx) {
	if !x.raised {
		return
	}
	x.raised = false
	_, _ = tx.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf(`PRAGMA cache_size = %d`, x.cache))
}
