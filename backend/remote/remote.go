// Package remote is the desktop window's side of a team host: it shows the
// host's certificate to compare, pins it, signs in, and then carries the
// window's calls, downloads, uploads, files and event stream to the host
// over HTTPS. It knows nothing of Wails; the window wires it in.
package remote

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"mopsdesk/backend"
)

// DefaultPort is the port assumed when an address names none: HTTPS's.
const DefaultPort = "443"

// dialTimeout bounds connecting to a host; a host that does not answer
// within it counts as unreachable.
const dialTimeout = 8 * time.Second

// Certificate is what the window shows of a host's certificate before it
// trusts it: the fingerprint to compare with the one the host printed.
type Certificate struct {
	// Address is the host as the window will reach it (host:port).
	Address string `json:"address"`
	// Fingerprint is the SHA-256 of the certificate (DER), as colon-separated
	// upper-case hex pairs, the way `mopsdesk host` and openssl print it.
	Fingerprint string `json:"fingerprint"`
	Subject     string `json:"subject"`
	// NotAfter is when the certificate expires (UTC RFC 3339).
	NotAfter string `json:"notAfter"`
}

// Fingerprint returns the SHA-256 fingerprint of a DER certificate as
// "AB:CD:…".
func Fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}

// normalFingerprint reads a fingerprint however it was typed or pasted
// (colons, spaces, lower case) as Fingerprint writes it; "" when it is not
// 32 bytes of hex.
func normalFingerprint(s string) string {
	var hex strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r >= '0' && r <= '9', r >= 'A' && r <= 'F':
			hex.WriteRune(r)
		case r == ':' || r == ' ' || r == '-':
		default:
			return ""
		}
	}
	h := hex.String()
	if len(h) != 64 {
		return ""
	}
	parts := make([]string, 32)
	for i := range parts {
		parts[i] = h[2*i : 2*i+2]
	}
	return strings.Join(parts, ":")
}

// NormalizeAddress reads the address a person typed ("desk.example.org",
// "192.168.1.20:8443", "https://desk.example.org:8443/") as host:port.
// Only HTTPS is spoken to a host, so another scheme is refused.
func NormalizeAddress(s string) (string, error) {
	s = strings.TrimSpace(s)
	invalid := backend.Errorf(backend.EINVALID, "%q is not a host address; type it as the host printed it, for example desk.example.org:8443.", s)
	invalid.Fields = map[string]backend.FieldError{"address": {Key: "connect.address_invalid"}}
	if s == "" {
		invalid.Fields["address"] = backend.FieldError{Key: "field.required"}
		return "", invalid
	}
	if strings.Contains(s, "://") {
		u, err := url.Parse(s)
		if err != nil || !strings.EqualFold(u.Scheme, "https") || u.User != nil || (u.Path != "" && u.Path != "/") {
			return "", invalid
		}
		s = u.Host
	}
	s = strings.TrimSuffix(s, "/")
	host, port, err := net.SplitHostPort(s)
	if err != nil {
		host, port = strings.Trim(s, "[]"), DefaultPort
	}
	if host == "" || strings.ContainsAny(host, "/?#@ ") || port == "" {
		return "", invalid
	}
	return net.JoinHostPort(host, port), nil
}

// Probe fetches a host's certificate without trusting it: the person
// compares its fingerprint with the one the host printed before anything
// is sent to it.
func Probe(ctx context.Context, address string) (*Certificate, error) {
	addr, err := NormalizeAddress(address)
	if err != nil {
		return nil, err
	}
	host, _, _ := net.SplitHostPort(addr)
	d := &tls.Dialer{NetDialer: &net.Dialer{Timeout: dialTimeout},
		// Nothing is sent over this connection: it is closed as soon as
		// the certificate is read, so there is nothing to verify yet.
		Config: &tls.Config{InsecureSkipVerify: true, ServerName: host, MinVersion: tls.VersionTLS12}} //nolint:gosec // see above
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, unreachable(addr, err)
	}
	defer conn.Close()
	certs := conn.(*tls.Conn).ConnectionState().PeerCertificates
	if len(certs) == 0 {
		return nil, backend.Errorf(backend.EINVALID, "%s sent no certificate.", addr)
	}
	c := certs[0]
	return &Certificate{Address: addr, Fingerprint: Fingerprint(c.Raw), Subject: subject(c),
		NotAfter: c.NotAfter.UTC().Format(time.RFC3339)}, nil
}

func subject(c *x509.Certificate) string {
	if s := c.Subject.String(); s != "" {
		return s
	}
	return strings.Join(c.DNSNames, ", ")
}

// pinnedTLS accepts exactly the certificate with the pinned fingerprint and
// nothing else. The usual chain check is off because a host's certificate
// is its own (self-made, no authority signs it); the pin replaces it, so a
// certificate authority cannot vouch for a stranger either.
func pinnedTLS(addr, pinned string) *tls.Config {
	host, _, _ := net.SplitHostPort(addr)
	return &tls.Config{
		ServerName:         host,
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true, //nolint:gosec // VerifyPeerCertificate checks the pin
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			if len(raw) == 0 {
				return changed(addr, pinned, "none")
			}
			if got := Fingerprint(raw[0]); got != pinned {
				return changed(addr, pinned, got)
			}
			return nil
		},
	}
}

func changed(host, pinned, got string) error {
	e := backend.Errorf(backend.ECERTCHANGED,
		"The certificate of %s has changed: this computer trusts %s, the host now shows %s. "+
			"Nothing was sent. If the host's admin did not replace the certificate, someone may be in between; "+
			"ask them before connecting again.", host, pinned, got)
	e.Fields = map[string]backend.FieldError{"certificate": {Key: "connect.certificate_changed",
		Params: map[string]any{"host": host, "pinned": pinned, "shown": got}}}
	return e
}

// unreachable is the error of a host that did not answer.
func unreachable(addr string, err error) error {
	var e *backend.Error
	if errors.As(err, &e) {
		return e
	}
	return unreachableError(addr, fmt.Sprintf("Can't reach %s: %v", addr, err))
}

// unreachableError says the host at addr does not answer; the page shows
// it in the person's language (the message is for the log).
func unreachableError(addr, message string) *backend.Error {
	e := &backend.Error{Code: backend.EUNREACHABLE, Message: message}
	e.Fields = map[string]backend.FieldError{"host": {Key: "connect.unreachable", Params: map[string]any{"host": addr}}}
	return e
}
