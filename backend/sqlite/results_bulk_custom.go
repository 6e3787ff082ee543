package sqlite

// Custom metrics of results facts: a fact whose rows reach the bulk apart
// (two blocks of a large file) adds up its custom metrics exactly.

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"strings"

	"mopsdesk/backend"
)

// factKey is a fact's key in result_facts (the key index's columns).
func factKey(f *backend.ResultFact) [7]string {
	return [7]string{string(f.Source), f.External, f.Channel, f.Medium, f.From, f.To, string(f.Records)}
}

// customs writes the custom column of each queued fact, q sorted by key:
// a fact's metrics added to those of the facts of its key before it, in
// this queue or stored by an earlier flush (read in one statement per
// resultBatch keys), so that the last row written holds the sum.
func (b *resultBulk) customs(ctx context.Context, q []queuedFact) error {
	var stored [][7]string
	for i := range q {
		f := &q[i].f
		if len(f.Custom) > 0 && (i == 0 || factKey(&q[i-1].f) != factKey(f)) && b.custom[maphash.Comparable(b.seed, factKey(f))] {
			stored = append(stored, factKey(f))
		}
	}
	before, err := b.storedCustom(ctx, stored)
	if err != nil {
		return err
	}
	var sum map[string]string
	for i := range q {
		f := &q[i].f
		k := factKey(f)
		if i == 0 || factKey(&q[i-1].f) != k {
			sum = backend.AddCustom(nil, before[k])
		}
		if len(f.Custom) == 0 {
			continue
		}
		sum = backend.AddCustom(sum, f.Custom)
		raw, err := json.Marshal(sum)
		if err != nil {
			return err
		}
		q[i].custom = string(raw)
	}
	for i := range q {
		if f := &q[i].f; len(f.Custom) > 0 {
			b.custom[maphash.Comparable(b.seed, factKey(f))] = true
		}
	}
	return nil
}

// storedCustom reads the custom metrics this bulk stored under keys.
func (b *resultBulk) storedCustom(ctx context.Context, keys [][7]string) (map[[7]string]map[string]string, error) {
	out := map[[7]string]map[string]string{}
	for len(keys) > 0 {
		n := min(len(keys), resultBatch)
		args := make([]any, 0, 7*n)
		for _, k := range keys[:n] {
			args = append(args, k[0], k[1], k[2], k[3], k[4], k[5], k[6])
		}
		rows, err := b.tx.QueryContext(ctx, `SELECT source, external, channel, medium, date_from, date_to, records, custom FROM result_facts
			WHERE (source, external, channel, medium, date_from, date_to, records) IN (VALUES `+
			strings.TrimSuffix(strings.Repeat("(?,?,?,?,?,?,?),", n), ",")+`)
			AND superseded_by IS NULL AND import_id = 0`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var k [7]string
			var raw string
			if err := rows.Scan(&k[0], &k[1], &k[2], &k[3], &k[4], &k[5], &k[6], &raw); err != nil {
				rows.Close()
				return nil, err
			}
			var m map[string]string
			if raw != "" {
				if err := json.Unmarshal([]byte(raw), &m); err != nil {
					rows.Close()
					return nil, fmt.Errorf("result custom metrics: %w", err)
				}
			}
			out[k] = m
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		keys = keys[n:]
	}
	return out, nil
}
