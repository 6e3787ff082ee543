package main

import (
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"testing"
)

// TestSmokeHost is the team host the desktop smoke test connects the
// window to while `mopsdesk host` is not in this build: the test host of
// these tests as a process of its own. It runs only when asked:
//
//	go test -c -tags sqlite_fts5 -o testhost .
//	./testhost -test.run '^TestSmokeHost$' -- --addr 127.0.0.1:PORT --data DIR
//
// Like a host, it keeps its certificate in the data folder (a new folder,
// a new certificate), prints its fingerprint and a one-time setup code,
// and serves until it is stopped.
func TestSmokeHost(t *testing.T) {
	fl := flag.NewFlagSet("testhost", flag.ContinueOnError)
	addr := fl.String("addr", "", "")
	data := fl.String("data", "", "")
	if err := fl.Parse(flag.Args()); err != nil || *addr == "" || *data == "" {
		t.Skip("the smoke test's host runs only when given --addr and --data (see scripts/smoke-desktop.sh)")
	}
	log := newLogger(os.Stderr)
	h := newTestHost(t, *data, log)
	defer h.app.close()
	cert := hostCertificate(t, *data)
	code := make([]byte, 5)
	rand.Read(code)
	h.setup = hex.EncodeToString(code)
	h.start(t, *addr, cert)
	defer h.stop()
	fmt.Printf("MOps Desk test host on https://%s/ (data: %s)\nCertificate SHA-256 fingerprint: %s\nSetup code: %s\n",
		h.addr(), *data, h.fingerprint(), h.setup)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
}

// hostCertificate is the certificate kept in the data folder, made on
// first start.
func hostCertificate(t *testing.T, dir string) tls.Certificate {
	certFile, keyFile := filepath.Join(dir, "host-cert.pem"), filepath.Join(dir, "host-key.pem")
	if c, err := tls.LoadX509KeyPair(certFile, keyFile); err == nil {
		return c
	}
	c := selfSigned(t)
	key, err := x509.MarshalPKCS8PrivateKey(c.PrivateKey)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Certificate[0]}), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: key}), 0o600); err != nil {
		t.Fatal(err)
	}
	return c
}
