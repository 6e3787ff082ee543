package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/packages"
)

// exportKind is one row of the downloads table ((*Exports).Downloads):
// what the frontend asks for, the file's extension and the request the
// export decodes.
type exportKind struct {
	kind, ext string
	request   types.Type
}

// downloadKinds reads the calls to download(...) in (*Exports).Downloads:
// the first two arguments are the kind and extension, the seventh the
// write method, whose second parameter is the request.
func downloadKinds(api *packages.Package) ([]exportKind, error) {
	var out []exportKind
	var failed error
	for _, f := range api.Syntax {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Name.Name != "Downloads" {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || !isDownloadCall(call) || failed != nil {
					return true
				}
				k, err := exportKindOf(api.TypesInfo, call)
				if err != nil {
					failed = err
					return false
				}
				out = append(out, k)
				return true
			})
		}
	}
	if failed != nil {
		return nil, failed
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no download(...) rows in (*Exports).Downloads", api.PkgPath)
	}
	return out, nil
}

func isDownloadCall(call *ast.CallExpr) bool {
	fun := call.Fun
	if ix, ok := fun.(*ast.IndexExpr); ok {
		fun = ix.X
	}
	id, ok := fun.(*ast.Ident)
	return ok && id.Name == "download"
}

func exportKindOf(info *types.Info, call *ast.CallExpr) (exportKind, error) {
	if len(call.Args) < 7 {
		return exportKind{}, fmt.Errorf("download(...) with %d arguments, want at least 7", len(call.Args))
	}
	str := func(e ast.Expr) (string, error) {
		tv := info.Types[e]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			return "", fmt.Errorf("download(...): %v is not a constant string", e)
		}
		return constant.StringVal(tv.Value), nil
	}
	kind, err := str(call.Args[0])
	if err != nil {
		return exportKind{}, err
	}
	ext, err := str(call.Args[1])
	if err != nil {
		return exportKind{}, err
	}
	sig, ok := info.TypeOf(call.Args[6]).(*types.Signature)
	if !ok || sig.Params().Len() != 3 {
		return exportKind{}, fmt.Errorf("download %q: the write function must take (ctx, request, writer)", kind)
	}
	return exportKind{kind: kind, ext: ext, request: sig.Params().At(1).Type()}, nil
}

// downloadMap writes the map from each export kind to its request and
// extension.
func (e *emitter) downloadMap(b *bytes.Buffer, kinds []exportKind) {
	b.WriteString("\n/** Downloads are the exports both transports serve, by kind: the request each decodes and its file's extension. */\nexport interface Downloads {\n")
	for _, k := range kinds {
		fmt.Fprintf(b, "  '%s': { request: %s; ext: '%s' };\n", k.kind, e.ts(k.request, true), k.ext)
	}
	b.WriteString("}\n")
}
