package httpapi_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/httpapi"
	"mopsdesk/backend/sqlite"
	"mopsdesk/backend/workspace"
)

// policyTeam is a team service that knows nobody: enough for the host's
// request policy, which is checked before anyone signs in. The rest of
// the service is not needed here (nil: a call would fail the test).
type policyTeam struct{ backend.TeamService }

func (policyTeam) SetupCode(context.Context) (string, error) { return "", nil }
func (policyTeam) Authenticate(context.Context, string) (*backend.Actor, error) {
	return nil, backend.Errorf(backend.EUNAUTHORIZED, "No.")
}

// newHostServer is a team host's handler over a fresh workspace, served
// in plain HTTP the way a TLS-terminating proxy on the same machine
// reaches it (tls, when true, serves it over HTTPS itself).
func newHostServer(t *testing.T, tls bool) *httptest.Server {
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
	services.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	dist := fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>MOps Desk</title>")}}
	s, err := httpapi.New(api.New(services), dist, services.Log, httpapi.Options{Team: policyTeam{}, Secure: true})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(s)
	if tls {
		srv.StartTLS()
	} else {
		srv.Start()
	}
	t.Cleanup(srv.Close)
	return srv
}

// A host answers to whatever name the team reaches it by, tells browsers
// to keep to HTTPS and keeps the page's CSP; it still refuses requests
// that another web site's page sends, including a plain-HTTP page on the
// host's own name (another origin than the https one).
func TestHost_RequestPolicy(t *testing.T) {
	for _, tls := range []bool{false, true} {
		srv := newHostServer(t, tls)
		client := srv.Client()
		send := func(method, path, host, origin string) (*http.Response, string) {
			t.Helper()
			req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(`[]`))
			req.Host = host
			req.Header.Set("Content-Type", "application/json")
			if origin != "" {
				req.Header.Set("Origin", origin)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return resp, string(b)
		}
		resp, body := send(http.MethodGet, "/", "team.example:8443", "")
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, "MOps Desk") {
			t.Fatalf("tls=%v: the page by the host's name: %d %s", tls, resp.StatusCode, body)
		}
		if got := resp.Header.Get("Strict-Transport-Security"); !strings.HasPrefix(got, "max-age=") {
			t.Errorf("tls=%v: HSTS %q", tls, got)
		}
		if got := resp.Header.Get("Content-Security-Policy"); !strings.Contains(got, "default-src 'self'") || !strings.Contains(got, "frame-ancestors 'none'") {
			t.Errorf("tls=%v: CSP %q", tls, got)
		}
		for _, origin := range []string{"https://evil.example", "http://team.example:8443", "https://team.example:9443", "null"} {
			resp, body := send(http.MethodPost, "/api/Campaigns/Find", "team.example:8443", origin)
			if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "another web site") {
				t.Errorf("tls=%v: Origin %s: %d %s", tls, origin, resp.StatusCode, body)
			}
			if !strings.Contains(body, "https://team.example:8443/") {
				t.Errorf("tls=%v: the refusal does not name the host's address: %s", tls, body)
			}
		}
		resp, body = send(http.MethodPost, "/api/Campaigns/Find", "team.example:8443", "https://team.example:8443")
		if strings.Contains(body, "another web site") {
			t.Errorf("tls=%v: the host's own page was refused: %d %s", tls, resp.StatusCode, body)
		}
	}
}

// Serve mode keeps its loopback-only Host check and sends no HSTS: it is
// plain HTTP on this machine.
func TestServe_NoHSTSAndLoopbackOnly(t *testing.T) {
	srv := newServer(t)
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Strict-Transport-Security") != "" {
		t.Fatalf("serve mode: %d, HSTS %q", resp.StatusCode, resp.Header.Get("Strict-Transport-Security"))
	}
	req.Host = "team.example"
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Fatalf("serve mode answered another host name: %d", resp.StatusCode)
	}
}
