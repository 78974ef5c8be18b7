// Package workbook writes an analysis.Report as an Excel workbook (.xlsx)
// on an io.Writer.
//
// The workbook has the sheets Summary, Pledges, Sectors, Investors,
// Trends, Comparisons, Progress, Evidence, Metrics, Changes, Checks, FX, Charts,
// Pivot, Pivot source, About and History, in that order, and opens on Summary. Changes compares the report with the
// previous month's (Report.Changes) and History lists the headline totals
// of every report so far (Report.History); the caller fills both. Every data sheet is streamed:
// its layout, tables and the rows down to its table's header through
// excelize's StreamWriter, the rows below through rowWriter, which writes
// the same XML about five times faster and compresses it as it goes. A
// streamed cell is the only way excelize stores a formula together with
// its cached value: derived figures (per-year values, shares, totals,
// changes, multiples, growth rates) are formulas whose cached values are
// the figures pledgewatch computed, so Excel and readers that do not
// recalculate show the same numbers. Native charts and the pictures of
// Meta.Pictures live on the Charts sheet, and the pivot table and its
// slicers on the Pivot sheet: the two sheets written in normal mode.
//
// Text is always written as text: a cell holding "=1+1" stays a string.
// Links are HYPERLINK formulas, and only to http, https and mailto
// addresses. The same report and Meta give byte-identical output.
package workbook

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
	"pledgewatch/analysis/lang"
)

// Picture is a chart rendered elsewhere, embedded on the Charts sheet.
type Picture struct {
	Name  string // short name, used as alternative text when Title is empty
	Title string // shown above the picture
	PNG   []byte
}

// Meta is what the workbook says about the run that made it.
type Meta struct {
	Version string    // program version
	Month   string    // run month, YYYY-MM
	Created time.Time // fixed document timestamp; zero falls back to the report's as-of date
	Inputs  string    // the inputs folder as given
	// Pictures, when set, gives the pictures embedded on the Charts
	// sheet, in this order. It is called when that sheet is written, so
	// that the charts may be drawn while the sheets before it are.
	Pictures func() ([]Picture, error)
	// Lang words the sentences built as findings, and writes the sheet
	// names, headers and fixed texts; nil means English. Numbers in cells
	// stay numbers in every language.
	Lang *lang.Printer
}

// Sheet names, in workbook order: the English names, which the code
// names sheets by; book.sheetName gives the name in the workbook's
// language.
const (
	sheetSummary     = "Summary"
	sheetPledges     = "Pledges"
	sheetSectors     = "Sectors"
	sheetInvestors   = "Investors"
	sheetTrends      = "Trends"
	sheetComparisons = "Comparisons"
	sheetProgress    = "Progress"
	sheetEvidence    = "Evidence"
	sheetMetrics     = "Metrics"
	sheetChanges     = "Changes"
	sheetChecks      = "Checks"
	sheetFX          = "FX"
	sheetCharts      = "Charts"
	sheetPivot       = "Pivot"
	sheetPivotSource = "Pivot source"
	sheetAbout       = "About"
	sheetHistory     = "History"
)

var sheetNames = []string{sheetSummary, sheetPledges, sheetSectors, sheetInvestors, sheetTrends, sheetComparisons,
	sheetProgress, sheetEvidence, sheetMetrics, sheetChanges, sheetChecks, sheetFX, sheetCharts, sheetPivot, sheetPivotSource, sheetAbout, sheetHistory}

// SheetNames returns the names of the sheets of every workbook Write
// writes, in workbook order.
func SheetNames() []string { return slices.Clone(sheetNames) }

// maxRows is the number of rows of an Excel sheet.
const maxRows = 1048576

// ErrTooManyRows means a table does not fit on one sheet.
var ErrTooManyRows = errors.New("too many rows for one sheet")

// Write renders the report as an .xlsx workbook on w.
func Write(w io.Writer, r *analysis.Report, m Meta) error {
	if r == nil {
		return errors.New("no report")
	}
	if n := len(r.Pledges) + 1; n > maxRows {
		return fmt.Errorf("%d pledges: %w (an Excel sheet holds %d below its header)", len(r.Pledges), ErrTooManyRows, maxRows-1)
	}
	if n := len(r.Metrics) + 1; n > maxRows {
		return fmt.Errorf("%d metrics: %w (an Excel sheet holds %d below its header)", len(r.Metrics), ErrTooManyRows, maxRows-1)
	}
	f := excelize.NewFile()
	defer f.Close()
	b := newBook(f, r, m)
	defer b.closeRows()
	if err := b.lay.check(); err != nil {
		return err
	}
	if err := b.build(); err != nil {
		return err
	}
	return b.save(w)
}

// book holds what the sheet writers share.
type book struct {
	f   *excelize.File
	r   *analysis.Report
	m   Meta
	st  *styles
	lay layout
	// multi names the sheets whose tables were declared before streaming;
	// their relationship prefix is normalised on save.
	multi map[string]bool
	// listed are the indexes in r.Progress the Progress sheet lists.
	listed []int
	// progress streams the Progress sheet beside the Pledges sheet.
	progress *progressWriter
	// tails holds, by sheet name, XML the StreamWriter cannot write
	// (the sparklines of Trends), added at the end of the sheet on save.
	tails map[string][]byte
	// rows holds, by sheet name, the rows encoded apart from the
	// StreamWriter, spliced into the sheet's part on save.
	rows map[string]*rowWriter
	// p writes the texts; english is set when they are the English ones.
	p       *lang.Printer
	english bool
}

