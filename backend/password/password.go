// Package password keeps passwords as slow, salted argon2id hashes in the
// PHC string format, so that a stolen database does not give away what
// people type. Only this package sees a password after sign-in; it never
// logs one.
package password

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id's cost parameters; each hash keeps those it was
// made with, so changing them later still verifies the hashes stored.
type Params struct {
	// Memory in KiB.
	Memory uint32
	// Time is the number of passes over the memory.
	Time uint32
	// Threads is the parallelism.
	Threads uint8
}

// Production are the parameters new hashes get on a host: 64 MiB, two
// passes, two lanes (RFC 9106's second recommendation, with fewer passes
// and lanes for a small server): about 45 ms and 64 MiB a sign-in on
// the 2-core build machine (BenchmarkHash).
var Production = Params{Memory: 64 * 1024, Time: 2, Threads: 2}

// Current are the parameters Hash uses. Only tests lower them, to keep
// hundreds of sign-ins fast.
var Current = Production

const (
	saltLen = 16
	keyLen  = 32
	// maxMemory bounds the memory a stored hash may ask for when it is
	// verified (a damaged or hostile row must not take the host down).
	maxMemory = 1 << 20 // 1 GiB in KiB
)

// working bounds how many hashes are computed at once: each takes
// Params.Memory, and a burst of sign-ins must not exhaust the host.
var working = make(chan struct{}, 2)

// Hash returns the PHC string for pw under Current parameters with a fresh
// random salt: $argon2id$v=19$m=65536,t=2,p=2$SALT$HASH.
func Hash(pw string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password salt: %w", err)
	}
	p := Current
	key := derive(pw, salt, p, keyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// ErrMalformed is returned for a stored hash this package cannot read.
var ErrMalformed = errors.New("password: malformed hash")

// Verify reports whether pw is the password encoded was made from. The
// comparison takes the same time wherever the first difference is.
func Verify(encoded, pw string) (bool, error) {
	p, salt, key, err := decode(encoded)
	if err != nil {
		return false, err
	}
	got := derive(pw, salt, p, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// Stale reports whether encoded was made with other parameters than
// Current, so that a successful sign-in should store a new hash.
func Stale(encoded string) bool {
	p, _, _, err := decode(encoded)
	return err != nil || p != Current
}

func derive(pw string, salt []byte, p Params, n uint32) []byte {
	working <- struct{}{}
	defer func() { <-working }()
	return argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, n)
}

func decode(encoded string) (Params, []byte, []byte, error) {
	var p Params
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, ErrMalformed
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return p, nil, nil, ErrMalformed
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, ErrMalformed
	}
	if p.Memory == 0 || p.Memory > maxMemory || p.Time == 0 || p.Time > 100 || p.Threads == 0 {
		return p, nil, nil, ErrMalformed
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	key, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(salt) < 8 || len(key) < 16 {
		return p, nil, nil, ErrMalformed
	}
	return p, salt, key, nil
}
