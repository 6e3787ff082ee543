package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/backup"
)

// setupTeam is a team service for the host's tests: it has no admin yet,
// so it hands out a setup code, and it knows no session. The rest of the
// service is not needed here (nil: a call would fail the test).
type setupTeam struct{ backend.TeamService }

func (setupTeam) SetupCode(context.Context) (string, error) { return "QX7T-PLM4-W2", nil }
func (setupTeam) Authenticate(context.Context, string) (*backend.Actor, error) {
	return nil, backend.Errorf(backend.EUNAUTHORIZED, "No.")
}

// withTeam points the host at team for one test.
func withTeam(t *testing.T, team func(*App) (backend.TeamService, error)) {
	t.Helper()
	old := teamService
	teamService = team
	t.Cleanup(func() { teamService = old })
}

// startedHost is a host running in this process.
type startedHost struct {
	url, fingerprint string
	lines            []string
	stop             func() int
}

// startHost runs "mopsdesk host" with args until it printed its setup
// code; stop interrupts it and returns its exit code.
func startHost(t *testing.T, args ...string) *startedHost {
	t.Helper()
	withTeam(t, func(*App) (backend.TeamService, error) { return setupTeam{}, nil })
	ctx, cancel := context.WithCancel(t.Context())
	r, w := io.Pipe()
	var stderr strings.Builder
	exit := make(chan int, 1)
	go func() {
		code := runHost(ctx, args, newLogger(io.Discard), w, &stderr)
		w.Close()
		exit <- code
	}()
	h := &startedHost{}
	h.stop = func() int {
		cancel()
		go io.Copy(io.Discard, r)
		return <-exit
	}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		h.lines = append(h.lines, line)
		if i := strings.Index(line, "://"); i >= 0 && h.url == "" {
			h.url = strings.Fields(line[strings.LastIndex(line[:i], " ")+1:])[0]
		}
		if f, ok := strings.CutPrefix(line, "Certificate fingerprint (SHA-256): "); ok {
			h.fingerprint = f
		}
		if strings.Contains(line, "setup code") {
			return h
		}
	}
	code := <-exit
	t.Fatalf("the host stopped (exit %d) before it printed its setup code: %q\n%s", code, h.lines, stderr.String())
	return nil
}

// pinnedClient trusts exactly the certificate with fingerprint, the way
// the desktop app pins a host's own certificate.
func pinnedClient(fingerprint string) *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{
		InsecureSkipVerify: true, // replaced by the pin below
		VerifyConnection: func(cs tls.ConnectionState) error {
			if got := certFingerprint(cs.PeerCertificates[0].Raw); got != fingerprint {
				return fmt.Errorf("certificate %s, pinned %s", got, fingerprint)
			}
			return nil
		},
	}}}
}

