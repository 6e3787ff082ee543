// Command mopsdesk is MOps Desk: the desktop app for marketing operations,
// and the same app served to a browser with "mopsdesk serve".
package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"mopsdesk/backend/datadir"
	"mopsdesk/backend/httpapi"
)

//go:embed all:frontend/dist
var assets embed.FS

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

const defaultAddr = "127.0.0.1:8420"

const usage = `MOps Desk keeps a marketing team's campaigns in one local workspace.

Usage:
  mopsdesk [--data DIR]                      open the desktop window
  mopsdesk serve [--addr HOST:PORT] [--data DIR]
                                             serve the app to a browser on this machine
  mopsdesk host [--addr HOST:PORT] [--data DIR] [--tls-cert FILE --tls-key FILE]
                [--from-backup FILE.zip] [--plain-http]
                                             host a team workspace over HTTPS for the
                                             network: everyone signs in, with a role
  mopsdesk import FILE [--kind KIND] [--sheet NAME|all]... [--dates dmy|mdy] [--year YYYY]
                 [--map COLUMN=FIELD]... [--ignore COLUMN]... [--set FIELD=VALUE]...
                 [--dry-run] [--json] [--data DIR]
                                             import a spreadsheet (.xlsx, .xlsm, .csv)
  mopsdesk report --from DATE --to DATE --out FILE.xlsx|FILE.html [--lang LANG] [--data DIR]
                                             write the executive report for a period
  mopsdesk backup [--out FILE.zip] [--data DIR]
                                             back up the workspace into one file (also while
                                             the app runs); without --out, into the backup folder
  mopsdesk restore FILE.zip [--data DIR]     replace the workspace with a backup (the app must
                                             be closed; the current state is backed up first)
  mopsdesk connect ADDRESS --fingerprint FP (--invite CODE --name NAME --login LOGIN | --login LOGIN)
                                             sign this computer's app in on a team host (the
                                             password is read from standard input)
  mopsdesk version                           print the version
  mopsdesk help                              print this help

Flags:
  --data DIR        workspace folder (default: $` + datadir.EnvVar + `, else the platform's
                    data folder, ~/.local/share/mopsdesk on Linux)
  --addr HOST:PORT  serve mode's address, loopback only (default ` + defaultAddr + `);
                    the host's address (default ` + defaultHostAddr + `: every interface)
  --tls-cert FILE   the host's certificate (PEM, with its chain), with
  --tls-key FILE    its key; without them the host makes its own on first
                    start, keeps it in the data folder, and prints its
                    SHA-256 fingerprint for people to compare when they connect
  --from-backup FILE.zip
                    restore a backup into an empty --data folder, then host it
  --plain-http      the host speaks plain HTTP: allowed on a loopback --addr
                    only, for a proxy on this machine that terminates TLS
                    (and passes the Host header on); never on the network
  --kind KIND       what the file holds: campaigns, deliverables, budget, spend,
                    vendors, contracts or assets (default: guessed from the headers)
  --sheet NAME      the sheet to read (default: the one that fits the kind best);
                    repeat it for several sheets, or give all (--json then
                    prints a list, one report per sheet)
  --dates ORDER     how the file writes dates like 03/01/2025: dmy or mdy
                    (asked only when the file itself does not settle it)
  --year YYYY       the year of a calendar grid that names its months but no year
  --map COLUMN=FIELD  read COLUMN (a letter, or its header) into FIELD
                    (--map D=renewalDate, --map "Term End"=renewalDate)
  --ignore COLUMN   leave COLUMN (a letter, or its header) out
  --set FIELD=VALUE one value for a field in every row (--set team=Brand);
                    it replaces a column mapped to that field
  --dry-run         report what the import would do, change nothing
  --json            print the report as one JSON object
  --lang LANG       the report's language: en, fa, ar, pl, tr or th
                    (default: the workspace's, chosen in Settings)

Import exits 0 when the file was read, even if some rows have problems
(those rows are left out and listed); 1 when nothing could be imported:
the file is empty, protected, in a format MOps Desk does not read, or has
no row of column names (the message shows what it found), or a field no
column holds must be chosen first; 2 when the command line is wrong.

Environment:
  ` + datadir.EnvVar + `     workspace folder, when --data is not given
  MOPSDESK_LOG      log level: debug, info (default), warn or error
`

