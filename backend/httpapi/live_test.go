package httpapi_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"mopsdesk/backend/live"
)

// stream is one open event stream, read message by message.
type stream struct {
	t     *testing.T
	lines *bufio.Scanner
}

func openStream(t *testing.T, srv *httptest.Server, lastID string) *stream {
	t.Helper()
	req, _ := http.NewRequest("GET", srv.URL+"/api/events", nil)
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if resp.StatusCode != 200 {
		t.Fatalf("events: %d", resp.StatusCode)
	}
	s := &stream{t: t, lines: bufio.NewScanner(resp.Body)}
	if !s.lines.Scan() || s.lines.Text() != ": open" {
		t.Fatalf("first line %q", s.lines.Text())
	}
	return s
}

// next returns the next event's id, kind and data (comments skipped).
func (s *stream) next() (id, kind, data string) {
	s.t.Helper()
	for s.lines.Scan() {
		line := s.lines.Text()
		switch {
		case line == "" && kind != "":
			return id, kind, data
		case strings.HasPrefix(line, "id: "):
			id = strings.TrimPrefix(line, "id: ")
		case strings.HasPrefix(line, "event: "):
			kind = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			data = strings.TrimPrefix(line, "data: ")
		}
	}
	s.t.Fatalf("the stream ended: %v", s.lines.Err())
	return
}

// change reads the next event, which must be a change notice.
func (s *stream) change() (string, live.Change) {
	s.t.Helper()
	id, kind, data := s.next()
	var c live.Change
	if kind != "change" || json.Unmarshal([]byte(data), &c) != nil {
		s.t.Fatalf("want a change, got %s %s", kind, data)
	}
	return id, c
}

func call(t *testing.T, srv *httptest.Server, path, body, tab string) string {
	t.Helper()
	req, _ := http.NewRequest("POST", srv.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if tab != "" {
		req.Header.Set("X-MOpsDesk-Tab", tab)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	bufio.NewReader(resp.Body).WriteTo(&b)
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d %s", path, resp.StatusCode, b.String())
	}
	return b.String()
}

const newCampaign = `[{"name":"Spring launch","status":"planned","startDate":"2026-03-01","endDate":"2026-03-31","budget":{"amount":500,"currency":"EUR"}}]`

// A write reaches every open stream as exactly one change notice naming
// the record and the tab it came from; reads and failed calls send none.
func TestEvents_WritePublishesOneNoticeToEveryStream(t *testing.T) {
	srv := newServer(t)
	a, b := openStream(t, srv, ""), openStream(t, srv, "")
	call(t, srv, "/api/Campaigns/Find", `[{}]`, "tab-a")
	call(t, srv, "/api/Workspace/Settings", `[]`, "tab-a")
	resp, _ := post(t, srv, "/api/Campaigns/Create", `[{"name":""}]`) // refused: no notice
	if resp.StatusCode != 400 {
		t.Fatalf("invalid create: %d", resp.StatusCode)
	}
	call(t, srv, "/api/Campaigns/Create", newCampaign, "tab-a")
	call(t, srv, "/api/Vendors/Create", `[{"name":"Acme"}]`, "tab-b")
	for _, s := range []*stream{a, b} {
		// The reads and the failure came first: had they published, their
		// notices would come before the campaign's.
		id, c := s.change()
		want := live.Change{Type: "change", Area: "campaigns", Method: "Campaigns.Create", ID: c.ID, Label: "Spring launch", Origin: "tab-a"}
		if c != want || c.ID == 0 || id == "" {
			t.Fatalf("notice %q %+v, want %+v", id, c, want)
		}
		if _, v := s.change(); v.Area != "vendors" || v.Origin != "tab-b" || v.Label != "Acme" {
			t.Fatalf("second notice %+v", v)
		}
	}
}

// A browser that reconnects with the last id it saw gets the notices it
// missed; one whose id is unknown (the server restarted) is told to
// reload everything.
func TestEvents_ReconnectCatchesUp(t *testing.T) {
	srv := newServer(t)
	s := openStream(t, srv, "")
	call(t, srv, "/api/Campaigns/Create", newCampaign, "")
	last, _ := s.change()
	call(t, srv, "/api/Vendors/Create", `[{"name":"Acme"}]`, "")
	again := openStream(t, srv, last)
	if _, c := again.change(); c.Area != "vendors" {
		t.Fatalf("missed notice %+v", c)
	}
	stale := openStream(t, srv, "feedbeef.3")
	if _, kind, _ := stale.next(); kind != "reset" {
		t.Fatalf("want reset, got %s", kind)
	}
}

// Files uploaded to the library or to a contract are changes too.
func TestEvents_UploadsPublish(t *testing.T) {
	srv := newServer(t)
	s := openStream(t, srv, "")
	send := func(path string) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, _ := mw.CreateFormFile("files", "brief.txt")
		fw.Write([]byte("the brief"))
		mw.Close()
		req, _ := http.NewRequest("POST", srv.URL+path, &buf)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("X-MOpsDesk", "1")
		req.Header.Set("X-MOpsDesk-Tab", "tab-up")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
	}
	send("/upload/assets?duplicate=keep_both")
	if _, c := s.change(); c.Area != "assets" || c.Method != "Upload.Assets" || c.Label != "brief" && c.Label != "brief.txt" || c.Origin != "tab-up" {
		t.Fatalf("asset upload: %+v", c)
	}
	var contract string
	for _, c := range []struct{ path, body string }{
		{"/api/Lists/Create", `["teams","Brand"]`},
		{"/api/Lists/Create", `["categories","Software"]`},
		{"/api/Vendors/Create", `[{"name":"Canva"}]`},
		{"/api/Contracts/Create", `[{"vendorId":1,"product":"Teams","teamId":1,"categoryId":1,"cost":{"amount":12000,"currency":"USD"},
			"billingCycle":"annual","startDate":"2026-01-01","termMonths":12,"renewalDate":"2027-01-01","autoRenew":true,"noticeDays":30,"status":"active"}]`},
	} {
		contract = call(t, srv, c.path, c.body, "")
		s.change()
	}
	var made struct{ ID int64 }
	json.Unmarshal([]byte(contract), &made)
	send("/upload/contract-documents?contract=" + strconv.FormatInt(made.ID, 10))
	if _, c := s.change(); c.Area != "documents" || c.Method != "Upload.Documents" || c.ID != made.ID {
		t.Fatalf("document upload: %+v", c)
	}
}
