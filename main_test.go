package main

//lint:file-ignore ST1018 Persian words are spelled with the zero-width non-joiner (U+200C); written as escapes they could not be read.

import (
	"bufio"
	"bytes"
	"encoding/json"

	"github.com/xuri/excelize/v2"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/datadir"
)

// TestMain points every command that is given no --data at a folder of its
// own: the tests must never read or change the workspace of whoever runs
// them (a stale one there once made a usage-error case fail as exit 1).
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "mopsdesk-main-test-")
	if err != nil {
		panic(err)
	}
	os.Setenv(datadir.EnvVar, dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestRun_Verbs(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"Version", []string{"version"}, 0, "mopsdesk dev\n", ""},
		{"Help", []string{"help"}, 0, "Usage:", ""},
		{"ErrUnknownVerb", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"ErrUnknownFlag", []string{"--colour", "red"}, 2, "", "flag provided but not defined: -colour"},
		{"ErrUnknownServeFlag", []string{"serve", "--port", "1"}, 2, "", "flag provided but not defined: -port"},
		{"ErrServeArgument", []string{"serve", "now"}, 2, "", "serve takes no arguments"},
		{"ErrVersionArgument", []string{"version", "x"}, 2, "", "version takes no arguments"},
		{"ErrServeOnNetwork", []string{"serve", "--addr", "0.0.0.0:8420"}, 2, "", "loopback only"},
		{"ErrServeBadAddr", []string{"serve", "--addr", "8420"}, 2, "", "want HOST:PORT"},
		{"HelpFlag", []string{"-h"}, 2, "", "Usage:"},
		{"HelpNamesHost", []string{"help"}, 0, "mopsdesk host [--addr HOST:PORT]", ""},
		{"ErrHostPlainOnNetwork", []string{"host", "--addr", "0.0.0.0:8443", "--plain-http"}, 2, "", "plain HTTP on a loopback address only"},
		{"ErrHostPlainOnEveryInterface", []string{"host", "--plain-http"}, 2, "", "plain HTTP on a loopback address only"},
		{"ErrHostHalfACertificate", []string{"host", "--tls-cert", "team.pem"}, 2, "", "--tls-cert and --tls-key go together"},
		{"ErrHostPlainWithCertificate", []string{"host", "--addr", "127.0.0.1:8443", "--plain-http", "--tls-cert", "a", "--tls-key", "b"}, 2, "", "exclude each other"},
		{"ErrHostBadAddr", []string{"host", "--addr", "8443"}, 2, "", "want HOST:PORT"},
		{"ErrHostArgument", []string{"host", "now"}, 2, "", "host takes no arguments"},
		{"ErrHostUnknownFlag", []string{"host", "--insecure"}, 2, "", "flag provided but not defined: -insecure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tt.args, &out, &errb)
			if code != tt.code {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tt.code, errb.String())
			}
			if !strings.Contains(out.String(), tt.stdout) {
				t.Errorf("stdout %q lacks %q", out.String(), tt.stdout)
			}
			if !strings.Contains(errb.String(), tt.stderr) {
				t.Errorf("stderr %q lacks %q", errb.String(), tt.stderr)
			}
			if tt.code == 2 && !strings.Contains(errb.String(), "Usage:") {
				t.Errorf("a usage error must print the usage")
			}
		})
	}
}

