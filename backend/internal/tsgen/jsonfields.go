package main

import (
	"bytes"
	"fmt"
	"go/constant"
	"go/types"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// field is one JSON property of a struct.
type field struct {
	v        *types.Var
	name     string
	optional bool
	asString bool
}

// fields lists the JSON properties of a struct as encoding/json writes
// them: tagged names, "-" left out, embedded structs without a name
// flattened into their parent.
func fields(st *types.Struct) []field {
	var out []field
	for i := 0; i < st.NumFields(); i++ {
		v := st.Field(i)
		tag := reflect.StructTag(st.Tag(i)).Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" && opts == "" {
			continue
		}
		if v.Embedded() && name == "" {
			t := v.Type()
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			if inner, ok := t.Underlying().(*types.Struct); ok {
				out = append(out, fields(inner)...)
				continue
			}
		}
		if !v.Exported() {
			continue
		}
		if name == "" {
			name = v.Name()
		}
		f := field{v: v, name: name}
		for _, o := range strings.Split(opts, ",") {
			switch o {
			case "omitempty", "omitzero":
				f.optional = true
			case "string":
				f.asString = true
			}
		}
		out = append(out, f)
	}
	return out
}

// enumValues lists, as TypeScript literals, the values of a named string
// type: the constants declared with it in its package, in source order,
// or else the package's list of them (var AssetTypes = []AssetType{...}).
func (e *emitter) enumValues(n *types.Named) []string {
	if v := e.constValues(n); len(v) > 0 {
		return v
	}
	var out []string
	for _, v := range e.lists[n.Obj()] {
		out = append(out, tsString(v))
	}
	return out
}

func (e *emitter) constValues(n *types.Named) []string {
	b, ok := n.Underlying().(*types.Basic)
	if !ok || b.Info()&types.IsString == 0 || n.Obj().Pkg() == nil {
		return nil
	}
	scope := n.Obj().Pkg().Scope()
	var consts []*types.Const
	for _, name := range scope.Names() {
		if c, ok := scope.Lookup(name).(*types.Const); ok && types.Identical(c.Type(), n) {
			consts = append(consts, c)
		}
	}
	sort.SliceStable(consts, func(i, j int) bool { return consts[i].Pos() < consts[j].Pos() })
	var out []string
	seen := map[string]bool{}
	for _, c := range consts {
		s := tsString(constant.StringVal(c.Val()))
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// tsString is a TypeScript string literal.
func tsString(v string) string {
	s := strconv.Quote(v)
	return "'" + strings.ReplaceAll(s[1:len(s)-1], "'", `\'`) + "'"
}

var identifier = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)

func propName(name string) string {
	if identifier.MatchString(name) {
		return name
	}
	return "'" + strings.ReplaceAll(name, "'", `\'`) + "'"
}

// writeDoc writes a Go doc comment as a JSDoc block.
func writeDoc(b *bytes.Buffer, indent, doc string) {
	doc = strings.TrimSpace(strings.ReplaceAll(doc, "*/", "*\\/"))
	if doc == "" {
		return
	}
	lines := strings.Split(doc, "\n")
	if len(lines) == 1 {
		fmt.Fprintf(b, "%s/** %s */\n", indent, lines[0])
		return
	}
	fmt.Fprintf(b, "%s/**\n", indent)
	for _, l := range lines {
		fmt.Fprintf(b, "%s *%s\n", indent, strings.TrimRight(" "+l, " "))
	}
	fmt.Fprintf(b, "%s */\n", indent)
}
