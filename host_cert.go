package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// certValidity is how long a host's own certificate lasts: 825 days, the
// longest that Apple's platforms accept for a server certificate.
const certValidity = 825 * 24 * time.Hour

// Where a host keeps the certificate it made, inside its data folder.
const (
	hostCertFile = "host-cert.pem"
	hostKeyFile  = "host-key.pem"
)

// hostCert is the certificate a host serves and what to tell about it.
type hostCert struct {
	cert tls.Certificate
	// Fingerprint is the SHA-256 of the certificate (its DER bytes), as
	// colon-separated hex: what the desktop app shows and pins.
	Fingerprint string
	// Path is the certificate's file; Made says this start made it.
	Path string
	Made bool
}

// certFingerprint writes the SHA-256 of a certificate's DER bytes the way
// browsers and openssl show it: upper-case hex pairs joined by colons.
func certFingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}

// loadCert reads the certificate and key the user gave (--tls-cert,
// --tls-key).
func loadCert(certFile, keyFile string) (*hostCert, error) {
	c, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, fmt.Errorf("the certificate %s with the key %s cannot be used: %w", certFile, keyFile, err)
	}
	return &hostCert{cert: c, Fingerprint: certFingerprint(c.Certificate[0]), Path: certFile}, nil
}

// ownCert returns the certificate the host keeps in its data folder dir,
// making one on first start (or when the kept one has expired) for the
// names in sans. A kept pair that cannot be read is an error, not a
// reason to make a new one silently: every connected app pinned it.
func ownCert(dir string, sans []string, now time.Time) (*hostCert, error) {
	certPath, keyPath := filepath.Join(dir, hostCertFile), filepath.Join(dir, hostKeyFile)
	c, err := tls.LoadX509KeyPair(certPath, keyPath)
	switch {
	case err == nil:
		leaf, err := x509.ParseCertificate(c.Certificate[0])
		if err != nil {
			return nil, fmt.Errorf("the host's certificate %s cannot be read: %w", certPath, err)
		}
		if now.Before(leaf.NotAfter) {
			return &hostCert{cert: c, Fingerprint: certFingerprint(c.Certificate[0]), Path: certPath}, nil
		}
	case errors.Is(err, os.ErrNotExist) && !fileExists(certPath) && !fileExists(keyPath):
	default:
		return nil, fmt.Errorf("the host's certificate %s or its key %s cannot be read: %w (move both away to make a new one; connected apps will then see a new fingerprint)", certPath, keyPath, err)
	}
	certPEM, keyPEM, err := makeCert(sans, now)
	if err != nil {
		return nil, err
	}
	// The key first and private: a certificate without its key is useless,
	// a key readable by others is not.
	if err := writePrivate(keyPath, keyPEM); err != nil {
		return nil, err
	}
	if err := writeFileAtomic(certPath, func(f *os.File) error { _, err := f.Write(certPEM); return err }); err != nil {
		return nil, err
	}
	c, err = tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		return nil, err
	}
	return &hostCert{cert: c, Fingerprint: certFingerprint(c.Certificate[0]), Path: certPath, Made: true}, nil
}

// makeCert makes a self-signed ECDSA P-256 server certificate for sans
// (host names and IP addresses), valid from an hour ago (clocks differ)
// for certValidity.
func makeCert(sans []string, now time.Time) (certPEM, keyPEM []byte, err error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 128))
	if err != nil {
		return nil, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "MOps Desk host " + sans[0], Organization: []string{"MOps Desk"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(certValidity),
		KeyUsage:              x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
	}
	for _, s := range sans {
		if ip := net.ParseIP(s); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, s)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, err
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), nil
}

// certNames are the names a host's own certificate is made for: the
// machine's host name, the address it listens on when that is a name or
// a particular address, localhost and the loopback addresses, and the
// addresses of its network interfaces. The first is the machine's name.
func certNames(listenHost string) []string {
	var names []string
	seen := map[string]bool{}
	add := func(n string) {
		n = strings.Trim(n, "[]")
		if n != "" && !seen[strings.ToLower(n)] {
			seen[strings.ToLower(n)] = true
			names = append(names, n)
		}
	}
	if h, err := os.Hostname(); err == nil {
		add(h)
	}
	if ip := net.ParseIP(listenHost); ip == nil || !ip.IsUnspecified() {
		add(listenHost)
	}
	add("localhost")
	add("127.0.0.1")
	add("::1")
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && !n.IP.IsLinkLocalUnicast() {
				add(n.IP.String())
			}
		}
	}
	return names
}

// writePrivate writes data to path readable by this account only (0600,
// from the moment the file exists), through a temporary file renamed
// into place.
func writePrivate(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".mopsdesk-key-*")
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return nil
}
