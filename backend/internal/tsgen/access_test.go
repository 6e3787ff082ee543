package main

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestAccessTable reads the access tables as the api package spells them
// (role constants, keys in any order) and writes them sorted by key, so
// that two branches adding methods in different places merge cleanly.
func TestAccessTable(t *testing.T) {
	src := `package demo

type Role string

const (
	RoleViewer Role = "viewer"
	RoleAdmin  Role = "admin"
)

var Access = map[string]Role{
	"Zeta.Set": RoleAdmin,
	// A comment between rows.
	"Alpha.Find": RoleViewer,
	"Mid.Get":    "viewer",
}

var RouteAccess = map[string]Role{
	"/files/":  RoleViewer,
	"/export/": RoleAdmin,
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "demo.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("demo", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	pkg := &packages.Package{PkgPath: "demo", Syntax: []*ast.File{f}, TypesInfo: info}
	methods, err := accessTable(pkg, "Access")
	if err != nil {
		t.Fatal(err)
	}
	routes, err := accessTable(pkg, "RouteAccess")
	if err != nil {
		t.Fatal(err)
	}
	out := string(emitAccess(methods, routes))
	for _, want := range []string{
		"export const access = {\n  'Alpha.Find': 'viewer',\n  'Mid.Get': 'viewer',\n  'Zeta.Set': 'admin',\n} as const satisfies Record<string, Role>;\n",
		"export type Method = keyof typeof access;\n",
		"export const routeAccess = {\n  '/export/': 'admin',\n  '/files/': 'viewer',\n} as const satisfies Record<string, Role>;\n",
		"DO NOT EDIT",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if _, err := accessTable(pkg, "Missing"); err == nil {
		t.Error("a table that is not there: no error")
	}
}
