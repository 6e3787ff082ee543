package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"sync"
	"time"
)

// client is one signed-in person: their own cookie jar, a TLS config that
// trusts only the host's certificate, and the latency of every call.
type client struct {
	base string
	http *http.Client
	lat  *latencies
}

// apiError is the host's error answer.
type apiError struct {
	Status  int             `json:"-"`
	Code    string          `json:"code"`
	Message string          `json:"message"`
	Current json.RawMessage `json:"current"`
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message) }

// pinned accepts only the certificate whose SHA-256 is fingerprint.
func pinned(fingerprint string) *tls.Config {
	want := strings.ToLower(strings.ReplaceAll(fingerprint, ":", ""))
	return &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true, // replaced by the pin check below
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			if len(raw) == 0 {
				return fmt.Errorf("no certificate")
			}
			sum := sha256.Sum256(raw[0])
			if hex.EncodeToString(sum[:]) != want {
				return fmt.Errorf("the host's certificate is not the one pinned")
			}
			return nil
		},
	}
}

func newClient(base, fingerprint string, lat *latencies) *client {
	jar, _ := cookiejar.New(nil)
	tr := &http.Transport{TLSClientConfig: pinned(fingerprint), MaxIdleConnsPerHost: 4}
	return &client{base: base, lat: lat, http: &http.Client{Jar: jar, Transport: tr, Timeout: 30 * time.Second}}
}

// post sends body as JSON to path and decodes the answer into out.
func (c *client) post(ctx context.Context, label, path string, body, out any) error {
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", c.base)
	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	c.lat.add(label, time.Since(start))
	if err != nil {
		return err
	}
	if resp.StatusCode >= 300 {
		e := &apiError{Status: resp.StatusCode}
		json.Unmarshal(data, e)
		return e
	}
	if out != nil && len(data) > 0 {
		return json.Unmarshal(data, out)
	}
	return nil
}

// call calls a facade method with its arguments.
func (c *client) call(ctx context.Context, method string, out any, args ...any) error {
	if args == nil {
		args = []any{}
	}
	return c.post(ctx, method, "/api/"+strings.Replace(method, ".", "/", 1), args, out)
}

// latencies keeps every call's duration by label.
type latencies struct {
	mu sync.Mutex
	by map[string][]time.Duration
}

func (l *latencies) add(label string, d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.by == nil {
		l.by = map[string][]time.Duration{}
	}
	l.by[label] = append(l.by[label], d)
}
