package main

import (
	"bytes"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeneratedIsCurrent fails when a facade, a type that crosses the
// seam or a rule of api.Access / api.RouteAccess changed and the committed
// TypeScript (the contract, the access tables) was not regenerated.
func TestGeneratedIsCurrent(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	files, err := Generate(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{Output, AccessOutput} {
		want, ok := files[name]
		if !ok {
			t.Fatalf("the generator does not write %s", name)
		}
		got, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatalf("read %s: %v (run `%s`)", name, err, RegenerateCommand)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run `%s` and commit the result", name, RegenerateCommand)
		}
	}
}

const demo = `package demo

import (
	"context"
	"encoding/json"
	"time"
)

// Kind is a kind.
type Kind string

const (
	KindA Kind = "a"
	KindB Kind = "b"
)

type Inner struct {
	N int64 ` + "`json:\"n\"`" + `
}

type Base struct {
	ID int64 ` + "`json:\"id\"`" + `
}

// Thing is a thing.
type Thing struct {
	Base
	Name   string            ` + "`json:\"name\"`" + `
	Opt    *Inner            ` + "`json:\"opt,omitempty\"`" + `
	Ptr    *Inner            ` + "`json:\"ptr\"`" + `
	List   []Inner           ` + "`json:\"list\"`" + `
	Maybe  []string          ` + "`json:\"maybe\"`" + `
	At     time.Time         ` + "`json:\"at\"`" + `
	Kind   Kind              ` + "`json:\"kind\"`" + `
	Hidden string            ` + "`json:\"-\"`" + `
	ByKind map[Kind]int      ` + "`json:\"byKind\"`" + `
	Chart  json.RawMessage   ` + "`json:\"chart\"`" + `
	Three  [3]int            ` + "`json:\"three\"`" + `
	Raw    []byte            ` + "`json:\"raw\"`" + `
	NoTag  bool
	secret string
}

type Facade struct{}

func (Facade) Find(ctx context.Context, k Kind, filter *Inner) (*Thing, error) { return nil, nil }
func (Facade) Count(in Kind) int                                             { return 0 }
func (Facade) Drop(id int64) error                                           { return nil }
`

// TestEmit pins how Go types become TypeScript: json names, omitempty,
// pointers, slices, maps, enums, time, raw JSON, embedded structs, and a
// leading context that is not part of the contract.
func TestEmit(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "demo.go", demo, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("demo", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	c := &contract{docs: map[types.Object]string{}, lists: map[*types.TypeName][]string{},
		nullable: map[string]bool{"Thing.maybe": true}, nullableResults: map[string]bool{}}
	for ident, obj := range info.Defs {
		if obj != nil && ident.Name == "Thing" {
			c.docs[obj] = "Thing is a thing.\n"
		}
	}
	facade := pkg.Scope().Lookup("Facade").Type()
	ms := types.NewMethodSet(facade)
	for i := 0; i < ms.Len(); i++ {
		fn := ms.At(i).Obj().(*types.Func)
		m, err := fromSignature("Facade."+fn.Name(), fn.Type().(*types.Signature))
		if err != nil {
			t.Fatal(err)
		}
		c.methods = append(c.methods, m)
	}
	out, err := emit(c)
	if err != nil {
		t.Fatal(err)
	}
	src := string(out)
	for _, want := range []string{
		"/** Thing is a thing. */\nexport interface Thing {\n  id: number;\n  name: string;\n",
		"  opt?: Inner;\n",
		"  ptr: Inner | null;\n",
		"  list: Inner[];\n",
		"  maybe: string[] | null;\n",
		"  at: string;\n",
		"  kind: Kind;\n",
		"  byKind: Partial<Record<Kind, number>>;\n",
		"  chart: RawJSON;\n",
		"  three: [number, number, number];\n",
		"  raw: string;\n",
		"  NoTag: boolean;\n}\n",
		"export type Kind = 'a' | 'b';\n",
		"'Facade.Find': { args: [k: Kind, filter: Inner | null]; result: Thing };",
		"'Facade.Count': { args: [input: Kind]; result: number };",
		"'Facade.Drop': { args: [id: number]; result: void };",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("output lacks %q:\n%s", want, src)
		}
	}
	for _, absent := range []string{"hidden", "secret", "Hidden", "ctx"} {
		if strings.Contains(src, absent) {
			t.Errorf("output has %q:\n%s", absent, src)
		}
	}

	c.nullable = map[string]bool{"Thing.gone": true}
	if _, err := emit(c); err == nil || !strings.Contains(err.Error(), "Thing.gone") {
		t.Errorf("a nullable entry matching nothing: err = %v", err)
	}
}

// TestAppMethods reads the window's methods from source: exported methods
// of App only, a leading context left out, results as the transports
// return them.
func TestAppMethods(t *testing.T) {
	dir := t.TempDir()
	src := `package main

import "context"

type App struct{}

// OpenThing opens a thing.
func (a *App) OpenThing(ctx context.Context, id int64, names []string) (string, error) { return "", nil }
func (a *App) Close(id int) error { return nil }
func (a *App) hidden() {}
func (a *App) Count() map[string]int { return nil }
`
	if err := os.WriteFile(filepath.Join(dir, "app.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	app, err := parseApp(dir)
	if err != nil {
		t.Fatal(err)
	}
	methods, err := app.methods(nil)
	if err != nil {
		t.Fatal(err)
	}
	out, err := emit(&contract{docs: map[types.Object]string{}, appMethods: methods})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"  'App.Close': { args: [id: number]; result: void };\n",
		"  'App.Count': { args: []; result: Record<string, number> };\n",
		"  /** OpenThing opens a thing. */\n  'App.OpenThing': { args: [id: number, names: string[]]; result: string };\n",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), "hidden") {
		t.Errorf("an unexported method is in the contract:\n%s", out)
	}
}
