package httpapi

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// method is one callable facade method, found by reflection the way Wails
// finds bound methods, so both transports expose exactly the same calls.
type method struct {
	fn       reflect.Value
	args     []reflect.Type
	hasError bool
	hasValue bool
}

var errorType = reflect.TypeOf((*error)(nil)).Elem()

// collectMethods indexes the exported methods of each facade as
// "Facade.Method", the name the frontend calls them by.
func collectMethods(facades []any) (map[string]*method, error) {
	out := map[string]*method{}
	for _, f := range facades {
		v := reflect.ValueOf(f)
		t := v.Type()
		if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
			return nil, fmt.Errorf("facade %T is not a pointer to a struct", f)
		}
		facade := t.Elem().Name()
		for i := 0; i < t.NumMethod(); i++ {
			mt := t.Method(i)
			m := &method{fn: v.Method(i)}
			ft := m.fn.Type()
			for a := 0; a < ft.NumIn(); a++ {
				m.args = append(m.args, ft.In(a))
			}
			switch ft.NumOut() {
			case 0:
			case 1:
				m.hasError = ft.Out(0) == errorType
				m.hasValue = !m.hasError
			case 2:
				if ft.Out(1) != errorType {
					return nil, fmt.Errorf("%s.%s: second result must be error", facade, mt.Name)
				}
				m.hasValue, m.hasError = true, true
			default:
				return nil, fmt.Errorf("%s.%s: too many results", facade, mt.Name)
			}
			out[facade+"."+mt.Name] = m
		}
	}
	return out, nil
}

// call decodes the JSON argument array into the method's parameter types
// and calls it. A decoding problem is the caller's error, named by position.
func (m *method) call(body []byte) (any, error, error) {
	var raw []json.RawMessage
	if len(strings.TrimSpace(string(body))) == 0 {
		raw = nil
	} else if err := json.Unmarshal(body, &raw); err != nil {
		return nil, nil, fmt.Errorf("the request body must be a JSON array of arguments: %v", err)
	}
	if len(raw) != len(m.args) {
		return nil, nil, fmt.Errorf("expected %d argument(s), got %d", len(m.args), len(raw))
	}
	in := make([]reflect.Value, len(m.args))
	for i, t := range m.args {
		p := reflect.New(t)
		if err := json.Unmarshal(raw[i], p.Interface()); err != nil {
			return nil, nil, fmt.Errorf("argument %d: %v", i+1, err)
		}
		in[i] = p.Elem()
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
	return result, err, nil
}
