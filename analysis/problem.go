package analysis

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel causes of input problems. Every parse error in this package
// wraps exactly one of them, so callers can match the kind of problem with
// errors.Is while the message explains the case at hand. Each is made by
// newKind, which lists it among the kinds a Problem can have.
var (
	ErrRequired        = newKind("required value is empty")
	ErrNumber          = newKind("invalid number")
	ErrDate            = newKind("invalid date")
	ErrPeriod          = newKind("invalid period")
	ErrUnknownCurrency = newKind("unknown currency")
	ErrUnknownUnit     = newKind("unknown unit")
	ErrQualifier       = newKind("invalid qualifier")
	ErrNegative        = newKind("negative amount")
	ErrConflict        = newKind("conflicting values")
	ErrNoRate          = newKind("no exchange rate")
	ErrEnum            = newKind("value not in the allowed list")
	ErrDuplicateID     = newKind("duplicate id")
	ErrCellError       = newKind("spreadsheet error value")
	ErrFormula         = newKind("formula without a cached value")
	ErrMissingColumn   = newKind("missing required column")
	ErrEmptyTable      = newKind("empty table")
	ErrFile            = newKind("unreadable file")
	ErrTooLarge        = newKind("input too large")
	ErrRelation        = newKind("invalid relation between pledges")
	ErrFigureRef       = newKind("invalid figure reference")

	// Warnings.
	ErrUnknownColumn   = newKind("unknown column")
	ErrNoSource        = newKind("missing source")
	ErrFutureDate      = newKind("date in the future")
	ErrDuplicatePledge = newKind("pledge entered twice")
	ErrStatedRate      = newKind("stated conversion disagrees with FX")
	ErrIgnoredSheet    = newKind("sheet ignored")
	ErrAfterCutoff     = newKind("after the cut-off")
	ErrUnsafeLink      = newKind("link not http, https or mailto")
	ErrLikelyRepeat    = newKind("likely the same money twice")
	ErrRestatedAmount  = newKind("restatement differs in amount")
	ErrUnlike          = newKind("comparison of unlike figures")
	ErrImplausible     = newKind("implausible figure")
	ErrControlChar     = newKind("control character in text")
	ErrEvidenceBefore  = newKind("evidence dated before its pledge")
)

// Warnings about files and cells that are read, but perhaps not as meant.
var (
	// ErrAmbiguousCurrency is a currency symbol with two readings (¥).
	ErrAmbiguousCurrency = newKind("ambiguous currency symbol")
	// ErrIgnoredFile is a spreadsheet in the inputs folder that is not read.
	ErrIgnoredFile = newKind("file not read")
	// ErrMerged is a merged range in the data, read as Excel shows it.
	ErrMerged = newKind("merged cells")
)

// kindError is an error with its own message that still matches its
// sentinel kind through errors.Is.
type kindError struct {
	kind error
	msg  string
}

func (e *kindError) Error() string { return e.msg }
func (e *kindError) Unwrap() error { return e.kind }

// errorf returns an error of the given kind with a formatted message.
func errorf(kind error, format string, args ...any) error {
	return &kindError{kind: kind, msg: fmt.Sprintf(format, args...)}
}

// Errorf is errorf for the adapter packages: an error that reads as the
// formatted message and matches kind with errors.Is.
func Errorf(kind error, format string, args ...any) error {
	return errorf(kind, format, args...)
}

// Severity says whether a problem stops the run.
type Severity int

// Severities.
const (
	SevError Severity = iota
	SevWarning
)

func (s Severity) String() string {
	if s == SevWarning {
		return "warning"
	}
	return "error"
}

// Ref locates a record in the inputs: the file, the sheet and the
// one-based row number of the spreadsheet (or CSV line).
type Ref struct {
	File  string
	Sheet string
	Row   int
}

func (r Ref) String() string {
	var b strings.Builder
	b.WriteString(r.File)
	if r.Sheet != "" {
		fmt.Fprintf(&b, ": sheet %q", r.Sheet)
	}
	if r.Row > 0 {
		fmt.Fprintf(&b, ", row %d", r.Row)
	}
	return b.String()
}

// Problem is one finding about the inputs, shaped like encoding/csv's
// ParseError: where it is (file, sheet, cell, column), the value found,
// and the cause, whose message says what is wrong and how to fix it.
type Problem struct {
	Severity Severity
	File     string
	Sheet    string
	Cell     string // cell reference such as "E14"; empty for a whole row, column or file
	Row      int    // one-based row; 0 when the problem is not about one row
	Column   string // canonical column name such as "amount"
	Value    string // the value found, as text
	Err      error
}

