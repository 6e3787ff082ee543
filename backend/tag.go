package backend

import (
	"strings"
	"unicode/utf8"
)

// Tag limits: enough for any real labelling scheme, small enough to show.
const (
	MaxTags      = 30
	MaxTagLength = 50
)

// NormalizeTags trims tags, drops empty ones and keeps the first spelling
// of tags that differ only in case.
func NormalizeTags(tags []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, t := range tags {
		t = strings.Join(strings.Fields(t), " ")
		key := strings.ToLower(t)
		if t == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, t)
	}
	return out
}

func validateTags(fe FieldErrors, tags []string) {
	if len(tags) > MaxTags {
		fe.Add("tags", "tags.too_many", map[string]any{"max": MaxTags})
	}
	for _, t := range tags {
		if utf8.RuneCountInString(t) > MaxTagLength {
			fe.Add("tags", "tags.too_long", map[string]any{"tag": t, "max": MaxTagLength})
		}
	}
}

// uniqueIDs drops repeated IDs, keeping the first occurrence's position.
func uniqueIDs(ids []int64) []int64 {
	out := []int64{}
	seen := map[int64]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
