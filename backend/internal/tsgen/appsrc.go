package main

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// appSource is the main package's App methods as parsed: the main
// package is not type-checked (that would compile the whole desktop
// shell), so their types are resolved through the packages they name.
type appSource struct {
	decls   []*ast.FuncDecl
	imports map[*ast.FuncDecl]map[string]string
	paths   []string
}

func parseApp(root string) (*appSource, error) {
	ctx := build.Default
	ctx.BuildTags = buildTags
	bp, err := ctx.ImportDir(root, 0)
	if err != nil {
		return nil, fmt.Errorf("read the main package: %w", err)
	}
	src := &appSource{imports: map[*ast.FuncDecl]map[string]string{}}
	fset := token.NewFileSet()
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(root, name), nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		imports := map[string]string{}
		for _, is := range f.Imports {
			path, _ := strconv.Unquote(is.Path.Value)
			local := path[strings.LastIndex(path, "/")+1:]
			if is.Name != nil {
				local = is.Name.Name
			}
			imports[local] = path
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || !fd.Name.IsExported() || receiverName(fd) != "App" {
				continue
			}
			src.decls = append(src.decls, fd)
			src.imports[fd] = imports
			ast.Inspect(fd.Type, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if id, ok := sel.X.(*ast.Ident); ok && imports[id.Name] != "" {
						src.paths = append(src.paths, imports[id.Name])
					}
				}
				return true
			})
		}
	}
	sort.Slice(src.decls, func(i, j int) bool { return src.decls[i].Name.Name < src.decls[j].Name.Name })
	return src, nil
}

func receiverName(fd *ast.FuncDecl) string {
	t := fd.Recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// methods resolves the parsed App methods against the loaded packages.
func (a *appSource) methods(byPath map[string]*packages.Package) ([]method, error) {
	var out []method
	for _, fd := range a.decls {
		name := "App." + fd.Name.Name
		r := resolver{imports: a.imports[fd], byPath: byPath}
		params, err := r.vars(fd.Type.Params)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		results, err := r.vars(fd.Type.Results)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		sig := types.NewSignatureType(nil, nil, nil, params, results, false)
		m, err := fromSignature(name, sig)
		if err != nil {
			return nil, err
		}
		m.doc = fd.Doc.Text()
		out = append(out, m)
	}
	return out, nil
}

// vars resolves a parameter or result list.
func (r resolver) vars(fl *ast.FieldList) (*types.Tuple, error) {
	var out []*types.Var
	if fl == nil {
		return types.NewTuple(), nil
	}
	for _, f := range fl.List {
		t, err := r.typeOf(f.Type)
		if err != nil {
			return nil, err
		}
		if len(f.Names) == 0 {
			out = append(out, types.NewParam(token.NoPos, nil, "", t))
		}
		for _, n := range f.Names {
			out = append(out, types.NewParam(token.NoPos, nil, n.Name, t))
		}
	}
	return types.NewTuple(out...), nil
}

// resolver turns a type expression of the main package into a type of
// the packages it imports.
type resolver struct {
	imports map[string]string
	byPath  map[string]*packages.Package
}

func (r resolver) typeOf(e ast.Expr) (types.Type, error) {
	switch e := e.(type) {
	case *ast.Ident:
		if obj, ok := types.Universe.Lookup(e.Name).(*types.TypeName); ok {
			return obj.Type(), nil
		}
		return nil, fmt.Errorf("type %s of the main package cannot cross to the frontend: declare it in backend/api", e.Name)
	case *ast.SelectorExpr:
		id, ok := e.X.(*ast.Ident)
		if !ok {
			return nil, fmt.Errorf("unexpected type expression %T", e.X)
		}
		path := r.imports[id.Name]
		if path == "context" && e.Sel.Name == "Context" {
			return contextType, nil
		}
		p := r.byPath[path]
		if p == nil {
			return nil, fmt.Errorf("package %s not loaded", path)
		}
		obj, ok := p.Types.Scope().Lookup(e.Sel.Name).(*types.TypeName)
		if !ok {
			return nil, fmt.Errorf("%s.%s is not a type", path, e.Sel.Name)
		}
		return obj.Type(), nil
	case *ast.StarExpr:
		t, err := r.typeOf(e.X)
		return types.NewPointer(t), err
	case *ast.ArrayType:
		t, err := r.typeOf(e.Elt)
		if e.Len != nil {
			return nil, fmt.Errorf("arrays are not supported in App's methods")
		}
		return types.NewSlice(t), err
	case *ast.MapType:
		k, err := r.typeOf(e.Key)
		if err != nil {
			return nil, err
		}
		v, err := r.typeOf(e.Value)
		return types.NewMap(k, v), err
	case *ast.InterfaceType:
		return types.NewInterfaceType(nil, nil), nil
	}
	return nil, fmt.Errorf("unsupported type expression %T", e)
}

// contextType stands for context.Context in App's parsed signatures; only
// its identity matters (isContext skips it).
var contextType = types.NewNamed(types.NewTypeName(token.NoPos, types.NewPackage("context", "context"), "Context", nil),
	types.NewInterfaceType(nil, nil), nil)
