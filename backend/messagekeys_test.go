package backend_test

import (
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/messagekeys.txt")

// keyPattern is the shape of a message-catalog key: a namespace, a dot,
// and words ("money.too_large", "import.format_xls").
var keyPattern = regexp.MustCompile(`^[a-z]{2,}\.[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$`)

// notMessages are key-shaped literals that are not messages: sheet names
// looked up in the labels the UI sends, file names.
var notMessages = map[string]bool{"sheet.campaigns": true, "sheet.spend": true, "mopsdesk.db": true}

// fileLike ends in a file extension ("budget.ods"): a name, not a message.
var fileLike = regexp.MustCompile(`\.(db|csv|xlsx|xls|ods|pdf|png|jpg|ics|html|golden|txt|json|zip|lock|reserve)$`)

// messageKeys returns every message key the non-test Go code under root
// can put in an error or a problem the UI shows: any key-shaped string
// literal except field names (the first argument of Add and Problem, the
// map keys of Fields) and file names. Reading every literal, not a list of
// call shapes, keeps a key written some new way from slipping past.
func messageKeys(t *testing.T, root string) []string {
	t.Helper()
	keys := map[string]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		fieldNames := map[*ast.BasicLit]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "Add" || sel.Sel.Name == "Problem") && len(n.Args) >= 3 {
					if lit, ok := n.Args[0].(*ast.BasicLit); ok {
						fieldNames[lit] = true
					}
				}
			case *ast.CompositeLit:
				if m, ok := n.Type.(*ast.MapType); ok && strings.Contains(types(m.Value), "FieldError") {
					for _, el := range n.Elts {
						if kv, ok := el.(*ast.KeyValueExpr); ok {
							if lit, ok := kv.Key.(*ast.BasicLit); ok {
								fieldNames[lit] = true
							}
						}
					}
				}
			case *ast.BasicLit:
				if n.Kind != token.STRING || fieldNames[n] {
					return true
				}
				s, err := strconv.Unquote(n.Value)
				if err == nil && keyPattern.MatchString(s) && !fileLike.MatchString(s) && !notMessages[s] {
					keys[s] = true
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Errors without fields are shown by their code.
	src, err := os.ReadFile(filepath.Join(root, "error.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`(?m)^\s+E[A-Z]+\s+=\s+"([a-z_]+)"`).FindAllSubmatch(src, -1) {
		keys["error."+string(m[1])] = true
	}
	out := make([]string, 0, len(keys))
	for k := range keys {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// types names the type expression e as written ("backend.FieldError").
func types(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return types(e.X) + "." + e.Sel.Name
	}
	return ""
}

// TestMessageKeys keeps testdata/messagekeys.txt, the list of every
// message key the backend can send (the frontend's catalog test reads it
// too), and checks that each of the six catalogs has a text for each.
// A planned budget too large once showed the raw key because no test
// walked the keys the Go code produces.
func TestMessageKeys(t *testing.T) {
	keys := messageKeys(t, ".")
	if len(keys) < 50 {
		t.Fatalf("found only %d message keys; the scan is broken", len(keys))
	}
	golden := filepath.Join("testdata", "messagekeys.txt")
	want := strings.Join(keys, "\n") + "\n"
	if *update {
		if err := os.WriteFile(golden, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s is out of date; run go test ./backend -run TestMessageKeys -update", golden)
	}
	for _, lang := range []string{"en", "fa", "ar", "pl", "tr", "th"} {
		src, err := os.ReadFile(filepath.Join("..", "frontend", "src", "i18n", lang+".ts"))
		if err != nil {
			t.Fatal(err)
		}
		var missing []string
		for _, k := range keys {
			if !strings.Contains(string(src), "'"+k+"':") {
				missing = append(missing, k)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s.ts has no text for %d backend message keys: %s", lang, len(missing), strings.Join(missing, ", "))
		}
	}
}
