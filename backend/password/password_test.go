package password_test

import (
	"strings"
	"testing"

	"mopsdesk/backend/password"
)

func lower(t testing.TB) {
	old := password.Current
	password.Current = password.Params{Memory: 64, Time: 1, Threads: 1}
	t.Cleanup(func() { password.Current = old })
}

func TestHash(t *testing.T) {
	lower(t)
	h, err := password.Hash("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("PHC", func(t *testing.T) {
		if !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=1,p=1$") || strings.Count(h, "$") != 5 {
			t.Fatalf("hash %q is not a PHC argon2id string with its parameters", h)
		}
		if strings.Contains(h, "correct horse") {
			t.Fatal("the hash holds the password")
		}
	})
	t.Run("OK", func(t *testing.T) {
		if ok, err := password.Verify(h, "correct horse battery"); !ok || err != nil {
			t.Fatalf("verify = %v, %v", ok, err)
		}
	})
	t.Run("Wrong", func(t *testing.T) {
		for _, pw := range []string{"correct horse batterY", "", "correct horse battery "} {
			if ok, _ := password.Verify(h, pw); ok {
				t.Fatalf("%q verified", pw)
			}
		}
	})
	t.Run("Salted", func(t *testing.T) {
		h2, _ := password.Hash("correct horse battery")
		if h2 == h {
			t.Fatal("two hashes of one password are equal: no salt")
		}
	})
	t.Run("KeepsItsParameters", func(t *testing.T) {
		password.Current = password.Params{Memory: 128, Time: 2, Threads: 1}
		if !password.Stale(h) {
			t.Fatal("a hash made with other parameters is not stale")
		}
		if ok, _ := password.Verify(h, "correct horse battery"); !ok {
			t.Fatal("a hash made with earlier parameters no longer verifies")
		}
	})
	t.Run("Malformed", func(t *testing.T) {
		for _, bad := range []string{"", "plain", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5", "$argon2id$v=19$m=99999999,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5"} {
			if ok, err := password.Verify(bad, "x"); ok || err == nil {
				t.Errorf("%q: verify = %v, %v", bad, ok, err)
			}
		}
	})
}

// BenchmarkHash is what one sign-in costs on a host (production
// parameters): the hash a password is checked against.
func BenchmarkHash(b *testing.B) {
	password.Current = password.Production
	h, err := password.Hash("correct horse battery")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		password.Verify(h, "correct horse battery")
	}
}
