package backend_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The size rule (issue 17): no Go file over maxFileLines lines and no
// function over maxFuncLines lines, unless the function's doc comment says
// why in a line "// long: <reason>". Test files count too: a test is read
// as often as the code it checks, and a long one is as hard to follow.
// Generated files ("// Code generated … DO NOT EDIT.") do not count.
const (
	maxFileLines = 400
	maxFuncLines = 80
)

// sizeAllowed lists the files that may break the rule for now, each with
// the branch that owns the code and will bring it into line. The list can
// only shrink: a listed file that keeps the rule fails the test, so that
// its line is taken out.
var sizeAllowed = map[string]string{}

// longMarker is the doc comment line that lets a function be long.
var longMarker = regexp.MustCompile(`^//\s*long:\s*\S`)

// generated is the line Go tools put at the top of a generated file.
var generated = regexp.MustCompile(`(?m)^// Code generated .* DO NOT EDIT\.$`)

// sizeOffence is one break of the rule, at path:line.
type sizeOffence struct {
	path string
	line int
	what string
}

func TestSizeRule(t *testing.T) {
	root := moduleRoot(t)
	byFile := map[string][]sizeOffence{}
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(path, root+string(filepath.Separator)))
		if d.IsDir() {
			if path != root && skipDir(path, d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		offences, counted, err := sizeOffences(path, rel)
		if err != nil {
			return err
		}
		if counted {
			files++
		}
		if len(offences) > 0 {
			byFile[rel] = offences
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 {
		t.Fatalf("read only %d Go files under %s: is this the module root?", files, root)
	}
	var paths []string
	for p := range byFile {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if _, ok := sizeAllowed[p]; ok {
			continue
		}
		for _, o := range byFile[p] {
			t.Errorf("%s:%d: %s", o.path, o.line, o.what)
		}
	}
	for p, owner := range sizeAllowed {
		if _, ok := byFile[p]; !ok {
			t.Errorf("%s keeps the size rule now (or is gone): take it off sizeAllowed (%s)", p, owner)
		}
	}
}

// moduleRoot is the folder of go.mod above this package.
func moduleRoot(t *testing.T) string {
	dir, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		t.Fatalf("no go.mod in %s: %v", dir, err)
	}
	return dir
}

// skipDir tells folders that hold no Go code of this module: hidden ones,
// the frontend (its node_modules ship Go files of their own), build
// output, test data, and nested modules.
func skipDir(path, name string) bool {
	switch name {
	case "frontend", "node_modules", "build", "dist", "testdata", "test-artifacts", "vendor":
		return true
	}
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
		return true
	}
	_, err := os.Stat(filepath.Join(path, "go.mod"))
	return err == nil
}

// sizeOffences reads one Go file and returns where it breaks the rule;
// counted is false for a generated file.
func sizeOffences(path, rel string) (offences []sizeOffence, counted bool, err error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, false, err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return nil, false, err
	}
	if generated.Match(src[:fset.Position(f.Package).Offset]) {
		return nil, false, nil
	}
	if n := fset.File(f.Pos()).LineCount(); n > maxFileLines {
		offences = append(offences, sizeOffence{rel, 1, fmt.Sprintf("file has %d lines (at most %d)", n, maxFileLines)})
	}
	check := func(name string, doc *ast.CommentGroup, from, to token.Pos) {
		start, end := fset.Position(from).Line, fset.Position(to).Line
		if n := end - start + 1; n > maxFuncLines && !saysWhyLong(doc) {
			offences = append(offences, sizeOffence{rel, start,
				fmt.Sprintf("%s has %d lines (at most %d, or a \"// long: <reason>\" line in its doc comment)", name, n, maxFuncLines)})
		}
	}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			check(funcName(d), d.Doc, d.Pos(), d.End())
		case *ast.GenDecl:
			// A function literal at package level (var x = func() …) is a
			// function too; its doc comment is the declaration's.
			ast.Inspect(d, func(n ast.Node) bool {
				if lit, ok := n.(*ast.FuncLit); ok {
					check("function literal", d.Doc, lit.Pos(), lit.End())
					return false
				}
				return true
			})
		}
	}
	return offences, true, nil
}

// funcName is a function's name as written, with its receiver's type.
func funcName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return d.Name.Name
	}
	t := d.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	switch x := t.(type) {
	case *ast.Ident:
		return x.Name + "." + d.Name.Name
	case *ast.IndexExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			return id.Name + "." + d.Name.Name
		}
	case *ast.IndexListExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			return id.Name + "." + d.Name.Name
		}
	}
	return d.Name.Name
}

// saysWhyLong reports whether a doc comment holds a "long:" line with a
// reason.
func saysWhyLong(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	for _, c := range doc.List {
		if longMarker.MatchString(c.Text) {
			return true
		}
	}
	return false
}

// TestSizeOffences checks the checker on small files of its own.
func TestSizeOffences(t *testing.T) {
	body := strings.Repeat("\tx++\n", maxFuncLines-2) // func line + body + } = maxFuncLines
	dir := t.TempDir()
	cases := []struct {
		name, src string
		want      []int // lines of the offences
	}{
		{"fits", "package p\n\nfunc f() {\n" + body + "}\n", nil},
		{"one over", "package p\n\nfunc f() {\n" + body + "\tx++\n}\n", []int{3}},
		{"says why", "package p\n\n// f is long.\n//\n// long: one table of cases.\nfunc f() {\n" + body + "\tx++\n}\n", nil},
		{"no reason", "package p\n\n// long:\nfunc f() {\n" + body + "\tx++\n}\n", []int{4}},
		{"literal", "package p\n\nvar f = func() {\n" + body + "\tx++\n}\n", []int{3}},
		{"long file", "package p\n" + strings.Repeat("\n", maxFileLines), []int{1}},
		{"generated", "// Code generated by hand. DO NOT EDIT.\n\npackage p\n" + strings.Repeat("\n", maxFileLines), nil},
	}
	for _, c := range cases {
		path := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "_")+".go")
		if err := os.WriteFile(path, []byte(c.src), 0o600); err != nil {
			t.Fatal(err)
		}
		offences, _, err := sizeOffences(path, c.name)
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, o := range offences {
			got = append(got, o.line)
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s: offences at lines %v, want %v (%v)", c.name, got, c.want, offences)
		}
	}
}