func newBook(f *excelize.File, r *analysis.Report, m Meta) *book {
	b := &book{f: f, r: r, m: m, st: newStyles(f), multi: map[string]bool{}, tails: map[string][]byte{}, rows: map[string]*rowWriter{}}
	b.p = lang.Or(m.Lang)
	b.english = b.p.Lang == lang.English
	b.lay = newLayout(r)
	return b
}

// sheetName is the name in the workbook's language of the sheet the code
// calls name (its English name).
func (b *book) sheetName(name string) string {
	if b.english {
		return name
	}
	return b.p.Sprintf("sheet." + name)
}

// ref is the sheet called name as a formula names it: quoted unless it is
// plain ASCII letters, digits and underscores ('承諾'!A1, Pledges!A1).
func (b *book) ref(name string) string { return quoteSheet(b.sheetName(name)) }

// quoteSheet quotes a sheet name for a formula when it needs it.
func quoteSheet(s string) string {
	plain := s != ""
	for i, c := range s {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || i > 0 && c >= '0' && c <= '9') {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

func (b *book) build() error {
	f := b.f
	if err := f.SetSheetName("Sheet1", b.sheetName(sheetSummary)); err != nil {
		return err
	}
	for _, name := range sheetNames[1:] {
		if _, err := f.NewSheet(b.sheetName(name)); err != nil {
			return err
		}
	}
	steps := []struct {
		name string
		fn   func() error
	}{
		{sheetSummary, b.writeSummary},
		{sheetProgress, b.startProgress},
		{sheetPledges, b.writePledges},
		{sheetSectors, b.writeSectors},
		{sheetInvestors, b.writeInvestors},
		{sheetTrends, b.writeTrends},
		{sheetComparisons, b.writeComparisons},
		{sheetProgress, b.finishProgress},
		{sheetMetrics, b.writeMetrics},
		{sheetChanges, b.writeChanges},
		{sheetChecks, b.writeChecks},
		{sheetFX, b.writeFX},
		{sheetCharts, b.writeCharts},
		{sheetPivot, b.writePivot},
		{sheetAbout, b.writeAbout},
		{sheetHistory, b.writeHistory},
	}
	for _, s := range steps {
		if err := s.fn(); err != nil {
			if w := b.progress; w != nil {
				<-w.done
			}
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	if b.st.err != nil {
		return b.st.err
	}
	// Summary is the first sheet, renamed from the new file's Sheet1, so the
	// workbook already opens on it. SetActiveSheet is not called: it parses
	// every streamed sheet back into memory (seconds and gigabytes for a
	// million-row Pledges sheet).
	created := b.m.Created
	if created.IsZero() {
		created = b.r.AsOf
	}
	props := &excelize.DocProperties{
		Title:          b.title(),
		Subject:        "AI investment pledges and metrics in Hong Kong and mainland China, in " + b.r.Currency,
		Creator:        "pledgewatch",
		LastModifiedBy: "pledgewatch",
		Description:    "Written by pledgewatch " + b.m.Version + " from " + b.m.Inputs + ".",
		Version:        b.m.Version,
	}
	if !created.IsZero() {
		props.Created = created.UTC().Format(time.RFC3339)
		props.Modified = props.Created
	}
	return f.SetDocProps(props)
}

func (b *book) title() string {
	month := b.m.Month
	if month == "" && !b.r.AsOf.IsZero() {
		month = b.r.AsOf.Format("2006-01")
	}
	if month == "" {
		return b.tr("AI investment pledges — report")
	}
	if t, err := time.Parse("2006-01", month); err == nil && !b.english {
		month = b.p.Month(t) // 2025年11月
	}
	return b.tr("AI investment pledges — report for %s", month)
}

// save writes the workbook to w with stable bytes: excelize writes the
// streamed sheets in map order and takes content-type defaults from a map,
// so the defaults are sorted first, and the zip is copied with its entries
// sorted by name. Sheets whose tables were declared before streaming get
// the usual "r:" prefix for their relationship ids, as excelize writes it
// in normal mode.
func (b *book) save(w io.Writer) error {
	if ct := b.f.ContentTypes; ct != nil {
		sort.SliceStable(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	}
	edits := map[string]partEdit{}
	for id, name := range b.f.GetSheetMap() {
		part := "xl/worksheets/sheet" + strconv.Itoa(id) + ".xml"
		e := partEdit{fix: b.multi[name], tail: b.tails[name]}
		if rows := b.rows[name]; !rows.empty() {
			e.rows = rows
		}
		if e.fix || len(e.tail) > 0 || e.rows != nil {
			edits[part] = e
		}
	}
	return writeZip(w, b.f, edits)
}

// closeRows removes the temporary files of the rows written apart.
func (b *book) closeRows() {
	for _, r := range b.rows {
		_ = r.close()
	}
}

// joinSources joins source names for one cell.
func joinSources(s []string) string { return strings.Join(s, "; ") }

// tr renders a fixed text of the workbook, given in English with its
// fmt arguments, in the workbook's language: the catalogue holds it under
// "wb." and the English.
func (b *book) tr(en string, args ...any) string {
	if b.english {
		if len(args) == 0 {
			return en
		}
		return fmt.Sprintf(en, args...)
	}
	return b.p.Sprintf("wb."+en, args...)
}

// cur names the reporting currency in a text: its code in English, its
// name in Chinese.
func (b *book) cur() string { return b.p.Currency(b.r.Currency) }

// label is a fixed text without arguments, as tr renders it.
func (b *book) label(en string) string {
	if b.english {
		return en
	}
	return b.p.Sprintf("wb." + en)
}

// qual is a qualifier as a table cell shows it: "at least", "exact" in
// English, the glossary's word in Chinese.
func (b *book) qual(q analysis.Qualifier) string {
	if b.english {
		return q.Label()
	}
	return b.p.Term(q.Label())
}
