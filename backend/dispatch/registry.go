// Package dispatch calls the facades' methods by name with JSON arguments:
// the one way both transports (the desktop window and serve mode) reach
// them, so both expose exactly the same calls and decode them alike.
package dispatch

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"mopsdesk/backend"
)

// Registry indexes the exported methods of the facades as
// "Facade.Method", the name the frontend calls them by.
type Registry struct {
	methods map[string]*method
	// access is the least role each method needs (see Guard); nil: no
	// rules, every call allowed.
	access map[string]backend.Role
}

// method is one callable facade method. Its first parameter is the
// call's context; the rest come from the JSON arguments.
type method struct {
	fn       reflect.Value
	args     []reflect.Type
	hasError bool
	hasValue bool
}

var (
	errorType   = reflect.TypeOf((*error)(nil)).Elem()
	contextType = reflect.TypeOf((*context.Context)(nil)).Elem()
)

// New indexes the facades' exported methods. Every method must take a
// context.Context first and return at most a value and an error; a
// facade that does not is a programming error reported here, at start.
func New(facades []any) (*Registry, error) {
	out := map[string]*method{}
	for _, f := range facades {
		v := reflect.ValueOf(f)
		t := v.Type()
		if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
			return nil, fmt.Errorf("facade %T is not a pointer to a struct", f)
		}
		facade := t.Elem().Name()
		for i := 0; i < t.NumMethod(); i++ {
			name := facade + "." + t.Method(i).Name
			m := &method{fn: v.Method(i)}
			ft := m.fn.Type()
			if ft.NumIn() == 0 || ft.In(0) != contextType {
				return nil, fmt.Errorf("%s: the first parameter must be a context.Context", name)
			}
			for a := 1; a < ft.NumIn(); a++ {
				m.args = append(m.args, ft.In(a))
			}
			switch ft.NumOut() {
			case 0:
			case 1:
				m.hasError = ft.Out(0) == errorType
				m.hasValue = !m.hasError
			case 2:
				if ft.Out(1) != errorType {
					return nil, fmt.Errorf("%s: second result must be error", name)
				}
				m.hasValue, m.hasError = true, true
			default:
				return nil, fmt.Errorf("%s: too many results", name)
			}
			out[name] = m
		}
	}
	return &Registry{methods: out}, nil
}

// Guard makes every call check the role of the person it is made for
// (backend.ActorFrom) against access, the least role each method needs.
// A method without a rule is an error here, at start, so that a new
// method never goes out unguarded. A call with no actor (the local
// workspace) is always allowed.
func (r *Registry) Guard(access map[string]backend.Role) error {
	var missing []string
	for name := range r.methods {
		if need, ok := access[name]; !ok || !need.Valid() {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return fmt.Errorf("no access rule (a valid role) for %s", strings.Join(missing, ", "))
	}
	r.access = access
	return nil
}

// Need returns the least role the method called name needs, and whether
// the registry guards it.
func (r *Registry) Need(name string) (backend.Role, bool) {
	need, ok := r.access[name]
	return need, ok
}

// Names lists every method the frontend may call, sorted.
func (r *Registry) Names() []string {
	out := make([]string, 0, len(r.methods))
	for name := range r.methods {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// Has reports whether name is a method the frontend may call.
func (r *Registry) Has(name string) bool { _, ok := r.methods[name]; return ok }

// Call decodes args (a JSON array) into the parameters of the method
// called name and calls it under ctx. An unknown method is ENOTFOUND and
// arguments that do not decode are EINVALID, named by position; both are
// the caller's mistakes, told apart from the method's own errors by code.
func (r *Registry) Call(ctx context.Context, name string, args []byte) (any, error) {
	m, ok := r.methods[name]
	if !ok {
		return nil, backend.Errorf(backend.ENOTFOUND, "There is no method %q.", name)
	}
	if err := r.allow(ctx, name); err != nil {
		return nil, err
	}
	var raw []json.RawMessage
	if len(strings.TrimSpace(string(args))) > 0 {
		if err := json.Unmarshal(args, &raw); err != nil {
			return nil, backend.Errorf(backend.EINVALID, "%s: the arguments must be a JSON array: %v", name, err)
		}
	}
	if len(raw) != len(m.args) {
		return nil, backend.Errorf(backend.EINVALID, "%s: expected %d argument(s), got %d", name, len(m.args), len(raw))
	}
	in := make([]reflect.Value, len(m.args)+1)
	in[0] = reflect.ValueOf(ctx)
	for i, t := range m.args {
		p := reflect.New(t)
		if err := json.Unmarshal(raw[i], p.Interface()); err != nil {
			return nil, backend.Errorf(backend.EINVALID, "%s: argument %d: %v", name, i+1, err)
		}
		in[i+1] = p.Elem()
	}
	out := m.fn.Call(in)
	var result any
	var err error
	if m.hasValue {
		result = out[0].Interface()
	}
	if m.hasError {
		if e := out[len(out)-1].Interface(); e != nil {
			err = e.(error)
		}
	}
	return result, err
}

// allow refuses a call the signed-in person's role does not cover.
func (r *Registry) allow(ctx context.Context, name string) error {
	a := backend.ActorFrom(ctx)
	if a == nil || r.access == nil {
		return nil
	}
	if need := r.access[name]; !a.Role.Allows(need) {
		return backend.Errorf(backend.EFORBIDDEN, "%s: your role (%s) does not allow this; it needs %s.", name, a.Role, need)
	}
	return nil
}
