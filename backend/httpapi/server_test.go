package httpapi_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend/api"
	"mopsdesk/backend/files"
	"mopsdesk/backend/httpapi"
	"mopsdesk/backend/sqlite"
	"mopsdesk/backend/workspace"
)

func mustFiles(t testing.TB) *files.Store {
	t.Helper()
	s, err := files.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func newServer(t *testing.T) *httptest.Server {
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
	services.Now = func() time.Time { return time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC) }
	services.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	a := api.New(services)
	dist := fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>MOps Desk</title>")}}
	s, err := httpapi.New(a, dist, slog.New(slog.NewTextHandler(io.Discard, nil)), httpapi.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return srv
}

func post(t *testing.T, srv *httptest.Server, path string, body string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Post(srv.URL+path, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func TestServer_Calls(t *testing.T) {
	srv := newServer(t)
	t.Run("CreateThenFind", func(t *testing.T) {
		resp, body := post(t, srv, "/api/Campaigns/Create", `[{"name":"Launch","status":"planned","startDate":"2026-03-01","endDate":"2026-03-31","budget":{"amount":500,"currency":"EUR"}}]`)
		if resp.StatusCode != 200 {
			t.Fatalf("create: %d %s", resp.StatusCode, body)
		}
		resp, body = post(t, srv, "/api/Campaigns/Find", `[{}]`)
		var page struct {
			Campaigns []struct{ Name string }
			Total     int
		}
		if err := json.Unmarshal(body, &page); err != nil || resp.StatusCode != 200 || page.Total != 1 || page.Campaigns[0].Name != "Launch" {
			t.Fatalf("find: %d %s", resp.StatusCode, body)
		}
	})
	t.Run("ErrFieldsReachTheClient", func(t *testing.T) {
		resp, body := post(t, srv, "/api/Campaigns/Create", `[{"name":"Bad","status":"planned","startDate":"2026-03-10","endDate":"2026-03-01","budget":{"currency":"EUR"}}]`)
		var e api.ErrorPayload
		if err := json.Unmarshal(body, &e); err != nil || resp.StatusCode != 400 || e.Code != "invalid" || e.Fields["endDate"].Key != "campaign.end_before_start" {
			t.Fatalf("%d %s", resp.StatusCode, body)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		resp, body := post(t, srv, "/api/Campaigns/Get", `[999]`)
		if resp.StatusCode != 404 || !bytes.Contains(body, []byte(`"code":"not_found"`)) {
			t.Fatalf("%d %s", resp.StatusCode, body)
		}
	})
	t.Run("ErrBadArguments", func(t *testing.T) {
		for _, body := range []string{`{}`, `[]`, `["x"]`} {
			resp, b := post(t, srv, "/api/Campaigns/Get", body)
			if resp.StatusCode != 400 || !bytes.Contains(b, []byte(`"code":"invalid"`)) {
				t.Fatalf("%s: %d %s", body, resp.StatusCode, b)
			}
		}
	})
	t.Run("ErrUnknownMethod", func(t *testing.T) {
		resp, _ := post(t, srv, "/api/Exports/Campaigns", `[]`)
		if resp.StatusCode != 404 {
			t.Fatalf("the exporter must not be callable as a method: %d", resp.StatusCode)
		}
	})
	t.Run("ErrFormPostRefused", func(t *testing.T) {
		resp, err := http.Post(srv.URL+"/api/Campaigns/Delete", "application/x-www-form-urlencoded", strings.NewReader("1"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnsupportedMediaType {
			t.Fatalf("form post: %d", resp.StatusCode)
		}
	})
	t.Run("ErrForeignHostRefused", func(t *testing.T) {
		req, _ := http.NewRequest("GET", srv.URL+"/", nil)
		req.Host = "evil.example:80"
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMisdirectedRequest {
			t.Fatalf("rebinding host: %d", resp.StatusCode)
		}
	})
	t.Run("Static", func(t *testing.T) {
		resp, err := http.Get(srv.URL + "/")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !bytes.Contains(b, []byte("MOps Desk")) || resp.Header.Get("Content-Security-Policy") == "" {
			t.Fatalf("index: %s %v", b, resp.Header)
		}
	})
}

func TestServer_Export(t *testing.T) {
	srv := newServer(t)
	post(t, srv, "/api/Campaigns/Create", `[{"name":"=cmd|' /C calc'!A0","status":"live","startDate":"2026-03-01","endDate":"2026-03-31","budget":{"amount":12345,"currency":"USD"}}]`)
	resp, body := post(t, srv, "/export/campaigns.xlsx", `{"filter":{"statuses":["live"]},"labels":{}}`)
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), "campaigns-2026-03-14.xlsx") {
		t.Fatalf("export: %d %v", resp.StatusCode, resp.Header)
	}
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a2, _ := f.GetCellValue("Campaigns", "A2")
	formula, _ := f.GetCellFormula("Campaigns", "A2")
	if a2 != "=cmd|' /C calc'!A0" || formula != "" {
		t.Fatalf("A2 = %q formula %q", a2, formula)
	}
	resp, body = post(t, srv, "/export/campaigns.xlsx", `{"filter":{"from":"soon"}}`)
	if resp.StatusCode != 400 || !bytes.Contains(body, []byte(`"from"`)) {
		t.Fatalf("bad filter: %d %s", resp.StatusCode, body)
	}
}

func TestCheckAddr(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:8420": true, "localhost:0": true, "[::1]:9000": true, "127.0.0.2:80": true,
		"0.0.0.0:8420": false, ":8420": false, "192.168.1.5:80": false, "example.com:80": false, "127.0.0.1": false,
	} {
		if err := httpapi.CheckAddr(addr); (err == nil) != ok {
			t.Errorf("CheckAddr(%q) = %v", addr, err)
		}
	}
}

func TestServer_CalendarExport(t *testing.T) {
	srv := newServer(t)
	post(t, srv, "/api/Campaigns/Create", `[{"name":"Launch","status":"planned","startDate":"2026-03-01","endDate":"2026-03-31","budget":{"currency":"USD"}}]`)
	resp, body := post(t, srv, "/export/calendar.ics", `{"from":"2026-03-01","to":"2026-03-31"}`)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/calendar") ||
		!bytes.Contains(body, []byte("DTSTART;VALUE=DATE:20260301")) {
		t.Fatalf("%d %v\n%s", resp.StatusCode, resp.Header, body)
	}
	_, again := post(t, srv, "/export/calendar.ics", `{"from":"2026-03-01","to":"2026-03-31"}`)
	uid := func(b []byte) string {
		i := bytes.Index(b, []byte("UID:"))
		return string(b[i : i+bytes.IndexByte(b[i:], '\r')])
	}
	if uid(body) != uid(again) {
		t.Fatalf("UIDs differ between exports: %s / %s", uid(body), uid(again))
	}
	resp, body = post(t, srv, "/export/calendar.ics", `{"from":"2026-03-31","to":"2026-03-01"}`)
	if resp.StatusCode != 400 {
		t.Fatalf("reversed range: %d %s", resp.StatusCode, body)
	}
}

func TestServer_Documents(t *testing.T) {
	srv := newServer(t)
	for _, call := range []struct{ path, body string }{
		{"/api/Lists/Create", `["teams","Brand"]`},
		{"/api/Lists/Create", `["categories","Software"]`},
		{"/api/Vendors/Create", `[{"name":"Canva","category":"design"}]`},
		{"/api/Contracts/Create", `[{"vendorId":1,"product":"Teams","teamId":1,"categoryId":1,"cost":{"amount":12000,"currency":"USD"},
			"billingCycle":"annual","startDate":"2026-01-01","termMonths":12,"renewalDate":"2027-01-01","autoRenew":true,"noticeDays":30,"status":"active"}]`},
	} {
		if resp, body := post(t, srv, call.path, call.body); resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", call.path, resp.StatusCode, body)
		}
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("files", "../../etc/DPA signed.pdf")
	fw.Write([]byte("%PDF-1.4 fake"))
	mw.Close()
	upload := func(header bool) *http.Response {
		req, _ := http.NewRequest("POST", srv.URL+"/upload/contract-documents?contract=1", bytes.NewReader(buf.Bytes()))
		req.Header.Set("Content-Type", mw.FormDataContentType())
		if header {
			req.Header.Set("X-MOpsDesk", "1")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	if resp := upload(false); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("an upload without our header must be refused: %d", resp.StatusCode)
	}
	resp := upload(true)
	var docs []struct {
		ID          int64
		Name        string
		ContentType string
	}
	json.NewDecoder(resp.Body).Decode(&docs)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(docs) != 1 || docs[0].Name != "DPA signed.pdf" || docs[0].ContentType != "application/pdf" {
		t.Fatalf("%d %+v", resp.StatusCode, docs)
	}
	get, err := http.Get(fmt.Sprintf("%s/files/document/%d", srv.URL, docs[0].ID))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(get.Body)
	get.Body.Close()
	if string(body) != "%PDF-1.4 fake" || !strings.Contains(get.Header.Get("Content-Disposition"), "DPA signed.pdf") {
		t.Fatalf("download %q %v", body, get.Header)
	}
}

func TestServer_Assets(t *testing.T) {
	srv := newServer(t)
	var img bytes.Buffer
	png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 600, 300)))
	upload := func(choice string, files map[string][]byte) []map[string]any {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		for name, data := range files {
			fw, _ := mw.CreateFormFile("files", name)
			fw.Write(data)
		}
		mw.Close()
		req, _ := http.NewRequest("POST", srv.URL+"/upload/assets?duplicate="+choice, &buf)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("X-MOpsDesk", "1")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out []map[string]any
		json.NewDecoder(resp.Body).Decode(&out)
		if resp.StatusCode != 200 {
			t.Fatalf("upload: %d %v", resp.StatusCode, out)
		}
		return out
	}
	res := upload("", map[string][]byte{"hero.png": img.Bytes()})
	asset := res[0]["asset"].(map[string]any)
	sha := asset["versions"].([]any)[0].(map[string]any)["sha256"].(string)
	thumb, err := http.Get(srv.URL + "/files/thumb/" + sha)
	if err != nil {
		t.Fatal(err)
	}
	cfg, format, err := image.DecodeConfig(thumb.Body)
	thumb.Body.Close()
	if err != nil || format != "jpeg" || cfg.Width != 320 || cfg.Height != 160 {
		t.Fatalf("thumb %s %+v %v", format, cfg, err)
	}
	if resp, _ := http.Get(srv.URL + "/files/thumb/../../etc/passwd"); resp.StatusCode == 200 {
		t.Fatal("a path in a thumbnail request must not be served")
	}
	dup := upload("", map[string][]byte{"again.png": img.Bytes()})
	if dup[0]["duplicateOf"] == nil || dup[0]["asset"] != nil {
		t.Fatalf("duplicate not reported: %v", dup)
	}
	dl, err := http.Get(fmt.Sprintf("%s/files/asset/%v/1", srv.URL, asset["id"]))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(dl.Body)
	dl.Body.Close()
	if !bytes.Equal(body, img.Bytes()) || !strings.Contains(dl.Header.Get("Content-Disposition"), "hero.png") {
		t.Fatalf("download: %d bytes %v", len(body), dl.Header)
	}
}
