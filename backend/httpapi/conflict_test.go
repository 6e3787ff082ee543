package httpapi_test

import (
	"encoding/json"
	"testing"
)

// Over serve mode's transport, a save made to an older version answers 409
// with the campaign as stored now, and an older client's call without a
// version is refused: neither overwrites the first person's change.
func TestServer_ConflictCarriesTheCurrentRecord(t *testing.T) {
	srv := newServer(t)
	_, body := post(t, srv, "/api/Campaigns/Create", `[{"name":"Launch","status":"planned","startDate":"2026-03-01","endDate":"2026-03-31","budget":{"amount":500,"currency":"EUR"}}]`)
	var c struct {
		ID      int64
		Version int64
	}
	if err := json.Unmarshal(body, &c); err != nil || c.Version == 0 {
		t.Fatalf("create: %s", body)
	}
	if resp, b := post(t, srv, "/api/Campaigns/Update", `[`+itoa(c.ID)+`,{"version":`+itoa(c.Version)+`,"owner":"Dana"}]`); resp.StatusCode != 200 {
		t.Fatalf("first save: %d %s", resp.StatusCode, b)
	}
	resp, b := post(t, srv, "/api/Campaigns/Update", `[`+itoa(c.ID)+`,{"version":`+itoa(c.Version)+`,"owner":"Sam"}]`)
	var e struct {
		Code    string
		Current struct {
			Owner   string
			Version int64
		}
	}
	if err := json.Unmarshal(b, &e); err != nil || resp.StatusCode != 409 || e.Code != "conflict" || e.Current.Owner != "Dana" || e.Current.Version <= c.Version {
		t.Fatalf("stale save: %d %s", resp.StatusCode, b)
	}
	for _, call := range []struct{ path, body string }{
		{"/api/Campaigns/Update", `[` + itoa(c.ID) + `,{"owner":"Sam"}]`},
		{"/api/Campaigns/Delete", `[` + itoa(c.ID) + `]`},
	} {
		if resp, b := post(t, srv, call.path, call.body); resp.StatusCode != 400 {
			t.Fatalf("%s without a version: %d %s", call.path, resp.StatusCode, b)
		}
	}
	_, b = post(t, srv, "/api/Campaigns/Get", `[`+itoa(c.ID)+`]`)
	var now struct{ Owner string }
	if json.Unmarshal(b, &now); now.Owner != "Dana" {
		t.Fatalf("stored %s", b)
	}
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}