// TestServe starts the real binary in serve mode on a temp data folder and
// talks to it over HTTP, the way a browser does.
func TestServe(t *testing.T) {
	if _, err := os.Stat("frontend/dist/index.html"); err != nil {
		t.Skip("frontend/dist is not built; 'make test' builds it before the Go tests")
	}
	bin := filepath.Join(t.TempDir(), "mopsdesk")
	build := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	data := filepath.Join(t.TempDir(), "data")
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--data", data)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve did not stop cleanly on interrupt: %v", err)
			}
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Error("serve did not stop within 10 s of an interrupt")
		}
	}()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("no start-up line: %v", err)
	}
	i := strings.Index(line, "http://")
	if i < 0 {
		t.Fatalf("start-up line has no URL: %q", line)
	}
	url := strings.Fields(line[i:])[0]

	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.Contains(page, []byte(`<div id="app">`)) {
		t.Fatalf("index page: %s", page)
	}
	resp, err = http.Post(url+"api/Workspace/About", "application/json", strings.NewReader("[]"))
	if err != nil {
		t.Fatal(err)
	}
	about, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.Contains(about, []byte(`"mode":"serve"`)) || !bytes.Contains(about, []byte(data)) {
		t.Fatalf("about: %s", about)
	}
	if _, err := os.Stat(filepath.Join(data, "mopsdesk.db")); err != nil {
		t.Fatalf("database not created in --data folder: %v", err)
	}
	if fi, err := os.Stat(filepath.Join(data, "assets")); err != nil || !fi.IsDir() {
		t.Fatalf("asset folder not created: %v", err)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "campaigns.xlsx")
	os.WriteFile(path, []byte("old workbook"), 0o644)
	err := writeFileAtomic(path, func(f *os.File) error {
		f.WriteString("half")
		return io.ErrUnexpectedEOF
	})
	if err == nil {
		t.Fatal("want the write error")
	}
	if b, _ := os.ReadFile(path); string(b) != "old workbook" {
		t.Fatalf("a failed export replaced the file: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary file left behind: %v", entries)
	}
	if err := writeFileAtomic(path, func(f *os.File) error { _, err := f.WriteString("new"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Fatalf("got %q", b)
	}
}

// TestApp_BoundMethods pins what the page can call on App: Wails binds
// every exported method, so lifecycle and clean-up must stay unexported.
func TestApp_BoundMethods(t *testing.T) {
	typ := reflect.TypeOf(&App{})
	var names []string
	for i := 0; i < typ.NumMethod(); i++ {
		names = append(names, typ.Method(i).Name)
	}
	if strings.Join(names, ",") != "AddAssetPaths,AddAssets,AddContractDocuments,Call,Cancel,ChooseImportFile,ConnectTeam,ConnectionState,ForgetWorkspace,LiveOrigin,OpenAsset,OpenDocument,ProbeHost,RetryConnection,SaveExport,SwitchWorkspace,Workspaces" {
		t.Fatalf("App binds %v; only the dispatcher, Cancel, the file dialogs, the window's live origin and the team workspaces are meant for the page", names)
	}
}

func TestImportCommand(t *testing.T) {
	data := t.TempDir()
	sample := filepath.Join("backend", "sheet", "testdata", "subscriptions-minimal.xlsx")
	var out, errOut bytes.Buffer
	if code := run([]string{"import", sample, "--dry-run", "--json", "--data", data}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var rep struct {
		Kind      string            `json:"kind"`
		Sheet     string            `json:"sheet"`
		HeaderRow int               `json:"headerRow"`
		Mapping   map[string]string `json:"mapping"`
		Create    int               `json:"create"`
		Update    int               `json:"update"`
		Skip      int               `json:"skip"`
		Problems  []struct {
			Sheet, Column, Value, Message string
			Row                           int
		} `json:"problems"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if rep.Kind != "contracts" || rep.Sheet != "Sheet1" || rep.HeaderRow != 1 || rep.Mapping["A"] != "product" || rep.Mapping["B"] != "renewalDate" ||
		rep.Create != 0 || rep.Skip != 5 || len(rep.Problems) != 2 || !strings.Contains(rep.Problems[0].Message, "No column holds team") {
		t.Fatalf("report %+v", rep)
	}
	out.Reset()
	if code := run([]string{"import", "--set", "team=Brand", "--set", "category=Software", "--json", "--data", data, sample}, &out, &errOut); code != 0 {
		t.Fatalf("import exit %d: %s", code, errOut.String())
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || rep.Create != 5 || len(rep.Problems) != 0 {
		t.Fatalf("import %+v %v", rep, err)
	}
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"import", filepath.Join(t.TempDir(), "missing.xlsx"), "--data", data}, 1},
		{[]string{"import", "main.go", "--data", data}, 1},
		{[]string{"import"}, 2},
		{[]string{"import", sample, "--kind", "nope"}, 2},
		{[]string{"import", sample, "--dates", "ymd"}, 2},
		{[]string{"import", sample, "--set", "color=red", "--kind", "spend"}, 2},
	} {
		if code := run(c.args, &out, &errOut); code != c.code {
			t.Errorf("%v: exit %d, want %d", c.args, code, c.code)
		}
	}
}

func TestReportCommand(t *testing.T) {
	data := t.TempDir()
	out := filepath.Join(t.TempDir(), "report.xlsx")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"report", "--from", "2026-01-01", "--to", "2026-03-31", "--out", out, "--data", data}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o644 {
		t.Errorf("the report was saved with mode %v, not as an ordinary document", fi.Mode().Perm())
	}
	if got := strings.Join(f.GetSheetList(), ","); got != "Summary,Budget,Campaigns,Results,Contracts,Licences" {
		t.Fatalf("sheets %s", got)
	}
	// The HTML report inlines the chart library the frontend build put
	// into the binary ("make test" builds the frontend first).
	page := filepath.Join(filepath.Dir(out), "report.html")
	if code := run([]string{"report", "--from", "2026-01-01", "--to", "2026-03-31", "--out", page, "--data", data}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	// The fonts HTML reports embed for Persian, Arabic and Thai came with it.
	if fonts := reportFonts(); len(fonts) != 4 || len(fonts[0].Data) < 1000 {
		t.Fatalf("report fonts: %d", len(fonts))
	}
	if !bytes.Contains(html, []byte("Licensed to the Apache Software Foundation")) && bytes.Contains(html, []byte("registerTheme")) || !bytes.Contains(html, []byte(`default-src 'none'`)) || len(html) < 500_000 {
		t.Fatalf("the HTML report (%d bytes) does not inline ECharts", len(html))
	}
	// In Persian: the words from the catalog, right to left.
	if code := run([]string{"report", "--from", "2026-01-01", "--to", "2026-03-31", "--out", out, "--lang", "fa", "--data", data}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	fa, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := fa.GetSheetList()[0]; got != "خلاصه" {
		t.Fatalf("the Persian report's first sheet is %q", got)
	}
	if v, _ := fa.GetSheetView("خلاصه", -1); v.RightToLeft == nil || !*v.RightToLeft {
		t.Fatal("the Persian report does not run right to left")
	}
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"report", "--from", "2026-01-01", "--to", "2026-03-31", "--out", "r.xlsx", "--lang", "de"}, 2},
		{[]string{"report", "--from", "2026-01-01", "--to", "2026-03-31", "--out", "r.pdf"}, 2},
		{[]string{"report", "--from", "2026-01-01"}, 2},
		{[]string{"report", "--from", "2026-03-31", "--to", "2026-01-01", "--out", out, "--data", data}, 2},
		{[]string{"report", "--from", "2026-02-30", "--to", "2026-03-31", "--out", out, "--data", data}, 2},
	} {
		if code := run(c.args, &stdout, &stderr); code != c.code {
			t.Errorf("%v: exit %d, want %d", c.args, code, c.code)
		}
	}
}

// The window's dispatcher calls the facades like serve mode, and Cancel
// stops a call named by its job: it ends with ECANCELED.
func TestApp_CallAndCancel(t *testing.T) {
	app, err := openApp(t.TempDir(), "desktop", slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer app.close()
	out, err := app.Call("Workspace.Today", json.RawMessage(`[]`), "")
	if err != nil || out == "" {
		t.Fatalf("today: %v, %v", out, err)
	}
	if _, err := app.Call("Workspace.Nothing", nil, ""); backend.ErrorCode(err) != backend.ENOTFOUND {
		t.Fatalf("unknown method: %v", err)
	}
	// A job cancelled while it runs: the context the call got is done.
	ctx, done := app.startJob("job-1")
	app.Cancel("job-1")
	<-ctx.Done()
	done()
	if _, err := app.Call("Campaigns.Find", json.RawMessage(`[{}]`), "job-2"); err != nil {
		t.Fatalf("a new job after a cancel: %v", err)
	}
}

// The native dialogs speak the workspace's language, from the catalogs;
// a word missing there is the English one, and a word missing in every
// catalog shows its key rather than an English literal.
func TestApp_DialogWordsInTheWorkspaceLanguage(t *testing.T) {
	app, err := openApp(t.TempDir(), "desktop", slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer app.close()
	app.dialogs = map[string]map[string]string{
		"en": {"dialog.add_assets": "Add to the asset library", "dialog.add_documents": "Add documents"},
		"fa": {"dialog.add_assets": "افزودن به کتابخانهٔ دارایی‌ها"},
	}
	st, err := app.api.Workspace.Settings(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	st.Language = "fa"
	if _, err := app.api.Workspace.UpdateSettings(t.Context(), *st); err != nil {
		t.Fatal(err)
	}
	words := app.dialogWords(t.Context())
	if got := words("dialog.add_assets"); got != "افزودن به کتابخانهٔ دارایی‌ها" {
		t.Fatalf("title %q", got)
	}
	if got := words("dialog.add_documents"); got != "Add documents" {
		t.Fatalf("fallback %q", got)
	}
	if got := words("dialog.filter_xlsx"); got != "dialog.filter_xlsx" {
		t.Fatalf("missing %q", got)
	}
}

// Progress goes to stderr only when it is a terminal: a pipe or a file
// (a script, a log) gets nothing extra.
func TestTerminalProgress_OnlyOnATerminal(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	ctx, end := withTerminalProgress(t.Context(), w)
	backend.ReportProgress(ctx, backend.Step{Unit: "rows", Done: 5, Total: 10})
	end()
	w.Close()
	if b, _ := io.ReadAll(r); len(b) != 0 {
		t.Fatalf("wrote %q to a pipe", b)
	}
	var buf bytes.Buffer
	ctx, end = withTerminalProgress(t.Context(), &buf)
	backend.ReportProgress(ctx, backend.Step{Unit: "rows", Done: 5, Total: 10})
	end()
	if buf.Len() != 0 {
		t.Fatalf("wrote %q to a buffer", buf.String())
	}
}
