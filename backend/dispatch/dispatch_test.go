package dispatch_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/dispatch"
)

type Greeter struct{}

type ctxKey struct{}

func (Greeter) Hello(ctx context.Context, name string) (string, error) {
	if name == "" {
		return "", backend.Errorf(backend.EINVALID, "who?")
	}
	who, _ := ctx.Value(ctxKey{}).(string)
	return "hello " + name + " from " + who, nil
}

func (Greeter) Wait(ctx context.Context) error {
	<-ctx.Done()
	return ctx.Err()
}

type NoContext struct{}

func (NoContext) Hello(name string) string { return name }

func TestRegistry(t *testing.T) {
	r, err := dispatch.New([]any{&Greeter{}})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("OK", func(t *testing.T) {
		ctx := context.WithValue(t.Context(), ctxKey{}, "the window")
		out, err := r.Call(ctx, "Greeter.Hello", []byte(`["Dana"]`))
		if err != nil || out != "hello Dana from the window" {
			t.Fatalf("%v, %v", out, err)
		}
	})
	t.Run("ErrUnknownMethod", func(t *testing.T) {
		if _, err := r.Call(t.Context(), "Greeter.Bye", nil); backend.ErrorCode(err) != backend.ENOTFOUND {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("ErrArguments", func(t *testing.T) {
		for _, body := range []string{`{}`, `[]`, `[1]`, `["a","b"]`} {
			if _, err := r.Call(t.Context(), "Greeter.Hello", []byte(body)); backend.ErrorCode(err) != backend.EINVALID {
				t.Fatalf("%s: err %v", body, err)
			}
		}
	})
	t.Run("MethodError", func(t *testing.T) {
		if _, err := r.Call(t.Context(), "Greeter.Hello", []byte(`[""]`)); backend.ErrorMessage(err) != "who?" {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("ErrNoContext", func(t *testing.T) {
		if _, err := dispatch.New([]any{&NoContext{}}); err == nil {
			t.Fatal("a method without a context was accepted")
		}
	})
}

// A job started under an id stops when Cancel names it, and only then.
func TestJobs_Cancel(t *testing.T) {
	r, _ := dispatch.New([]any{&Greeter{}})
	var jobs dispatch.Jobs
	ctx, done := jobs.Start(t.Context(), "job-1")
	errc := make(chan error, 1)
	go func() {
		_, err := r.Call(ctx, "Greeter.Wait", nil)
		errc <- err
	}()
	if jobs.Cancel("job-2") {
		t.Fatal("cancelled a job that does not exist")
	}
	if !jobs.Cancel("job-1") {
		t.Fatal("job-1 was not running")
	}
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	done()
	if jobs.Cancel("job-1") {
		t.Fatal("a finished job is still registered")
	}
}

// Throttle keeps the first and the last step and drops those in between
// that come sooner than the interval.
func TestThrottle(t *testing.T) {
	var got []int64
	p := dispatch.Throttle(func(s backend.Step) { got = append(got, s.Done) }, time.Hour)
	for i := int64(1); i <= 10; i++ {
		p(backend.Step{Unit: "rows", Done: i, Total: 10})
	}
	if len(got) != 2 || got[0] != 1 || got[1] != 10 {
		t.Fatalf("passed %v", got)
	}
}
