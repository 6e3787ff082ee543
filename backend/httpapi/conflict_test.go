package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/httpapi"
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
		Changed *backend.LastChange
	}
	if err := json.Unmarshal(b, &e); err != nil || resp.StatusCode != 409 || e.Code != "conflict" || e.Current.Owner != "Dana" || e.Current.Version <= c.Version {
		t.Fatalf("stale save: %d %s", resp.StatusCode, b)
	}
	// The local workspace has one person: the change has a time, no name.
	if e.Changed == nil || e.Changed.By != "" || e.Changed.ByID != 0 || e.Changed.At == "" {
		t.Fatalf("changed = %+v", e.Changed)
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

// TestHost_ConflictNamesWhoChangedIt: on a host, a save over someone
// else's newer change is refused with who made that change and when (the
// audit log's last entry on the record), for an update and for a delete.
func TestHost_ConflictNamesWhoChangedIt(t *testing.T) {
	h := newHost(t, httpapi.Options{})
	ada := h.setup()
	bo := h.join(ada, "bo", backend.RolePlanner)
	boID := h.me(bo).PersonID
	type conflict struct {
		Code    string
		Changed *backend.LastChange
	}
	stale := func(r reply) conflict {
		t.Helper()
		var e conflict
		if err := json.Unmarshal([]byte(r.body), &e); err != nil || r.status != http.StatusConflict || e.Code != backend.ECONFLICT {
			t.Fatalf("stale save = %d %s", r.status, r.body)
		}
		return e
	}
	wantBo := func(e conflict) {
		t.Helper()
		if e.Changed == nil || e.Changed.By != "bo" || e.Changed.ByID != boID {
			t.Fatalf("changed = %+v, want bo (%d)", e.Changed, boID)
		}
		if _, err := time.Parse(time.RFC3339, e.Changed.At); err != nil {
			t.Fatalf("changed at %q: %v", e.Changed.At, err)
		}
	}

	t.Run("Update", func(t *testing.T) {
		var c backend.Campaign
		r := h.do("POST", "/api/Campaigns/Create", ada, `[{"name":"Launch","status":"planned","startDate":"2026-03-01","endDate":"2026-03-31","budget":{"amount":500,"currency":"EUR"}}]`)
		if json.Unmarshal([]byte(r.body), &c); r.status != http.StatusOK {
			t.Fatalf("create = %d %s", r.status, r.body)
		}
		if r := h.do("POST", "/api/Campaigns/Update", bo, fmt.Sprintf(`[%d,{"version":%d,"notes":"Bo's"}]`, c.ID, c.Version)); r.status != http.StatusOK {
			t.Fatalf("bo's save = %d %s", r.status, r.body)
		}
		wantBo(stale(h.do("POST", "/api/Campaigns/Update", ada, fmt.Sprintf(`[%d,{"version":%d,"notes":"Ada's"}]`, c.ID, c.Version))))
	})
	t.Run("Delete", func(t *testing.T) {
		var v backend.Vendor
		r := h.do("POST", "/api/Vendors/Create", ada, `[{"name":"Acme"}]`)
		if json.Unmarshal([]byte(r.body), &v); r.status != http.StatusOK {
			t.Fatalf("create = %d %s", r.status, r.body)
		}
		if r := h.do("POST", "/api/Vendors/Update", bo, fmt.Sprintf(`[%d,{"name":"Acme Ltd","version":%d}]`, v.ID, v.Version)); r.status != http.StatusOK {
			t.Fatalf("bo's save = %d %s", r.status, r.body)
		}
		wantBo(stale(h.do("POST", "/api/Vendors/Delete", ada, fmt.Sprintf(`[%d,%d]`, v.ID, v.Version))))
	})
}