// Error renders the problem as
// `inputs/pledges.xlsx: sheet "Pledges", cell E14 (amount): "about 5,3 billion": cannot read "5,3" as a number; use 5.3`.
func (p *Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.Where())
	if p.Value != "" {
		fmt.Fprintf(&b, ": %q", p.Value)
	}
	if p.Err != nil {
		b.WriteString(": ")
		b.WriteString(p.Err.Error())
	}
	return b.String()
}

// Where renders the position part of the problem.
func (p *Problem) Where() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" {
		fmt.Fprintf(&b, ": sheet %q", p.Sheet)
	}
	switch {
	case p.Cell != "":
		fmt.Fprintf(&b, ", cell %s", p.Cell)
	case p.Row > 0:
		fmt.Fprintf(&b, ", row %d", p.Row)
	}
	if p.Column != "" {
		fmt.Fprintf(&b, " (%s)", p.Column)
	}
	return b.String()
}

// Unwrap returns the cause.
func (p *Problem) Unwrap() error { return p.Err }

// Kind returns the sentinel the problem wraps, or nil.
func (p *Problem) Kind() error {
	for _, k := range kinds {
		if errors.Is(p.Err, k) {
			return k
		}
	}
	return nil
}

// kinds lists every sentinel cause in the order declared: each is made by
// newKind, so none is left out of Kind and Dropped.
var kinds []error

// newKind returns a sentinel cause with the given text and adds it to
// kinds.
func newKind(text string) error {
	err := errors.New(text)
	kinds = append(kinds, err)
	return err
}

// MaxPerKind caps how many problems of one kind are kept; the rest are
// counted.
const MaxPerKind = 50

// Problems collects findings, keeping at most MaxPerKind of each kind and
// counting the rest.
type Problems struct {
	list    []*Problem
	perKind map[problemKey]int
	dropped map[problemKey]int
}

type problemKey struct {
	sev  Severity
	kind error
}

// Add records p.
func (ps *Problems) Add(p *Problem) {
	if ps.perKind == nil {
		ps.perKind = map[problemKey]int{}
		ps.dropped = map[problemKey]int{}
	}
	k := problemKey{p.Severity, p.Kind()}
	if ps.perKind[k] >= MaxPerKind {
		ps.dropped[k]++
		return
	}
	ps.perKind[k]++
	ps.list = append(ps.list, p)
}

// Room reports whether a problem of this severity and kind would still be
// kept. Where it would not, Drop counts it without the cost of building
// its message.
func (ps *Problems) Room(sev Severity, kind error) bool {
	return ps.perKind[problemKey{sev, kind}] < MaxPerKind
}

// Drop counts a problem of this severity and kind that is not kept.
func (ps *Problems) Drop(sev Severity, kind error) {
	if ps.dropped == nil {
		ps.perKind = map[problemKey]int{}
		ps.dropped = map[problemKey]int{}
	}
	ps.dropped[problemKey{sev, kind}]++
}

// Merge adds every problem of other, and its dropped counts.
func (ps *Problems) Merge(other *Problems) {
	for _, p := range other.list {
		ps.Add(p)
	}
	for k, n := range other.dropped {
		if ps.dropped == nil {
			ps.perKind = map[problemKey]int{}
			ps.dropped = map[problemKey]int{}
		}
		ps.dropped[k] += n
	}
}

// List returns the kept problems in the order they were added.
func (ps *Problems) List() []*Problem { return ps.list }

// Errors returns the kept problems of severity error.
func (ps *Problems) Errors() []*Problem { return ps.filter(SevError) }

// Warnings returns the kept problems of severity warning.
func (ps *Problems) Warnings() []*Problem { return ps.filter(SevWarning) }

func (ps *Problems) filter(s Severity) []*Problem {
	var out []*Problem
	for _, p := range ps.list {
		if p.Severity == s {
			out = append(out, p)
		}
	}
	return out
}

// HasErrors reports whether any error was recorded, kept or dropped.
func (ps *Problems) HasErrors() bool {
	for k, n := range ps.perKind {
		if k.sev == SevError && n > 0 {
			return true
		}
	}
	return false
}

// Dropped returns, for each severity, a line per kind whose problems were
// capped, such as "and 12 more errors of kind: invalid number".
func (ps *Problems) Dropped(s Severity) []string {
	var out []string
	for _, k := range kinds {
		if n := ps.dropped[problemKey{s, k}]; n > 0 {
			out = append(out, fmt.Sprintf("and %d more %ss of this kind: %v", n, s, k))
		}
	}
	if n := ps.dropped[problemKey{s, nil}]; n > 0 {
		out = append(out, fmt.Sprintf("and %d more %ss", n, s))
	}
	return out
}

// Err returns the errors as one error (errors.Join), or nil when there are
// none.
func (ps *Problems) Err() error {
	var errs []error
	for _, p := range ps.Errors() {
		errs = append(errs, p)
	}
	return errors.Join(errs...)
}
