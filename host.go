package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/backup"
	"mopsdesk/backend/datadir"
	"mopsdesk/backend/httpapi"
	"mopsdesk/backend/sqlite"
)

// defaultHostAddr is where a host listens unless told otherwise: every
// interface, so that the team reaches it over the network.
const defaultHostAddr = ":8443"

// teamService opens the members, invites and sessions of the workspace a
// host serves (the team store in backend/sqlite). A host cannot start
// without one: with none, anyone on the network would be the workspace's
// owner.
var teamService = func(a *App) (backend.TeamService, error) {
	if a.svc.Team == nil {
		return nil, errors.New("the workspace opened without its team store")
	}
	return a.svc.Team, nil
}

// hostFlags is a host's command line.
type hostFlags struct {
	addr, data      string
	tlsCert, tlsKey string
	plainHTTP       bool
	fromBackup      string
	// listenHost is --addr's host: "" for every interface.
	listenHost string
}

// parseHostFlags reads the host's command line and refuses what would
// expose the workspace: plain HTTP anywhere but on loopback, half a
// certificate.
func parseHostFlags(args []string, stderr io.Writer) (*hostFlags, error) {
	fl := newFlags("mopsdesk host", stderr)
	h := &hostFlags{}
	fl.StringVar(&h.data, "data", "", "")
	fl.StringVar(&h.addr, "addr", defaultHostAddr, "")
	fl.StringVar(&h.tlsCert, "tls-cert", "", "")
	fl.StringVar(&h.tlsKey, "tls-key", "", "")
	fl.BoolVar(&h.plainHTTP, "plain-http", false, "")
	fl.StringVar(&h.fromBackup, "from-backup", "", "")
	if err := fl.Parse(args); err != nil {
		return nil, err
	}
	if fl.NArg() > 0 {
		return nil, fmt.Errorf("host takes no arguments, got %q", fl.Arg(0))
	}
	host, port, err := net.SplitHostPort(h.addr)
	if err != nil || port == "" {
		return nil, fmt.Errorf("--addr %q: want HOST:PORT or :PORT, for example :8443 or 192.168.1.10:8443", h.addr)
	}
	h.listenHost = host
	if (h.tlsCert == "") != (h.tlsKey == "") {
		return nil, errors.New("--tls-cert and --tls-key go together: give the certificate and its key")
	}
	if h.plainHTTP {
		if httpapi.CheckAddr(h.addr) != nil {
			return nil, fmt.Errorf("--plain-http: a host speaks plain HTTP on a loopback address only (127.0.0.1, ::1 or localhost), for a TLS-terminating proxy on the same machine; on %q it speaks HTTPS", h.addr)
		}
		if h.tlsCert != "" {
			return nil, errors.New("--plain-http and --tls-cert exclude each other: the proxy in front holds the certificate")
		}
	}
	return h, nil
}

