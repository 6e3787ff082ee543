package dispatch_test

import (
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/dispatch"
)

func TestGuard(t *testing.T) {
	r, err := dispatch.New([]any{&Greeter{}})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("ErrMissingRule", func(t *testing.T) {
		err := r.Guard(map[string]backend.Role{"Greeter.Hello": backend.RoleViewer})
		if err == nil {
			t.Fatal("a method without a rule was accepted")
		}
	})
	t.Run("ErrInvalidRole", func(t *testing.T) {
		err := r.Guard(map[string]backend.Role{"Greeter.Hello": "boss", "Greeter.Wait": backend.RoleViewer})
		if err == nil {
			t.Fatal("an unknown role was accepted")
		}
	})
	if err := r.Guard(map[string]backend.Role{"Greeter.Hello": backend.RolePlanner, "Greeter.Wait": backend.RoleViewer}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		actor *backend.Actor
		want  string
	}{
		{nil, ""}, // the local workspace
		{&backend.Actor{Role: backend.RoleViewer}, backend.EFORBIDDEN},
		{&backend.Actor{Role: "boss"}, backend.EFORBIDDEN},
		{&backend.Actor{Role: backend.RolePlanner}, ""},
		{&backend.Actor{Role: backend.RoleApprover}, ""},
		{&backend.Actor{Role: backend.RoleAdmin}, ""},
	} {
		ctx := t.Context()
		if tc.actor != nil {
			ctx = backend.WithActor(ctx, tc.actor)
		}
		_, err := r.Call(ctx, "Greeter.Hello", []byte(`["Dana"]`))
		if got := backend.ErrorCode(err); err != nil && got != tc.want || err == nil && tc.want != "" {
			t.Errorf("%+v: err %v, want code %q", tc.actor, err, tc.want)
		}
	}
}
