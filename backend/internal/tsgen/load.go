package main

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"os/exec"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// buildTags are the tags every build of the app uses; the facades' types
// do not depend on the platform ones.
var buildTags = []string{"sqlite_fts5"}

// method is one callable: its name as the frontend calls it, its
// parameters (without a leading context) and its result (nil for none).
type method struct {
	name   string
	doc    string
	params []param
	result types.Type
}

type param struct {
	name string
	typ  types.Type
}

// contract is what the generator read: the facade methods, the desktop
// window's own methods, and the doc comments of everything it names.
type contract struct {
	methods    []method
	appMethods []method
	downloads  []exportKind
	// access and routes are api.Access and api.RouteAccess, sorted.
	access, routes []rule
	docs           map[types.Object]string
	lists          map[*types.TypeName][]string
	// nullable, neverNil and nullableResults: see their namesakes in
	// emit.go.
	nullable, neverNil, nullableResults map[string]bool
}

// Generate reads the facades of the module at root and returns the files
// it writes, by path relative to root: the TypeScript contract (Output)
// and the access tables (AccessOutput).
func Generate(root string) (map[string][]byte, error) {
	c, err := load(root)
	if err != nil {
		return nil, err
	}
	contract, err := emit(c)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{Output: contract, AccessOutput: emitAccess(c.access, c.routes)}, nil
}

func load(root string) (*contract, error) {
	module, err := modulePath(root)
	if err != nil {
		return nil, err
	}
	apiPath := module + "/backend/api"
	app, err := parseApp(root)
	if err != nil {
		return nil, err
	}
	// The api package and every package of this module it or App's
	// methods import are loaded from source, for their doc comments.
	roots, err := moduleImports(root, module, apiPath)
	if err != nil {
		return nil, err
	}
	roots = append(roots, apiPath)
	for _, p := range app.paths {
		if p != "context" {
			roots = append(roots, p)
		}
	}
	pkgs, err := packages.Load(&packages.Config{
		Mode:       packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedImports,
		Dir:        root,
		BuildFlags: []string{"-tags=" + strings.Join(buildTags, ",")},
	}, dedupe(roots)...)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", apiPath, err)
	}
	byPath := map[string]*packages.Package{}
	c := &contract{docs: map[types.Object]string{}, lists: map[*types.TypeName][]string{},
		nullable: nullable, neverNil: neverNil, nullableResults: nullableResults}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			return nil, fmt.Errorf("load %s: %v", p.PkgPath, p.Errors[0])
		}
		byPath[p.PkgPath] = p
		collectDocs(p, c.docs)
		collectLists(p, c.lists)
	}
	api := byPath[apiPath]
	if api == nil {
		return nil, fmt.Errorf("package %s not loaded", apiPath)
	}
	if c.methods, err = facadeMethods(api, c.docs); err != nil {
		return nil, err
	}
	if c.appMethods, err = app.methods(byPath); err != nil {
		return nil, err
	}
	if c.downloads, err = downloadKinds(api); err != nil {
		return nil, err
	}
	if c.access, err = accessTable(api, "Access"); err != nil {
		return nil, err
	}
	if c.routes, err = accessTable(api, "RouteAccess"); err != nil {
		return nil, err
	}
	return c, nil
}

// modulePath is the path of the module whose folder is root.
func modulePath(root string) (string, error) {
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Path}}")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("read the module path: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}

