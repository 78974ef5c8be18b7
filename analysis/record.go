package analysis

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Columns maps canonical column names of one sheet to their one-based
// column numbers. Records of a sheet share one Columns value, through
// their Origin, so a problem found later can still name its cell.
type Columns map[string]int

// Cell returns the cell reference ("E14") of column name in row, or "".
func (c Columns) Cell(name string, row int) string {
	n, ok := c[name]
	if !ok || row <= 0 {
		return ""
	}
	return ColumnLetters(n) + itoa(row)
}

// ColumnLetters returns the spreadsheet letters of a one-based column
// number: 1 is A, 27 is AA.
func ColumnLetters(n int) string {
	var b []byte
	for n > 0 {
		n--
		b = append([]byte{byte('A' + n%26)}, b...)
		n /= 26
	}
	return string(b)
}

// itoa writes a number that is not negative, as strconv.Itoa does; a
// negative one is "".
func itoa(n int) string {
	if n < 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// Origin is the table records come from: the file, the sheet and the
// columns of that sheet. A reader makes one Origin per table and every
// record of the table points at it, so a record's position costs a
// pointer and a row number, not two strings and a map (16 bytes a record
// instead of 48: a million pledges and a million evidence rows carry one
// each).
type Origin struct {
	file, sheet string
	cols        Columns
}

// NewOrigin returns the origin of the records of one table. cols is kept,
// not copied: it must not change afterwards.
func NewOrigin(file, sheet string, cols Columns) *Origin {
	return &Origin{file: file, sheet: sheet, cols: cols}
}

// At returns the position of row (one-based) of o's table. A row that is
// not positive, or beyond the 2,147,483,647 rows a Loc holds (a
// spreadsheet has at most 1,048,576), is kept as 0: no row.
func (o *Origin) At(row int) Loc {
	if row <= 0 || row > math.MaxInt32 {
		row = 0
	}
	return Loc{origin: o, row: int32(row)}
}

// Loc is where a record came from: its file, sheet and row, and the
// columns of its sheet (see Origin). The zero Loc is a record without a
// position: its methods give "" and 0.
type Loc struct {
	origin *Origin
	row    int32
}

// At returns the position of row of sheet in file, whose columns are
// cols; it gives each call its own Origin, for records built one by one
// (readers share one per table: see NewOrigin).
func At(file, sheet string, row int, cols Columns) Loc {
	return NewOrigin(file, sheet, cols).At(row)
}

// File returns the file the record came from, or "".
func (l Loc) File() string {
	if l.origin == nil {
		return ""
	}
	return l.origin.file
}

// Sheet returns the sheet the record came from, or "".
func (l Loc) Sheet() string {
	if l.origin == nil {
		return ""
	}
	return l.origin.sheet
}

// Row returns the one-based row the record came from, or 0.
func (l Loc) Row() int { return int(l.row) }

// Ref returns the record's file, sheet and row.
func (l Loc) Ref() Ref { return Ref{File: l.File(), Sheet: l.Sheet(), Row: l.Row()} }

// Column returns the one-based column number of the canonical column name
// in the record's sheet, or 0 when the sheet has no such column.
func (l Loc) Column(name string) int {
	if l.origin == nil {
		return 0
	}
	return l.origin.cols[name]
}

// Cell returns the cell reference ("E14") of column name in the record's
// row, or "" when the sheet has no such column or the record no row.
func (l Loc) Cell(name string) string {
	if l.origin == nil {
		return ""
	}
	return l.origin.cols.Cell(name, l.Row())
}

// WithRow returns the position of another row of the same table.
func (l Loc) WithRow(row int) Loc { return l.origin.At(row) }

// Problem returns a problem about column of this record.
func (l Loc) Problem(sev Severity, column, value string, err error) *Problem {
	return &Problem{Severity: sev, File: l.File(), Sheet: l.Sheet(), Row: l.Row(),
		Cell: l.Cell(column), Column: column, Value: value, Err: err}
}

// Pledge is one commitment of money: a fund, a capex plan, a government
// scheme.
type Pledge struct {
	Loc        Loc
	ID         string
	Announced  time.Time
	Investor   string
	Program    string
	AmountText string // the amount as entered, with currency and unit
	Amount     Amount // Value in whole units of Amount.Currency
	Years      float64
	StartYear  int
	Sectors    []string
	// SectorShares are the shares of the amount a source gives each
	// sector, in the order of Sectors, summing to 1; nil when the source
	// gives none and the amount is split equally.
	SectorShares []float64
	Region       string
	Source       string
	URL          string
	SourceDate   time.Time
	StatedUSD    float64 // a US-dollar equivalent stated by the source; 0 when none
	Note         string
	// Per names the recipient an amount is per ("start-up"): the amount is
	// what each recipient gets, never summed. Empty for a total.
	Per       string
	RelatedTo string // id of the pledge the relation points at
	// AIShare is the share of a broader programme's amount that a source
	// says goes to AI, between 0 and 1; 0 when no source states one.
	AIShare float64

	// The closed vocabularies, a byte each, kept together so that they
	// share one word of the record.

	InvestorType InvestorType
	Status       PledgeStatus
	// Kind says what the row is: a commitment of money, or a signal that
	// is not money (a licence, a partnership, a plan without a figure).
	Kind Kind
	// Relation says how the pledge stands to the one RelatedTo names.
	Relation Relation
	// DateBasis says where the announced date comes from.
	DateBasis DateBasis
	// AIScope says how much of the amount is for AI: the zero AIScope is
	// dedicated to AI, as is every pledge of a file without the column.
	AIScope AIScope
}

// Metric is one observed or planned figure: capex of a year, a quarter's
// revenue, a survey percentage, a rank.
type Metric struct {
	Loc        Loc
	Entity     string
	Metric     string
	Period     Period
	ValueText  string
	Value      float64 // whole units (32e9 for US$32 billion; 41 for 41%)
	Unit       string  // ISO currency code, "%", or a lower-case word such as count or rank
	Money      bool    // Unit is a currency
	Qualifier  Qualifier
	Change     bool // the value was written with a sign (+8%): a change, not a level
	Basis      string
	Source     string
	URL        string
	SourceDate time.Time
	Note       string
}

// Rate is one exchange rate: PerUSD units of Currency buy one US dollar,
// as of Date.
type Rate struct {
	Loc      Loc
	Currency string
	PerUSD   float64
	Date     time.Time
	Source   string
	Note     string
}

// InputFile describes one file that was read.
type InputFile struct {
	Path   string
	SHA256 string
	Tables []TableInfo
}

// TableInfo says which table a sheet held and how many records it gave.
type TableInfo struct {
	Sheet string
	Table string // pledges, metrics or fx
	Rows  int
}

// Entity is one name investors or metric entities go by, and the group it
// belongs to: Alibaba Cloud and the Alibaba Entrepreneurs Fund belong to
// Alibaba Group.
type Entity struct {
	Loc     Loc
	Name    string
	Aliases []string
	Group   string // the group's full name; empty means the entity is its own group
	Short   string // a short display name for the group ("Alibaba")
	// ShortHant and ShortHans are the group's short names in Traditional
	// and Simplified Chinese ("阿里巴巴"), shown by reports in those
	// scripts; empty means the name as shown in English.
	ShortHant, ShortHans string
	Type                 string // investor type, as for pledges
	Region               string
	Note                 string
}

// ComparisonSpec is one comparison the analyst asks for: two figures and
// how to set them against each other.
type ComparisonSpec struct {
	Loc        Loc
	ID         string
	Left       string // a figure reference: see ParseFigureRef
	Right      string
	How        string // see Hows
	LeftYears  float64
	RightYears float64
	Label      string // what the comparison says, as a sentence start
	// LabelHant and LabelHans are the analyst's own Label in Traditional
	// and Simplified Chinese; empty shows Label.
	LabelHant, LabelHans string
	// Caveat says how the two figures differ (another measure, period or
	// scope), worded into the sentence; a comparison of unlike figures
	// without one is left out with a warning (see RuleComparable).
	Caveat string
	Note   string
}

// SectorName maps a sector as written in Pledges to a sector of the
// analyst's own short list: "GPUs" and "AI chips" to "AI chips and
// computing".
type SectorName struct {
	Loc    Loc
	Name   string
	Sector string
	Note   string
}

// Inputs is everything read from the inputs folder.
type Inputs struct {
	Files       []InputFile
	Pledges     []Pledge
	Metrics     []Metric
	Rates       []Rate
	Entities    []Entity
	Comparisons []ComparisonSpec
	// Progress is the evidence of delivery (see Evidence); optional.
	Progress []Evidence
	// SectorNames map the sectors as written to the analyst's own list;
	// optional.
	SectorNames []SectorName
}

// The words of the pledge columns of closed vocabularies, as a cell may
// hold them.
var (
	InvestorTypes = investorTypeWords.list()
	Statuses      = pledgeStatusWords.list()
	Bases         = []string{"actual", "estimate", "plan", "budget", "forecast"}
	// Kinds of pledge rows. The first six are commitments of money; the
	// rest are signals, listed but never counted or summed.
	Kinds = kindWords.list()
	// Relations of one pledge to another: top-up adds to it; restates is
	// the same money reported again (not added); part of is a component
	// (shown, not added); replaces makes the older one stop counting.
	Relations = relationWords.list()
	// DateBases say where an announced date comes from: stated by the
	// source, the source's own date standing in for an unstated one, or
	// another record than the source; or a date the source does not give
	// (before a date, unknown).
	DateBases = dateBasisWords.list()
	// AIScopes say how much of a pledge's amount is for AI: all of it
	// (dedicated), a part of a broader programme that includes AI
	// (broader; counted only for the AI share a source states), or none
	// (not AI). Only AI money is counted.
	AIScopes = aiScopeWords.list()
)

// ParseAnnounced reads an announced date that may be one the source does
// not give: "unknown", or "before 2024-12-20". basis is DateUnknown or
// DateBefore for those, DateBasisUnset for a plain date; an unknown date
// is zero.
func ParseAnnounced(text string) (t time.Time, basis DateBasis, err error) {
	s := strings.TrimSpace(text)
	l := strings.ToLower(s)
	switch {
	case l == DateUnknown.String():
		return time.Time{}, DateUnknown, nil
	case strings.HasPrefix(l, DateBefore.String()) && spaceFirst(l[len(DateBefore.String()):]):
		// Any space after "before": a line break too, as the report's
		// Pledges sheet prints the date on a line of its own, and a
		// no-break space, as text copied from a web page has.
		t, err = ParseDate(strings.TrimSpace(s[len(DateBefore.String()):]))
		if err != nil {
			return time.Time{}, DateBasisUnset, err
		}
		return t, DateBefore, nil
	}
	t, err = ParseDate(s)
	if err != nil && strings.HasSuffix(err.Error(), "or an Excel date") {
		// Text that is no date at all: say how to write one not given.
		err = errorf(ErrDate, "%s; for a date the source does not give, write unknown, or before and the latest date it can be, such as before 2024-12-20", err.Error())
	}
	return t, DateBasisUnset, err
}

// spaceFirst reports whether s begins with a space of any kind.
func spaceFirst(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// Undated reports whether a pledge's date is not given by its source
// (before a date, or unknown): it counts in totals but in no year.
func (p *Pledge) Undated() bool { return p.DateBasis == DateBefore || p.DateBasis == DateUnknown }

// DateStated reports whether a pledge's date, or at least its year, is
// given by its source: not before a date, unknown, or the source's own
// date standing in. A year "since" which figures run rests on these.
func (p *Pledge) DateStated() bool {
	return p.DateBasis == DateBasisUnset || p.DateBasis == DateStated || p.DateBasis == DateElsewhere
}

// Signal reports whether kind is a signal rather than a commitment of
// money.
func Signal(kind Kind) bool { return kind >= KindLicence }

// ParseEnum reads a value that must be one of allowed, case-insensitively.
// Empty gives "".
func ParseEnum(s string, allowed []string) (string, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "" {
		return "", nil
	}
	for _, a := range allowed {
		if t == a || len(t) == len(a) && strings.EqualFold(t, a) {
			return a, nil
		}
	}
	return "", errorf(ErrEnum, "use one of: %s", strings.Join(allowed, ", "))
}

// ParseAIShare reads the AI share of a broader programme: a percentage
// above 0 and at most 100 ("40%"), given as a fraction of 1.
func ParseAIShare(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if !strings.HasSuffix(t, "%") {
		return 0, errorf(ErrNumber, "write the AI share as a percentage, such as 40%%")
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(t, "%")), 64)
	if err != nil || v <= 0 || v > 100 || math.IsNaN(v) {
		return 0, errorf(ErrNumber, "the AI share must be a percentage above 0%% and at most 100%%, such as 40%%")
	}
	return v / 100, nil
}

// ParseSectors reads a sectors cell: names separated by ";", each with an
// optional share of the amount ("cloud computing 60%; AI infrastructure
// 40%"). Shares are given for every sector or for none, and sum to 100%
// (within half a point); shares is nil when none is given.
func ParseSectors(s string) (names []string, shares []float64, err error) {
	parts := SplitSectors(s)
	var given int
	var sum float64
	for _, p := range parts {
		i := strings.LastIndexByte(p, ' ')
		if !strings.HasSuffix(p, "%") || i < 0 {
			names = append(names, p)
			shares = append(shares, 0)
			continue
		}
		v, perr := strconv.ParseFloat(strings.TrimSuffix(p[i+1:], "%"), 64)
		if perr != nil || v <= 0 || v > 100 {
			return nil, nil, errorf(ErrNumber, "cannot read the share of %q; write it as a percentage after the name, such as cloud computing 60%%", p)
		}
		names = append(names, strings.TrimSpace(p[:i]))
		shares = append(shares, v/100)
		given++
		sum += v
	}
	switch {
	case given == 0:
		return names, nil, nil
	case given < len(names):
		return nil, nil, errorf(ErrConflict, "give a share to every sector or to none (an amount with no shares is split equally)")
	case math.Abs(sum-100) > 0.5:
		return nil, nil, errorf(ErrConflict, "the shares add up to %s%%, not 100%%; make them add up to 100%%", ftoa(sum))
	}
	return names, shares, nil
}

// SplitSectors splits a sectors cell on ";" (also the Chinese "；"),
// trimming blanks and dropping empty parts and repeats.
func SplitSectors(s string) []string {
	s = strings.ReplaceAll(s, "；", ";")
	var out []string
	seen := map[string]bool{}
	for _, part := range strings.Split(s, ";") {
		p := strings.Join(strings.Fields(part), " ")
		k := strings.ToLower(p)
		if p == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, p)
	}
	return out
}
