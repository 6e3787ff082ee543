// Command load puts a team host under the load of a team at work: it
// starts `mopsdesk host` on loopback with its own certificate, signs in
// twenty people, and for five minutes has them read and write — ten
// writes a second, many of them deliberately conflicting edits of the
// same campaigns. It prints each call's p50/p95/p99 latency as bench JSON
// lines, then checks that no update was lost (every save either won or
// got a conflict, and every won save is in the record) and that the audit
// log holds exactly one entry per committed change.
//
//	go run -tags sqlite_fts5 ./bench/load -bin build/bin/mopsdesk [-duration 5m] [-clients 20] [-writes 10]
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"time"
)

func main() {
	bin := flag.String("bin", "build/bin/mopsdesk", "the mopsdesk binary")
	duration := flag.Duration("duration", 5*time.Minute, "how long the team works")
	clients := flag.Int("clients", 20, "signed-in people")
	writes := flag.Int("writes", 10, "writes per second, all clients together")
	flag.Parse()
	if err := run(*bin, *duration, *clients, *writes); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

func run(bin string, duration time.Duration, clients, writes int) error {
	dir, err := os.MkdirTemp("", "mopsdesk-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	cmd := exec.Command(bin, "host", "--addr", addr, "--data", dir)
	cmd.Env = append(os.Environ(), "MOPSDESK_LOG=warn")
	code, fingerprint, err := startHost(cmd)
	if err != nil {
		return err
	}
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()

	ctx := context.Background()
	lat := &latencies{}
	base := "https://" + addr
	team, err := signInTeam(ctx, base, fingerprint, code, clients, lat)
	if err != nil {
		return err
	}
	w := &workload{team: team}
	if err := w.seed(ctx); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	lat.by = nil // the setup's calls are not the team's work
	fmt.Fprintf(os.Stderr, "load: %d people, %d writes/s for %s against %s\n", clients, writes, duration, base)
	w.run(ctx, duration, writes)
	report(lat, w, duration)
	return w.check(ctx)
}

// freeAddr returns a loopback address with a port nothing listens on.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

var (
	setupRe       = regexp.MustCompile(`(?i)setup code.*?:\s*([0-9A-Z]{4}(?:-[0-9A-Z]{4})+)`)
	fingerprintRe = regexp.MustCompile(`(?i)([0-9A-F]{2}(?::[0-9A-F]{2}){31})`)
)

// startHost starts the host and reads its setup code and certificate
// fingerprint from what it prints, then waits until it answers.
func startHost(cmd *exec.Cmd) (code, fingerprint string, err error) {
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", "", err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return "", "", err
	}
	lines := bufio.NewScanner(out)
	deadline := time.After(60 * time.Second)
	found := make(chan struct{})
	go func() {
		for lines.Scan() {
			l := lines.Text()
			if m := setupRe.FindStringSubmatch(l); m != nil && code == "" {
				code = m[1]
			}
			if m := fingerprintRe.FindStringSubmatch(l); m != nil && fingerprint == "" {
				fingerprint = m[1]
			}
			if code != "" && fingerprint != "" {
				close(found)
				for lines.Scan() {
				}
				return
			}
		}
	}()
	select {
	case <-found:
		return code, fingerprint, nil
	case <-deadline:
		cmd.Process.Kill()
		return "", "", fmt.Errorf("the host printed no setup code and fingerprint within a minute")
	}
}

// report prints each call's latency percentiles as bench JSON lines.
func report(lat *latencies, w *workload, duration time.Duration) {
	labels := make([]string, 0, len(lat.by))
	for l := range lat.by {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	enc := json.NewEncoder(os.Stdout)
	for _, l := range labels {
		d := lat.by[l]
		sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
		pct := func(p float64) float64 { return float64(d[int(p*float64(len(d)-1))].Microseconds()) / 1000 }
		enc.Encode(map[string]any{"what": "host " + l + " p95", "value": pct(0.95), "unit": "ms", "goal": "< 100 ms",
			"peer": fmt.Sprintf("p50 %.1f ms, p99 %.1f ms, %d calls", pct(0.5), pct(0.99), len(d))})
	}
	enc.Encode(map[string]any{"what": "host writes committed", "value": w.saved.Load(), "unit": "saves",
		"peer": fmt.Sprintf("%d conflicts, %d errors in %s", w.conflicts.Load(), w.errors.Load(), duration)})
}