// runHost serves one team workspace over HTTPS until ctx ends: every
// call needs a signed-in person, whose role is checked.
func runHost(ctx context.Context, args []string, log *slog.Logger, stdout, stderr io.Writer) int {
	h, err := parseHostFlags(args, stderr)
	if err != nil {
		return usageError(stderr, err)
	}
	// Everything that fails here stops the host from starting: the words
	// the user needs to fix it (a folder, a certificate), not an apology.
	fail := func(err error) int {
		fmt.Fprintf(stderr, "mopsdesk: %s\n", startupText(err))
		return 1
	}
	if teamService == nil {
		return fail(errors.New("this build of MOps Desk has no store for team accounts, so it cannot host a team workspace"))
	}
	if h.fromBackup != "" {
		if err := restoreIntoEmpty(h.data, h.fromBackup, log, stdout); err != nil {
			return fail(err)
		}
	}
	app, dist, ok := openServed(h.data, "host", log, stderr)
	if !ok {
		return 1
	}
	defer app.close()
	team, err := teamService(app)
	if err != nil {
		return fail(err)
	}
	var cert *hostCert
	switch {
	case h.plainHTTP:
	case h.tlsCert != "":
		cert, err = loadCert(h.tlsCert, h.tlsKey)
	default:
		cert, err = ownCert(app.layout.Dir, certNames(h.listenHost), time.Now())
	}
	if err != nil {
		return fail(err)
	}
	handler, err := httpapi.New(app.api, dist, log, httpapi.Options{Team: team, Secure: true})
	if err != nil {
		return fail(err)
	}
	ln, err := net.Listen("tcp", h.addr)
	if err != nil {
		return fail(err)
	}
	srv := hostServer(handler, cert, log)
	url := "https://" + publicAddr(h.listenHost, ln.Addr()) + "/"
	if cert != nil {
		fmt.Fprintf(stdout, "MOps Desk is hosting the team workspace on %s (data: %s). Press Ctrl+C to stop.\n", url, app.layout.Dir)
		fmt.Fprintf(stdout, "Certificate fingerprint (SHA-256): %s\n", cert.Fingerprint)
		if cert.Made {
			fmt.Fprintf(stdout, "The host made this certificate and keeps it in %s; the desktop app shows the fingerprint above when it connects: compare them.\n", cert.Path)
		}
	} else {
		url = "the proxy's https address"
		fmt.Fprintf(stdout, "MOps Desk is hosting the team workspace on http://%s/ for a TLS-terminating proxy on this machine; the team opens the proxy's https address (data: %s). Press Ctrl+C to stop.\n", ln.Addr(), app.layout.Dir)
	}
	code, err := team.SetupCode(ctx)
	if err != nil {
		ln.Close()
		return fail(err)
	}
	if code != "" {
		fmt.Fprintf(stdout, "No admin yet. Open %s and enter this one-time setup code to become the first admin: %s\n", url, code)
	}
	serve := func() error { return srv.ServeTLS(ln, "", "") }
	if cert == nil {
		serve = func() error { return srv.Serve(ln) }
	}
	return serveUntil(ctx, srv, serve, log, stderr)
}

// hostServer is the host's HTTP server: TLS 1.2 at least, and limits on
// slow or oversized request headers. There is no write or whole-request
// timeout: the event stream stays open, and uploads and downloads of
// large files take as long as the network needs.
func hostServer(handler http.Handler, cert *hostCert, log *slog.Logger) *http.Server {
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	if cert != nil {
		srv.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert.cert}}
	}
	return srv
}

// publicAddr is the address to print for a listener: the machine's host
// name when it listens on every interface.
func publicAddr(listenHost string, addr net.Addr) string {
	_, port, _ := net.SplitHostPort(addr.String())
	host := listenHost
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		if name, err := os.Hostname(); err == nil && name != "" {
			host = name
		} else {
			host = "localhost"
		}
	}
	return net.JoinHostPort(host, port)
}

// restoreIntoEmpty restores the backup file into the data folder data,
// which must be empty or not exist yet: moving a local workspace into a
// host never replaces another workspace.
func restoreIntoEmpty(data, file string, log *slog.Logger, stdout io.Writer) error {
	file, err := filepath.Abs(file)
	if err != nil {
		return err
	}
	if _, err := os.Stat(file); err != nil {
		return fmt.Errorf("the backup %s cannot be opened: %w", file, err)
	}
	dir, err := datadir.Resolve(data, os.Getenv)
	if err != nil {
		return err
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("--from-backup restores into an empty data folder, and %s is not empty. To host the workspace already there, leave out --from-backup; to restore the backup, name a new or empty folder with --data", dir)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	// Checked before the folder is made, so that a damaged backup leaves
	// nothing behind to refuse the next attempt.
	if _, err := backup.Verify(file, sqlite.KnownMigrations()); err != nil {
		return err
	}
	layout, err := datadir.Prepare(dir)
	if err != nil {
		return err
	}
	lock, err := datadir.Acquire(layout.Dir, "host", time.Now())
	if err != nil {
		return err
	}
	defer lock.Release()
	_, m, err := restoreWorkspace(layout, file, log)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Restored the workspace into %s from %s (made %s by MOps Desk %s).\n", layout.Dir, file, m.CreatedAt, m.AppVersion)
	return nil
}
