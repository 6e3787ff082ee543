package httpapi_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"mopsdesk/backend/api"
	"mopsdesk/backend/httpapi"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/sqlite"
	"mopsdesk/backend/workspace"
)

// watchedServer is newServer whose requests report their context and
// their end, so a test can see what the server saw.
func watchedServer(t *testing.T) (*httptest.Server, chan context.Context, chan string) {
	t.Helper()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "t.db"))
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	services, err := workspace.Services(db, mustFiles(t))
	if err != nil {
		t.Fatal(err)
	}
	services.ImportDir = t.TempDir()
	services.ChartScript = []byte("window.echarts = {};")
	services.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	a := api.New(services)
	s, err := httpapi.New(a, fstest.MapFS{"index.html": {Data: []byte("<!doctype html>")}}, services.Log, httpapi.Options{})
	if err != nil {
		t.Fatal(err)
	}
	started, ended := make(chan context.Context, 10), make(chan string, 10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/Imports/Commit" {
			started <- r.Context()
		}
		s.ServeHTTP(w, r)
		ended <- r.URL.Path
	}))
	t.Cleanup(srv.Close)
	return srv, started, ended
}

// A browser that goes away (a closed tab, an aborted fetch) cancels the
// work it asked for: the import stops half-way and stores nothing.
func TestServer_ClientGoneCancelsTheImport(t *testing.T) {
	srv, started, ended := watchedServer(t)
	var csv strings.Builder
	csv.WriteString("Date,Amount,Team,Category,Vendor\n")
	for i := range 40 {
		fmt.Fprintf(&csv, "2025-03-%02d,%d,Brand,Ads,Canva\n", i%28+1, 100+i)
	}
	tok := uploadImport(t, srv, "spend.csv", csv.String())
	<-ended
	reached, release := make(chan struct{}), make(chan struct{})
	sheet.TestHookValue = func(field, text string) {
		if field == "amount" && text == "110" {
			close(reached)
			<-release
		}
	}
	t.Cleanup(func() { sheet.TestHookValue = nil })

	ctx, cancel := context.WithCancel(t.Context())
	body := fmt.Sprintf(`[{"token":%q,"options":{"kind":"spend"}}]`, tok)
	req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+"/api/Imports/Commit", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	done := make(chan error, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	serverCtx := <-started
	<-reached
	cancel() // the client goes away mid-import
	if err := <-done; err == nil {
		t.Fatal("the cancelled request still got an answer")
	}
	<-serverCtx.Done() // the server noticed
	close(release)
	<-ended
	sheet.TestHookValue = nil

	resp, b := post(t, srv, "/api/Imports/History", `[]`)
	if resp.StatusCode != 200 || strings.TrimSpace(string(b)) != "[]" {
		t.Fatalf("history after the client left: %d %s", resp.StatusCode, b)
	}
	resp, b = post(t, srv, "/api/Spend/Find", `[{}]`)
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"total":0`) {
		t.Fatalf("spend after the client left: %d %s", resp.StatusCode, b)
	}
}

// The steps of a call that names its job reach the event stream.
func TestServer_ProgressReachesTheEventStream(t *testing.T) {
	srv := newServer(t)
	events, err := http.Get(srv.URL + "/api/events")
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()
	if ct := events.Header.Get("Content-Type"); events.StatusCode != 200 || ct != "text/event-stream" {
		t.Fatalf("%d %s", events.StatusCode, ct)
	}
	lines := bufio.NewScanner(events.Body)
	if !lines.Scan() || lines.Text() != ": open" {
		t.Fatalf("first line %q", lines.Text())
	}
	req, _ := http.NewRequest("POST", srv.URL+"/export/workspace.xlsx", strings.NewReader(`{"areas":["campaigns","vendors"]}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-MOpsDesk-Job", "job-7")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("export: %d", resp.StatusCode)
	}
	// The first step and the last always pass the throttle.
	var got []httpapi.Event
	for len(got) < 2 && lines.Scan() {
		line := lines.Text()
		if data, ok := strings.CutPrefix(line, "data: "); ok {
			var ev httpapi.Event
			if err := json.Unmarshal([]byte(data), &ev); err != nil {
				t.Fatal(err)
			}
			got = append(got, ev)
		}
	}
	if len(got) != 2 || got[0].Job != "job-7" || got[0].Kind != "progress" || got[0].Step.Unit != "sheets" ||
		got[1].Step.Done != 2 || got[1].Step.Total != 2 {
		t.Fatalf("events %+v", got)
	}
}

// Another web site cannot read the event stream.
func TestServer_EventsRefuseOtherSites(t *testing.T) {
	srv := newServer(t)
	req, _ := http.NewRequest("GET", srv.URL+"/api/events", nil)
	req.Header.Set("Origin", "http://evil.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 403 {
		t.Fatalf("status %d", resp.StatusCode)
	}
}

// Every export is served under its kind with its own extension, and the
// route list at the top of server.go names every one.
func TestServer_DownloadsHaveTheirExtension(t *testing.T) {
	srv, _, _ := watchedServer(t)
	doc, err := os.ReadFile("server.go")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"campaigns": ".xlsx", "calendar": ".ics", "assets": ".xlsx", "workspace": ".xlsx",
		"list": ".xlsx", "report": ".xlsx", "report-html": ".html"}
	bodies := map[string]string{"list": `{"kind":"vendors"}`, "report": `{"from":"2026-01-01","to":"2026-03-31"}`,
		"report-html": `{"from":"2026-01-01","to":"2026-03-31"}`, "calendar": `{"from":"2026-03-01","to":"2026-03-31"}`}
	for kind, ext := range want {
		path := "/export/" + strings.TrimSuffix(kind, "-html") + ext
		if !strings.Contains(string(doc), path) {
			t.Errorf("server.go's route list misses %s", path)
		}
		body := bodies[kind]
		if body == "" {
			body = "{}"
		}
		resp, b := post(t, srv, path, body)
		cd := resp.Header.Get("Content-Disposition")
		if resp.StatusCode != 200 || !strings.HasSuffix(strings.TrimSuffix(cd, `"`), ext) {
			t.Errorf("%s: %d %q %.200s", path, resp.StatusCode, cd, b)
		}
	}
}