func main() {
	if len(os.Args) > 1 {
		attachConsole()
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit code: 0 on success,
// 1 when the command failed, 2 when the command line itself is wrong.
func run(args []string, stdout, stderr io.Writer) int {
	log := newLogger(stderr)
	verb := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		verb, args = args[0], args[1:]
	}
	switch verb {
	case "":
		fl := newFlags("mopsdesk", stderr)
		data := fl.String("data", "", "")
		if err := fl.Parse(args); err != nil {
			return usageError(stderr, err)
		}
		if fl.NArg() > 0 {
			return usageError(stderr, fmt.Errorf("unknown command %q", fl.Arg(0)))
		}
		return runDesktop(*data, log, stderr)
	case "serve":
		fl := newFlags("mopsdesk serve", stderr)
		data := fl.String("data", "", "")
		addr := fl.String("addr", defaultAddr, "")
		if err := fl.Parse(args); err != nil {
			return usageError(stderr, err)
		}
		if fl.NArg() > 0 {
			return usageError(stderr, fmt.Errorf("serve takes no arguments, got %q", fl.Arg(0)))
		}
		if err := httpapi.CheckAddr(*addr); err != nil {
			return usageError(stderr, err)
		}
		return runServe(*addr, *data, log, stdout, stderr)
	case "host":
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		return runHost(ctx, args, log, stdout, stderr)
	case "import":
		return runImport(args, log, stdout, stderr)
	case "report":
		return runReport(args, log, stdout, stderr)
	case "backup":
		return runBackup(args, log, stdout, stderr)
	case "restore":
		return runRestore(args, log, stdout, stderr)
	case "connect":
		return runConnect(args, log, os.Stdin, stdout, stderr)
	case "version":
		if len(args) > 0 {
			return usageError(stderr, fmt.Errorf("version takes no arguments"))
		}
		fmt.Fprintf(stdout, "mopsdesk %s\n", version)
		return 0
	case "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		return usageError(stderr, fmt.Errorf("unknown command %q", verb))
	}
}

// newFlags returns a flag set that reports errors to run, not by exiting.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	return fl
}

func usageError(stderr io.Writer, err error) int {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stderr, usage)
		return 2
	}
	fmt.Fprintf(stderr, "mopsdesk: %v\n\n%s", err, usage)
	return 2
}

func newLogger(w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(os.Getenv("MOPSDESK_LOG"))); err != nil {
		level = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

func runServe(addr, data string, log *slog.Logger, stdout, stderr io.Writer) int {
	app, dist, ok := openServed(data, "serve", log, stderr)
	if !ok {
		return 1
	}
	defer app.close()
	handler, err := httpapi.New(app.api, dist, log, httpapi.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "mopsdesk: %v\n", err)
		return 1
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "mopsdesk: %v\n", err)
		return 1
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "MOps Desk is serving on http://%s/ (data: %s). Press Ctrl+C to stop.\n", ln.Addr(), app.layout.Dir)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveUntil(ctx, srv, func() error { return srv.Serve(ln) }, log, stderr)
}

// openServed opens the workspace in data for serving it (mode "serve" or
// "host": the data folder's lock, the database check and the automatic
// backups, as in the window) with the embedded frontend. It reports the
// failure to stderr and returns ok false when it cannot.
func openServed(data, mode string, log *slog.Logger, stderr io.Writer) (app *App, dist fs.FS, ok bool) {
	dist, err := frontend(log)
	if err != nil {
		fmt.Fprintf(stderr, "mopsdesk: %v\n", err)
		return nil, nil, false
	}
	app, err = openApp(data, mode, log)
	if err != nil {
		fmt.Fprintf(stderr, "mopsdesk: %s\n", startupText(err))
		return nil, nil, false
	}
	app.startBackground()
	return app, dist, true
}

// serveUntil runs serve (srv's Serve or ServeTLS on its listener) until
// ctx ends (an interrupt or SIGTERM), then shuts srv down gracefully: the
// calls under way get five seconds to finish. It returns the exit code.
func serveUntil(ctx context.Context, srv *http.Server, serve func() error, log *slog.Logger, stderr io.Writer) int {
	errc := make(chan error, 1)
	go func() { errc <- serve() }()
	select {
	case err := <-errc:
		fmt.Fprintf(stderr, "mopsdesk: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Warn("shutdown", "err", err)
	}
	return 0
}