// moduleImports lists the packages of this module that pkg imports.
func moduleImports(root, module, pkg string) ([]string, error) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedImports, Dir: root,
		BuildFlags: []string{"-tags=" + strings.Join(buildTags, ",")}}, pkg)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range pkgs {
		for path := range p.Imports {
			if strings.HasPrefix(path, module+"/") {
				out = append(out, path)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

func dedupe(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// collectDocs keeps the doc comments of a package's types, struct fields
// and methods, keyed by the object they document.
func collectDocs(p *packages.Package, docs map[types.Object]string) {
	for _, f := range p.Syntax {
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if obj := p.TypesInfo.Defs[d.Name]; obj != nil {
					docs[obj] = d.Doc.Text()
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					ts, ok := spec.(*ast.TypeSpec)
					if !ok {
						continue
					}
					doc := ts.Doc
					if doc == nil && len(d.Specs) == 1 {
						doc = d.Doc
					}
					if obj := p.TypesInfo.Defs[ts.Name]; obj != nil {
						docs[obj] = doc.Text()
					}
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						continue
					}
					for _, field := range st.Fields.List {
						doc := field.Doc
						if doc == nil {
							doc = field.Comment
						}
						for _, name := range field.Names {
							if obj := p.TypesInfo.Defs[name]; obj != nil {
								docs[obj] = doc.Text()
							}
						}
					}
				}
			}
		}
	}
}

// collectLists finds the package-level lists of a named string type's
// values (var VendorCategories = []VendorCategory{"crm", ...}), which
// stand for constants where a type has none.
func collectLists(p *packages.Package, lists map[*types.TypeName][]string) {
	for _, f := range p.Syntax {
		for _, decl := range f.Decls {
			d, ok := decl.(*ast.GenDecl)
			if !ok || d.Tok != token.VAR {
				continue
			}
			for _, spec := range d.Specs {
				for _, value := range spec.(*ast.ValueSpec).Values {
					cl, ok := value.(*ast.CompositeLit)
					if !ok {
						continue
					}
					slice, ok := p.TypesInfo.TypeOf(cl).(*types.Slice)
					if !ok {
						continue
					}
					named, ok := slice.Elem().(*types.Named)
					if !ok || lists[named.Obj()] != nil {
						continue
					}
					var values []string
					for _, elt := range cl.Elts {
						tv := p.TypesInfo.Types[elt]
						if tv.Value == nil || tv.Value.Kind() != constant.String {
							values = nil
							break
						}
						values = append(values, constant.StringVal(tv.Value))
					}
					if values != nil {
						lists[named.Obj()] = values
					}
				}
			}
		}
	}
}

// facadeMethods lists the exported methods of every value that
// (*API).Bindings returns, named "Facade.Method" as both transports name
// them (the facade's type name, as Wails and httpapi's reflection do).
func facadeMethods(api *packages.Package, docs map[types.Object]string) ([]method, error) {
	var list *ast.CompositeLit
	for _, f := range api.Syntax {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Name.Name != "Bindings" {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if cl, ok := n.(*ast.CompositeLit); ok && list == nil {
					list = cl
				}
				return list == nil
			})
		}
	}
	if list == nil {
		return nil, fmt.Errorf("%s: no composite literal in (*API).Bindings to read the facades from", api.PkgPath)
	}
	var out []method
	for _, elt := range list.Elts {
		t := api.TypesInfo.TypeOf(elt)
		ptr, ok := t.(*types.Pointer)
		if !ok {
			return nil, fmt.Errorf("binding %s is not a pointer to a facade", t)
		}
		named, ok := ptr.Elem().(*types.Named)
		if !ok {
			return nil, fmt.Errorf("binding %s is not a named type", t)
		}
		ms := types.NewMethodSet(ptr)
		for i := 0; i < ms.Len(); i++ {
			fn := ms.At(i).Obj().(*types.Func)
			if !fn.Exported() {
				continue
			}
			m, err := fromSignature(named.Obj().Name()+"."+fn.Name(), fn.Type().(*types.Signature))
			if err != nil {
				return nil, err
			}
			m.doc = docs[fn]
			out = append(out, m)
		}
	}
	return out, nil
}

// fromSignature turns a Go signature into a method of the contract. The
// results must be (), (T), (error) or (T, error), as both transports
// require.
func fromSignature(name string, sig *types.Signature) (method, error) {
	m := method{name: name}
	params := sig.Params()
	for i := 0; i < params.Len(); i++ {
		v := params.At(i)
		if i == 0 && isContext(v.Type()) {
			continue
		}
		t := v.Type()
		if sig.Variadic() && i == params.Len()-1 {
			t = types.NewSlice(t.(*types.Slice).Elem())
		}
		m.params = append(m.params, param{name: v.Name(), typ: t})
	}
	res := sig.Results()
	switch {
	case res.Len() == 0:
	case res.Len() == 1 && isError(res.At(0).Type()):
	case res.Len() == 1:
		m.result = res.At(0).Type()
	case res.Len() == 2 && isError(res.At(1).Type()):
		m.result = res.At(0).Type()
	default:
		return m, fmt.Errorf("%s: results must be (T), (error) or (T, error)", name)
	}
	return m, nil
}

func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}
