package analysis

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestKindsDeclared reads the package's source: every error declared at
// package level must be made by newKind, so that it is one of the kinds
// (an error made by errors.New or fmt.Errorf there would have none), and
// kinds must hold one entry for each.
func TestKindsDeclared(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	declared := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, id := range vs.Names {
					var value ast.Expr
					if i < len(vs.Values) {
						value = vs.Values[i]
					}
					switch call := callee(value); {
					case call == "newKind":
						declared++
					case call == "errors.New" || call == "fmt.Errorf" || strings.HasPrefix(id.Name, "Err"):
						t.Errorf("%s: %s is not made by newKind, so it is not one of the kinds a problem can have",
							fset.Position(id.Pos()), id.Name)
					}
				}
			}
		}
	}
	if declared == 0 || declared != len(kinds) {
		t.Errorf("%d errors made by newKind in the source, %d kinds", declared, len(kinds))
	}
}

// callee names the function a call expression calls, as pkg.Name or
// Name, or returns "" for anything else.
func callee(e ast.Expr) string {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return ""
	}
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		return fn.Name
	case *ast.SelectorExpr:
		if pkg, ok := fn.X.(*ast.Ident); ok {
			return pkg.Name + "." + fn.Sel.Name
		}
	}
	return ""
}