// A host on loopback makes its own certificate in its data folder on
// first start, prints its fingerprint and the setup code, and answers
// HTTPS only (TLS 1.2 at least) with HSTS, refusing other sites' pages;
// a second start keeps the certificate.
func TestHost_ServesHTTPSWithItsOwnCertificate(t *testing.T) {
	data := t.TempDir()
	h := startHost(t, "--addr", "127.0.0.1:0", "--data", data)
	if out := strings.Join(h.lines, "\n"); !strings.Contains(out, "QX7T-PLM4-W2") || !strings.Contains(out, "made this certificate") {
		t.Errorf("no setup code, or not said that the certificate is new: %q", h.lines)
	}
	checkOwnCert(t, data, h.fingerprint)

	client := pinnedClient(h.fingerprint)
	resp, err := client.Get(h.url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Strict-Transport-Security"), "max-age=") {
		t.Fatalf("page: %d, HSTS %q", resp.StatusCode, resp.Header.Get("Strict-Transport-Security"))
	}
	req, _ := http.NewRequest(http.MethodPost, h.url+"api/Campaigns/Find", strings.NewReader(`[{}]`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", "https://evil.example")
	resp, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("another site's call: %d", resp.StatusCode)
	}
	// Plain HTTP to the HTTPS port gets no page and no cookie.
	plain := strings.Replace(h.url, "https://", "http://", 1)
	resp, err = http.Post(plain+"auth/signin", "application/json", strings.NewReader(`{"login":"dana","password":"x"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest || len(resp.Cookies()) > 0 {
		t.Fatalf("plain HTTP: %d, cookies %v", resp.StatusCode, resp.Cookies())
	}
	old := pinnedClient(h.fingerprint)
	old.Transport.(*http.Transport).TLSClientConfig.MaxVersion = tls.VersionTLS11
	if resp, err := old.Get(h.url); err == nil {
		resp.Body.Close()
		t.Fatal("a TLS 1.1 client was served")
	}
	// Another certificate is refused by the pin: the check can fail.
	if resp, err := pinnedClient(strings.Repeat("00:", 31) + "00").Get(h.url); err == nil {
		resp.Body.Close()
		t.Fatal("the pinned client accepted another certificate")
	}
	if code := h.stop(); code != 0 {
		t.Fatalf("exit %d after an interrupt", code)
	}

	again := startHost(t, "--addr", "127.0.0.1:0", "--data", data)
	defer again.stop()
	if again.fingerprint != h.fingerprint {
		t.Fatalf("the second start made a new certificate: %s, was %s", again.fingerprint, h.fingerprint)
	}
	if strings.Contains(strings.Join(again.lines, "\n"), "made this certificate") {
		t.Errorf("the second start says it made the certificate: %q", again.lines)
	}
}

// checkOwnCert checks the certificate a host made in data: printed with
// its fingerprint, ECDSA, valid 825 days, for this machine's loopback
// names, its key private.
func checkOwnCert(t *testing.T, data, fingerprint string) {
	t.Helper()
	pemBytes, err := os.ReadFile(filepath.Join(data, hostCertFile))
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(pemBytes)
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(cert.Raw)
	if want := strings.ToUpper(strings.Join(hexPairs(sum[:]), ":")); fingerprint != want {
		t.Fatalf("printed fingerprint %q, the certificate's is %q", fingerprint, want)
	}
	if _, ok := cert.PublicKey.(*ecdsa.PublicKey); !ok || cert.NotAfter.Sub(cert.NotBefore) < 825*24*time.Hour || cert.NotAfter.Sub(cert.NotBefore) > 826*24*time.Hour {
		t.Errorf("certificate: key %T, valid %v", cert.PublicKey, cert.NotAfter.Sub(cert.NotBefore))
	}
	for _, name := range []string{"localhost", "127.0.0.1", "::1"} {
		if err := cert.VerifyHostname(name); err != nil {
			t.Errorf("the certificate does not name %s: %v", name, err)
		}
	}
	if fi, err := os.Stat(filepath.Join(data, hostKeyFile)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", fi.Mode(), err)
	}
}

func hexPairs(b []byte) []string {
	out := make([]string, len(b))
	for i, c := range b {
		out[i] = fmt.Sprintf("%02x", c)
	}
	return out
}

// The user's own certificate is served, and its fingerprint printed.
func TestHost_UsesTheGivenCertificate(t *testing.T) {
	dir := t.TempDir()
	certPEM, keyPEM, err := makeCert([]string{"team.example", "127.0.0.1"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "team.pem"), certPEM, 0o644)
	os.WriteFile(filepath.Join(dir, "team.key"), keyPEM, 0o600)
	data := filepath.Join(dir, "data")
	h := startHost(t, "--addr", "127.0.0.1:0", "--data", data, "--tls-cert", filepath.Join(dir, "team.pem"), "--tls-key", filepath.Join(dir, "team.key"))
	defer h.stop()
	block, _ := pem.Decode(certPEM)
	if h.fingerprint != certFingerprint(block.Bytes) {
		t.Fatalf("fingerprint %s", h.fingerprint)
	}
	if _, err := os.Stat(filepath.Join(data, hostCertFile)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the host made its own certificate beside the given one: %v", err)
	}
	resp, err := pinnedClient(h.fingerprint).Get(h.url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

// Without a team store the host does not start: nobody could sign in,
// or everybody could.
func TestHost_RefusesToStartWithoutATeamStore(t *testing.T) {
	withTeam(t, nil)
	var out, errb strings.Builder
	if code := runHost(t.Context(), []string{"--addr", "127.0.0.1:0", "--data", t.TempDir()}, newLogger(io.Discard), &out, &errb); code != 1 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "no store for team accounts") {
		t.Fatalf("stderr %q", errb.String())
	}
}

// Moving in: a host started from a local workspace's backup holds its
// campaigns; a data folder that is not empty is never overwritten.
func TestHost_FromBackup(t *testing.T) {
	local, err := openApp(t.TempDir(), "import", newLogger(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := local.calls.Call(t.Context(), "Campaigns.Create", json.RawMessage(`[{"name":"Spring launch","status":"planned","startDate":"2026-03-01","endDate":"2026-03-31","budget":{"currency":"EUR"}}]`)); err != nil {
		t.Fatal(err)
	}
	zip := filepath.Join(t.TempDir(), "local.zip")
	if _, err := backup.Write(t.Context(), local.backups.Src, zip); err != nil {
		t.Fatal(err)
	}
	local.close()

	data := filepath.Join(t.TempDir(), "team")
	h := startHost(t, "--addr", "127.0.0.1:0", "--data", data, "--from-backup", zip)
	if !strings.HasPrefix(h.lines[0], "Restored the workspace into "+data) {
		t.Errorf("first line %q", h.lines[0])
	}
	if code := h.stop(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	team, err := openApp(data, "cli", newLogger(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	found, err := team.calls.Call(t.Context(), "Campaigns.Find", json.RawMessage(`[{}]`))
	team.close()
	if b, _ := json.Marshal(found); err != nil || !strings.Contains(string(b), "Spring launch") {
		t.Fatalf("the host's workspace: %s %v", b, err)
	}

	withTeam(t, func(*App) (backend.TeamService, error) { return setupTeam{}, nil })
	var out, errb strings.Builder
	if code := runHost(t.Context(), []string{"--addr", "127.0.0.1:0", "--data", data, "--from-backup", zip}, newLogger(io.Discard), &out, &errb); code != 1 {
		t.Fatalf("a second restore into the same folder: exit %d", code)
	}
	if !strings.Contains(errb.String(), "restores into an empty data folder") {
		t.Fatalf("stderr %q", errb.String())
	}
}

// Behind a TLS-terminating proxy on the same machine (--plain-http, on
// loopback only) the host takes the browser's page as https: its own
// https origin is served, a plain-http page on the same name is another
// origin and refused, and browsers are still told to keep to HTTPS.
func TestHost_PlainHTTPBehindALocalProxy(t *testing.T) {
	data := t.TempDir()
	h := startHost(t, "--addr", "127.0.0.1:0", "--data", data, "--plain-http")
	defer h.stop()
	if !strings.HasPrefix(h.url, "http://127.0.0.1:") || h.fingerprint != "" {
		t.Fatalf("url %q, fingerprint %q", h.url, h.fingerprint)
	}
	if _, err := os.Stat(filepath.Join(data, hostCertFile)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a host behind a proxy made a certificate: %v", err)
	}
	call := func(origin string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, h.url+"api/Campaigns/Find", strings.NewReader(`[{}]`))
		req.Host = "team.example"
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Origin", origin)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	if resp, body := call("https://team.example"); strings.Contains(body, "another web site") || resp.Header.Get("Strict-Transport-Security") == "" {
		t.Fatalf("the proxied page: %d %s, HSTS %q", resp.StatusCode, body, resp.Header.Get("Strict-Transport-Security"))
	}
	if resp, body := call("http://team.example"); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("a plain-http page: %d %s", resp.StatusCode, body)
	}
}

// The host keeps its certificate until it expires, then makes a new one;
// a kept one that cannot be read stops the start instead of being
// replaced behind the backs of the apps that pinned it.
func TestOwnCert_KeepsRenewsRefuses(t *testing.T) {
	dir, now := t.TempDir(), time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	names := []string{"server", "localhost", "127.0.0.1"}
	first, err := ownCert(dir, names, now)
	if err != nil || !first.Made {
		t.Fatalf("first start: %+v %v", first, err)
	}
	kept, err := ownCert(dir, names, now.AddDate(2, 0, 0))
	if err != nil || kept.Made || kept.Fingerprint != first.Fingerprint {
		t.Fatalf("two years later: %+v %v", kept, err)
	}
	renewed, err := ownCert(dir, names, now.Add(certValidity+time.Hour))
	if err != nil || !renewed.Made || renewed.Fingerprint == first.Fingerprint {
		t.Fatalf("after it expired: %+v %v", renewed, err)
	}
	path := filepath.Join(dir, hostCertFile)
	os.WriteFile(path, []byte("not a certificate"), 0o644)
	if _, err := ownCert(dir, names, now); err == nil || !strings.Contains(err.Error(), "cannot be read") {
		t.Fatalf("a damaged certificate: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "not a certificate" {
		t.Fatal("the damaged certificate was replaced")
	}
}

// The host's own certificate names the machine, loopback, the address
// it was told to listen on, and every network address it has now.
func TestCertNames(t *testing.T) {
	names := certNames("0.0.0.0")
	hostname, _ := os.Hostname()
	want := []string{hostname, "localhost", "127.0.0.1", "::1"}
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && !n.IP.IsLinkLocalUnicast() {
			want = append(want, n.IP.String())
		}
	}
	for _, w := range want {
		if !slices.Contains(names, w) {
			t.Errorf("%q lacks %s", names, w)
		}
	}
	if slices.Contains(names, "0.0.0.0") || !slices.Contains(certNames("team.example"), "team.example") {
		t.Errorf("listen address: %q, %q", names, certNames("team.example"))
	}
}
