package sheets

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestColumnDeclarations checks what the compiler cannot: every field of
// every table is declared (a field constant with no entry leaves a
// nameless column), names are unique, a closed list of choices is one
// the reader can close on, and a required column says how to fill it.
func TestColumnDeclarations(t *testing.T) {
	for _, s := range specs {
		seen := map[string]bool{}
		for f, c := range s.columns {
			if c.name == "" {
				t.Errorf("%s: field %d has no declaration", s.table, f)
				continue
			}
			for _, n := range append([]string{c.name}, c.aliases...) {
				if seen[n] {
					t.Errorf("%s: header %q is declared twice", s.table, n)
				}
				seen[n] = true
				if normaliseHeader(n) != n {
					t.Errorf("%s: header %q is not in its normal form %q", s.table, n, normaliseHeader(n))
				}
			}
			if c.required && c.help == "" {
				t.Errorf("%s.%s: required, with no help for an empty cell", s.table, c.name)
			}
			if c.doc == "" {
				t.Errorf("%s.%s: no doc", s.table, c.name)
			}
			if !c.open && c.example != "" && len(c.choices) > 0 && !slices.Contains(c.choices, c.example) {
				t.Errorf("%s.%s: example %q is not one of its choices", s.table, c.name, c.example)
			}
		}
		for h, to := range s.hints {
			if seen[h] {
				t.Errorf("%s: hint %q is a header the table reads", s.table, h)
			}
			if _, ok := s.index[to]; !ok {
				t.Errorf("%s: hint %q points at no column", s.table, h)
			}
		}
	}
}

// contractTable is the Markdown table of a table's columns in the input
// contract, generated from their declarations.
func contractTable(s *tableSpec) string {
	var b strings.Builder
	b.WriteString("| Column | Required | What it holds |\n|---|---|---|\n")
	for _, c := range s.columns {
		req := "no"
		if c.required {
			req = "yes"
		}
		if c.requiredDoc != "" {
			req = c.requiredDoc
		}
		names := "`" + c.name + "`"
		if len(c.aliases) > 0 {
			names += " (or `" + strings.Join(c.aliases, "`, `") + "`)"
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", names, req, strings.ReplaceAll(c.doc, "|", `\|`))
	}
	return b.String()
}

var updateContract = flag.Bool("update", false, "rewrite the generated column tables of inputs/README.md")

// TestGoldenContract holds the column tables of the input contract in
// inputs/README.md to the declarations: each sits between the markers
// <!-- columns: TABLE --> and <!-- end columns -->. go test -run
// GoldenContract -update rewrites them.
func TestGoldenContract(t *testing.T) {
	const path = "../../inputs/README.md"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	for _, s := range specs {
		begin := "<!-- columns: " + s.table + " -->\n"
		i := strings.Index(doc, begin)
		if i < 0 {
			t.Errorf("%s: no %q marker; the contract does not document the table", path, strings.TrimSpace(begin))
			continue
		}
		i += len(begin)
		j := strings.Index(doc[i:], endColumns)
		if j < 0 {
			t.Errorf("%s: the %s columns have no end marker", path, s.table)
			continue
		}
		want := contractTable(s)
		if got := doc[i : i+j]; got != want {
			if *updateContract {
				doc = doc[:i] + want + doc[i+j:]
				continue
			}
			t.Errorf("%s: the %s columns differ from their declarations in columns.go (go test ./analysis/sheets -run GoldenContract -update rewrites them)\ngot:\n%s\nwant:\n%s", path, s.table, got, want)
		}
	}
	if *updateContract && doc != string(raw) {
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const endColumns = "<!-- end columns -->\n"

// TestContractNamesEveryTable checks that the contract's "What is read"
// names every sheet and every CSV file the reader reads.
func TestContractNamesEveryTable(t *testing.T) {
	raw, err := os.ReadFile("../../inputs/README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	i, j := strings.Index(doc, "## What is read"), strings.Index(doc, "## Pledges")
	if i < 0 || j < i {
		t.Fatal("inputs/README.md has no section What is read before Pledges")
	}
	what := doc[i:j]
	for _, name := range append(CSVFiles(), Sheets()...) {
		if !strings.Contains(what, "`"+name+"`") {
			t.Errorf("inputs/README.md, What is read: %s is not named", name)
		}
	}
}
