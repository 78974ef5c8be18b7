package sheets

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"pledgewatch/analysis"
	"pledgewatch/analysis/sheets/internal/xlsxscan"
)

// This file decodes the cells of one data row into a Pledge, Metric or
// Rate. Each getter reports its own problems at the cell and returns the
// zero value for an absent or bad cell; a row with an error gives no
// record.

func (tr *tableReader) loc() analysis.Loc {
	return tr.origin.At(tr.at)
}

// text returns field f as trimmed text, "" when absent.
func (tr *tableReader) text(f int) string {
	c := tr.cur[f]
	if c == nil {
		return ""
	}
	if c.Kind == xlsxscan.Text && c.Bytes == nil {
		return trimSpace(c.Str)
	}
	if c.Kind == xlsxscan.Text || c.Kind == xlsxscan.ISODate {
		tr.ownText[f] = true
		return string(xlsxscan.TrimSpace(c.Bytes))
	}
	return tr.plain(c)
}

// interned is text for the low-cardinality columns: one copy of each
// distinct value is kept however many rows repeat it.
func (tr *tableReader) interned(f int) string {
	c := tr.cur[f]
	switch {
	case c == nil:
		return ""
	case c.Kind == xlsxscan.Text && c.Bytes != nil:
		return tr.rd.intern.bytes(xlsxscan.TrimSpace(c.Bytes))
	case c.Kind == xlsxscan.Text:
		return tr.rd.intern.str(trimSpace(c.Str))
	}
	return tr.rd.intern.str(tr.plain(c))
}

// date reads a date column: an Excel date, or ISO text.
func (tr *tableReader) date(f int) time.Time {
	c := tr.cur[f]
	if c == nil {
		return time.Time{}
	}
	switch c.Kind {
	case xlsxscan.Number:
		v, ok := numberOf(c)
		if !ok {
			break
		}
		if c.Format != xlsxscan.DateFormat && v < 10000 {
			if v == math.Trunc(v) && v >= 1000 && v <= 9999 {
				tr.errorAt(f, formatNumber(v), analysis.Errorf(analysis.ErrDate,
					"a year, not a date; enter the full date, such as %d-02-24", int(v)))
			} else {
				tr.errorAt(f, formatNumber(v), analysis.Errorf(analysis.ErrDate,
					"a number, not a date; enter a date such as 2025-02-24"))
			}
			return time.Time{}
		}
		t, ok := serialDate(v, tr.date1904)
		if !ok {
			tr.errorAt(f, formatNumber(v), analysis.Errorf(analysis.ErrDate,
				"not a date a spreadsheet can show; enter a date such as 2025-02-24"))
			return time.Time{}
		}
		if err := analysis.CheckDate(t); err != nil {
			tr.errorAt(f, t.Format(analysis.DateLayout), err)
			return time.Time{}
		}
		return t
	case xlsxscan.Bool:
		tr.errorAt(f, tr.plain(c), analysis.Errorf(analysis.ErrDate, "not a date; enter a date such as 2025-02-24"))
		return time.Time{}
	}
	s := tr.text(f)
	t, err := analysis.ParseDate(s)
	if err != nil {
		tr.errorAt(f, clip(s), err)
		return time.Time{}
	}
	return t
}

// number reads a number column. Text goes through analysis.ParseAmount,
// which explains a decimal comma; it must be a plain number.
func (tr *tableReader) number(f int) (float64, bool) {
	c := tr.cur[f]
	if c == nil {
		return 0, false
	}
	switch c.Kind {
	case xlsxscan.Number:
		v, ok := numberOf(c)
		if !ok {
			break
		}
		if c.Format == xlsxscan.DateFormat {
			tr.errorAt(f, numberText(c, tr.date1904), analysis.Errorf(analysis.ErrNumber,
				"the cell holds a date, not a number (Excel may have turned what was typed into a date); format the cell as Number and type the value again"))
			return 0, false
		}
		if c.Format == xlsxscan.PercentFormat {
			v *= 100
		}
		return v, true
	case xlsxscan.Bool, xlsxscan.ISODate:
		tr.errorAt(f, tr.plain(c), analysis.Errorf(analysis.ErrNumber, "not a number; enter a number such as 3 or 7.8"))
		return 0, false
	}
	s := tr.text(f)
	if v, ok := parseNumber(s); ok && !strings.ContainsAny(s, "xXpP") { // no hex floats
		return v, true
	}
	a, err := analysis.ParseAmount(s)
	switch {
	case err != nil:
	case a.Undisclosed || a.Currency != "" || a.Percent || a.Scale != 0 || a.Qualifier != analysis.Exact:
		err = analysis.Errorf(analysis.ErrNumber, "enter a plain number, such as 3 or 7.8")
	default:
		return a.Value, true
	}
	tr.errorAt(f, clip(s), err)
	return 0, false
}

// positive reads a number that must be more than zero.
func (tr *tableReader) positive(f int, what string) float64 {
	v, ok := tr.number(f)
	if ok && v <= 0 {
		tr.errorAt(f, formatNumber(v), analysis.Errorf(analysis.ErrNumber, "%s must be more than 0", what))
		return 0
	}
	return v
}

// span reads a number of years: more than 0 and at most
// analysis.MaxSpanYears.
func (tr *tableReader) span(f int, what string) float64 {
	v := tr.positive(f, what)
	if err := analysis.CheckSpan(v); err != nil {
		tr.errorAt(f, clip(tr.text(f)), err)
		return 0
	}
	return v
}

// enum reads a column whose value must be one of its declared choices.
func (tr *tableReader) enum(f int) string {
	s := tr.interned(f)
	v, err := analysis.ParseEnum(s, tr.spec.columns[f].choices)
	if err != nil {
		tr.errorAt(f, clip(s), err)
	}
	return v
}

// word reads field f as a word of a closed vocabulary, which parse reads
// into its one-byte type (such as analysis.ParseKind); a word not in it is
// an error at the cell, and the zero value.
func word[V any](tr *tableReader, f int, parse func(string) (V, error)) V {
	s := tr.interned(f)
	v, err := parse(s)
	if err != nil {
		tr.errorAt(f, clip(s), err)
	}
	return v
}

// link reads a url column; a link that is not http, https or mailto is a
// warning (it will not be made clickable in the report).
func (tr *tableReader) link(f int) string {
	s := tr.text(f)
	if s == "" {
		return ""
	}
	l := strings.ToLower(s)
	if !strings.HasPrefix(l, "https://") && !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "mailto:") {
		tr.problem(analysis.SevWarning, f, clip(s), analysis.Errorf(analysis.ErrUnsafeLink,
			"not a web link; write the full address, starting with https://"))
	}
	return s
}

// fieldError reports an error of the analysis parsers at its cell: a
// FieldError names another column of the row than the one parsed.
func (tr *tableReader) fieldError(f int, value string, err error) {
	var fe *analysis.FieldError
	if errors.As(err, &fe) {
		if g, ok := tr.spec.index[fe.Column]; ok && tr.fieldCol[g] != 0 {
			tr.errorAt(g, clip(trimSpace(fe.Value)), fe.Err)
			return
		}
	}
	tr.errorAt(f, clip(value), err)
}

// valueText returns an amount or value cell as text for the analysis
// parsers: numbers in their shortest form, a percentage format as 41%.
func (tr *tableReader) valueText(f int) (string, bool) {
	c := tr.cur[f]
	if c == nil {
		return "", false
	}
	if c.Kind == xlsxscan.Number && c.Format == xlsxscan.DateFormat {
		tr.errorAt(f, numberText(c, tr.date1904), analysis.Errorf(analysis.ErrNumber,
			"the cell holds a date, not an amount (Excel may have turned what was typed into a date); format the cell as Number or Text and type the value again"))
		return "", false
	}
	return tr.text(f), true
}

// keep adds a row's record to list, unless the row had an error.
func keep[T any](tr *tableReader, list *[]T, rec T) {
	if tr.bad {
		return
	}
	*list = append(*list, rec)
	tr.records++
}

// readInPlace adds an empty record to list for the row to be read into,
// and returns it; keepInPlace then keeps it or takes it back. Read so, a
// record of a table of many rows is written once, in its place:
// readDeclared hands it to the column readers as an any, which would move
// a local record to the heap, and a record read elsewhere is copied into
// the list (472 bytes for a pledge).
func readInPlace[T any](list *[]T) *T {
	var zero T
	*list = append(*list, zero)
	return &(*list)[len(*list)-1]
}

// keepInPlace keeps the record readInPlace added to list, unless the row
// had an error.
func keepInPlace[T any](tr *tableReader, list *[]T) {
	if tr.bad {
		var zero T
		(*list)[len(*list)-1] = zero // keeps nothing of the row alive
		*list = (*list)[:len(*list)-1]
		return
	}
	tr.records++
}

// readDeclared reads every column of the table that declares a reader
// into rec, a pointer to the table's record.
func (tr *tableReader) readDeclared(rec any) {
	for f, c := range tr.spec.columns {
		if c.read != nil {
			c.read(tr, f, rec)
		}
	}
}

// announced reads a pledge's announced date: a date, or one the source
// does not give ("unknown", "before 2024-12-20"), whose basis it stores.
func (tr *tableReader) announced(f int, rec any) {
	p := rec.(*analysis.Pledge)
	c := tr.cur[f]
	if c == nil || c.Kind != xlsxscan.Text {
		p.Announced = tr.date(f)
		return
	}
	s := tr.text(f)
	t, basis, err := analysis.ParseAnnounced(s)
	if err != nil {
		tr.errorAt(f, clip(s), err)
		return
	}
	p.Announced, p.DateBasis = t, basis
}

func (tr *tableReader) pledge() {
	// The record is read in its place in the list (see readInPlace).
	p := readInPlace(&tr.rd.Inputs.Pledges)
	p.Loc = tr.loc()
	tr.readDeclared(p)
	tr.pledgeAmount(p)
	if tr.cur[pYears] != nil {
		p.Years = tr.span(pYears, "years")
	}
	if tr.cur[pStartYear] != nil {
		p.StartYear = tr.year(pStartYear)
	}
	if tr.cur[pSectors] != nil {
		p.Sectors, p.SectorShares = tr.sectors(pSectors)
	}
	if tr.cur[pStatedUSD] != nil {
		p.StatedUSD = tr.statedUSD(pStatedUSD)
	}
	tr.pledgeKind(p)
	tr.pledgeScope(p)
	if p.DateBasis == analysis.DateUnknown && p.Announced.IsZero() && !tr.errored[pAnnounced] {
		// An unknown date still needs a month to be counted in and a
		// rate to be converted at: the source's.
		if p.SourceDate.IsZero() {
			tr.errorAt(pAnnounced, clip(tr.text(pAnnounced)), analysis.Errorf(analysis.ErrDate,
				"a date the source does not give needs the source's date in source_date, to place the pledge in a month and pick its exchange rate; or write before and the latest date it can be, such as before 2024-12-20"))
		}
		p.Announced = p.SourceDate
	}
	keepInPlace(tr, &tr.rd.Inputs.Pledges)
}

// pledgeKind reads what a pledge row is and how it stands to another:
// kind, per, relation, related_to and date_basis, with the checks that
// need only the row itself. References to other rows are checked by
// analysis.Build, which sees them all.
func (tr *tableReader) pledgeKind(p *analysis.Pledge) {
	if tr.cur[pKind] == nil && tr.cur[pPer] == nil && tr.cur[pRelation] == nil && tr.cur[pRelatedTo] == nil && tr.cur[pDateBasis] == nil {
		return // a file without the columns reads as before
	}
	p.Kind = word(tr, pKind, analysis.ParseKind)
	p.Per = tr.interned(pPer)
	p.Relation = word(tr, pRelation, analysis.ParseRelation)
	p.RelatedTo = tr.text(pRelatedTo)
	switch basis := word(tr, pDateBasis, analysis.ParseDateBasis); {
	case p.DateBasis != analysis.DateBasisUnset && basis != analysis.DateBasisUnset && basis != p.DateBasis:
		tr.errorAt(pDateBasis, basis.String(), analysis.Errorf(analysis.ErrConflict,
			"announced says %s; make date_basis %s too, or clear it", p.DateBasis, p.DateBasis))
	case p.DateBasis == analysis.DateBasisUnset && basis != analysis.DateStated:
		p.DateBasis = basis
	}
	if tr.errored[pKind] || tr.errored[pAmount] {
		return
	}
	switch {
	case analysis.Signal(p.Kind) && !p.Amount.Undisclosed:
		tr.errorAt(pAmount, clip(tr.text(pAmount)), analysis.Errorf(analysis.ErrConflict,
			"a %s is not money, so it has no amount; enter undisclosed, or give the row a kind of money (fund, budget, scheme, capex, investment, acquisition)", p.Kind))
	case analysis.Signal(p.Kind) && p.Per != "":
		tr.errorAt(pPer, clip(p.Per), analysis.Errorf(analysis.ErrConflict,
			"a %s is not money, so no amount is per recipient; leave per empty", p.Kind))
	case p.Per != "" && p.Amount.Undisclosed:
		tr.errorAt(pPer, clip(p.Per), analysis.Errorf(analysis.ErrConflict,
			"an amount per %s needs the amount; enter what each recipient gets, or leave per empty", p.Per))
	}
	switch {
	case p.Relation == analysis.RelationNew && p.RelatedTo != "":
		tr.errorAt(pRelatedTo, clip(p.RelatedTo), analysis.Errorf(analysis.ErrRelation,
			"new money relates to no other pledge; clear related_to, or say how it relates in relation: top-up, restates, part of or replaces"))
	case p.Relation != analysis.RelationUnset && p.Relation != analysis.RelationNew && p.RelatedTo == "" && !tr.errored[pRelation]:
		tr.errorAt(pRelation, p.Relation.String(), analysis.Errorf(analysis.ErrRelation,
			"%s which pledge? put its id in related_to", p.Relation))
	case p.Relation == analysis.RelationUnset && p.RelatedTo != "" && !tr.errored[pRelation]:
		tr.errorAt(pRelatedTo, clip(p.RelatedTo), analysis.Errorf(analysis.ErrRelation,
			"say how this pledge relates to %s in relation: top-up, restates, part of or replaces", p.RelatedTo))
	case p.RelatedTo != "" && analysis.SameID(p.RelatedTo, p.ID):
		tr.errorAt(pRelatedTo, clip(p.RelatedTo), analysis.Errorf(analysis.ErrRelation,
			"a pledge cannot relate to itself; put the id of the other pledge"))
	}
}

// pledgeScope reads how much of a pledge's amount is for AI: ai_scope
// and, for a broader programme, the ai_share a source states.
func (tr *tableReader) pledgeScope(p *analysis.Pledge) {
	if tr.cur[pAIScope] == nil && tr.cur[pAIShare] == nil {
		return // a file without the columns reads as before
	}
	p.AIScope = word(tr, pAIScope, analysis.ParseAIScope)
	s, ok := tr.valueText(pAIShare)
	if !ok || s == "" {
		return
	}
	v, err := analysis.ParseAIShare(s)
	switch {
	case err != nil:
		tr.errorAt(pAIShare, clip(s), err)
	case p.AIScope != analysis.ScopeBroader && !tr.errored[pAIScope]:
		tr.errorAt(pAIShare, clip(s), analysis.Errorf(analysis.ErrConflict,
			"an AI share belongs to a broader programme; set ai_scope to broader, or clear ai_share (a dedicated pledge is all AI, a not AI one none)"))
	default:
		p.AIShare = v
	}
}

// pledgeAmount reads the amount with its currency, unit and qualifier
// columns.
func (tr *tableReader) pledgeAmount(p *analysis.Pledge) {
	cur, unit, qual := tr.interned(pCurrency), tr.interned(pUnit), tr.interned(pQualifier)
	amount, ok := tr.valueText(pAmount)
	if !ok {
		tr.checkCompanions(pCurrency, pUnit, pQualifier)
		return
	}
	a, err := analysis.PledgeAmount(amount, cur, unit, qual)
	if err != nil {
		tr.fieldError(pAmount, amount, err)
		tr.checkCompanions(pCurrency, pUnit, pQualifier)
		return
	}
	p.Amount = a
	p.AmountText = amountText(amount, cur, unit, qual, tr.cur[pAmount].Kind == xlsxscan.Number, a.Undisclosed)
}

// checkCompanions reads the currency, unit and qualifier columns (the
// fields cur, unit and qual) on their own when the amount could not be
// read, so that their problems are reported in the same run.
func (tr *tableReader) checkCompanions(cur, unit, qual int) {
	check := func(f int, parse func(string) error) {
		if tr.cur[f] == nil || tr.errored[f] {
			return
		}
		s := tr.text(f)
		if err := parse(s); err != nil {
			tr.errorAt(f, clip(s), err)
		}
	}
	check(cur, func(s string) error { _, err := analysis.ParseCurrency(s); return err })
	check(unit, func(s string) error { _, err := analysis.ParseUnit(s); return err })
	check(qual, func(s string) error { _, err := analysis.ParseQualifier(s); return err })
}

// amountText is the amount as entered, with what the currency, unit and
// qualifier columns add to it: "at least 380 billion CNY".
func amountText(amount, cur, unit, qual string, number, undisclosed bool) string {
	if undisclosed || cur == "" && unit == "" && qual == "" {
		return amount
	}
	var own analysis.Amount
	if !number {
		own, _ = analysis.ParseAmount(amount) // cannot fail: PledgeAmount read it
	}
	var b strings.Builder
	b.Grow(len(qual) + len(amount) + len(unit) + len(cur) + 3)
	if qual != "" && own.Qualifier == analysis.Exact {
		b.WriteString(qual)
		b.WriteByte(' ')
	}
	b.WriteString(amount)
	if unit != "" && own.Scale == 0 {
		b.WriteByte(' ')
		b.WriteString(unit)
	}
	if cur != "" && own.Currency == "" {
		b.WriteByte(' ')
		b.WriteString(cur)
	}
	return b.String()
}

// year reads a four-digit year.
func (tr *tableReader) year(f int) int {
	c := tr.cur[f]
	if c.Kind == xlsxscan.Number {
		if v, ok := numberOf(c); ok && v == math.Trunc(v) && v >= analysis.MinYear && v <= analysis.MaxYear {
			return int(v) // even in a date-formatted cell, 2025 was typed as a year
		}
		if c.Format == xlsxscan.DateFormat {
			s := numberText(c, tr.date1904)
			tr.errorAt(f, s, analysis.Errorf(analysis.ErrNumber, "a date, not a year; enter the year alone, such as %s", s[:min(4, len(s))]))
			return 0
		}
	}
	s := tr.text(f)
	if n, err := strconv.Atoi(s); err == nil && n >= analysis.MinYear && n <= analysis.MaxYear {
		return n
	}
	tr.errorAt(f, clip(s), analysis.Errorf(analysis.ErrNumber, "not a year; enter a four-digit year such as 2025"))
	return 0
}

// sectors splits a sectors cell into names and, where the source gives
// them, shares, keeping one copy per distinct cell text: pledges share
// them, so they must not be modified.
func (tr *tableReader) sectors(f int) ([]string, []float64) {
	s := tr.interned(f)
	if s == "" {
		return nil, nil
	}
	rd := tr.rd
	if v, ok := rd.sectors[s]; ok {
		return v.names, v.shares
	}
	parts, shares, err := analysis.ParseSectors(s)
	if err != nil {
		tr.errorAt(f, clip(s), err)
		return nil, nil
	}
	for i, p := range parts {
		parts[i] = rd.intern.str(p)
	}
	parts = parts[:len(parts):len(parts)] // an append by a user copies
	if rd.sectors == nil {
		rd.sectors = make(map[string]sectorCell)
	}
	if len(rd.sectors) < maxInterned {
		rd.sectors[s] = sectorCell{parts, shares}
	}
	return parts, shares
}

// sectorCell is a sectors cell as read.
type sectorCell struct {
	names  []string
	shares []float64
}

// statedUSD reads the US-dollar equivalent a source states: a number of
// dollars, or text such as US$53 billion.
func (tr *tableReader) statedUSD(f int) float64 {
	c := tr.cur[f]
	if c.Kind == xlsxscan.Number {
		return tr.positive(f, "the stated US-dollar amount")
	}
	s := tr.text(f)
	a, err := analysis.ParseAmount(s)
	switch {
	case err != nil:
	case a.Undisclosed || a.Percent:
		err = analysis.Errorf(analysis.ErrNumber, "enter the US-dollar amount the source states, such as US$53 billion, or leave the cell empty")
	case a.Currency != "" && a.Currency != "USD":
		err = analysis.Errorf(analysis.ErrConflict, "the stated amount is in %s; this column holds the US-dollar equivalent a source gives, such as US$53 billion", a.Currency)
	case a.Value <= 0:
		err = analysis.Errorf(analysis.ErrNumber, "the stated US-dollar amount must be more than 0")
	default:
		return a.Value
	}
	tr.errorAt(f, clip(s), err)
	return 0
}

func (tr *tableReader) metric() {
	m := analysis.Metric{Loc: tr.loc()}
	tr.readDeclared(&m)
	if tr.cur[mPeriod] != nil {
		m.Period = tr.period(mPeriod)
	}
	if value, ok := tr.valueText(mValue); ok {
		unit, qual := tr.interned(mUnit), tr.interned(mQualifier)
		a, u, money, err := analysis.MetricValue(value, unit, qual)
		if err != nil {
			tr.fieldError(mValue, value, err)
		} else {
			m.ValueText = value
			m.Value, m.Unit, m.Money, m.Qualifier = a.Value, tr.rd.intern.str(u), money, a.Qualifier
			// Only typed text can carry a sign that marks a change (+8%):
			// a number cell of -5 is a level.
			m.Change = a.Signed && tr.cur[mValue].Kind != xlsxscan.Number
		}
	}
	keep(tr, &tr.rd.Inputs.Metrics, m)
}

// period reads a metric's period: text (2025, 2024Q4, FY2025, 2025-02-24),
// a number typed as a year, or an Excel date.
func (tr *tableReader) period(f int) analysis.Period {
	c := tr.cur[f]
	if c.Kind == xlsxscan.Number {
		v, _ := numberOf(c)
		switch {
		case c.Format != xlsxscan.DateFormat && v == math.Trunc(v) && v >= 1000 && v <= 9999:
			return analysis.Period{Kind: analysis.PeriodYear, Year: int(v)}
		case c.Format == xlsxscan.DateFormat || v > 10000:
			if t, ok := serialDate(v, tr.date1904); ok {
				return analysis.DayPeriod(t)
			}
		}
		tr.errorAt(f, numberText(c, tr.date1904), analysis.Errorf(analysis.ErrPeriod,
			"cannot read the number as a period; enter a year (2025), a quarter (2024Q4), a fiscal year (FY2025) or a date (2025-02-24)"))
		return analysis.Period{}
	}
	s := tr.text(f)
	p, err := analysis.ParsePeriod(s)
	if err != nil {
		tr.errorAt(f, clip(s), err)
	}
	return p
}

func (tr *tableReader) rate() {
	r := analysis.Rate{Loc: tr.loc()}
	tr.readDeclared(&r)
	if c := tr.cur[fCurrency]; c != nil {
		s := tr.text(fCurrency)
		code, err := analysis.ParseCurrency(s)
		if err != nil {
			tr.errorAt(fCurrency, clip(s), err)
		}
		r.Currency = code
	}
	if tr.cur[fPerUSD] != nil {
		r.PerUSD = tr.positive(fPerUSD, "per_usd")
		// Every currency in use trades between about 0.3 and 50,000 to the
		// dollar; a rate far outside that is a slip, and one near the limits
		// of a float would overflow the conversions.
		if r.PerUSD != 0 && (r.PerUSD < 1e-6 || r.PerUSD > 1e9) {
			tr.errorAt(fPerUSD, formatNumber(r.PerUSD), analysis.Errorf(analysis.ErrNumber,
				"not a plausible exchange rate; enter how many units of the currency buy one US dollar, such as 7.8"))
			r.PerUSD = 0
		}
	}
	if r.Currency == "USD" && r.PerUSD != 0 && r.PerUSD != 1 {
		tr.errorAt(fPerUSD, formatNumber(r.PerUSD), analysis.Errorf(analysis.ErrConflict,
			"one US dollar is 1 USD by definition; delete the USD row or set per_usd to 1"))
	}
	keep(tr, &tr.rd.Inputs.Rates, r)
}

// aliases splits a list of names on ";" (also the Chinese "；").
func (tr *tableReader) names(f int) []string {
	s := tr.text(f)
	if s == "" {
		return nil
	}
	return analysis.SplitSectors(s)
}

func (tr *tableReader) entity() {
	e := analysis.Entity{Loc: tr.loc()}
	tr.readDeclared(&e)
	keep(tr, &tr.rd.Inputs.Entities, e)
}

func (tr *tableReader) comparison() {
	c := analysis.ComparisonSpec{Loc: tr.loc()}
	tr.readDeclared(&c)
	if tr.cur[cLeftYears] != nil {
		c.LeftYears = tr.span(cLeftYears, "left_years")
	}
	if tr.cur[cRightYears] != nil {
		c.RightYears = tr.span(cRightYears, "right_years")
	}
	for _, f := range []int{cLeft, cRight} {
		s := c.Left
		if f == cRight {
			s = c.Right
		}
		if s == "" {
			continue
		}
		if _, err := analysis.ParseFigureRef(s); err != nil {
			tr.errorAt(f, clip(s), err)
		}
	}
	if c.Right == "" && c.How != "" && c.How != "pace" && c.How != "pace share" {
		tr.errorAt(cRight, "", analysis.Errorf(analysis.ErrRequired, "a %s needs a second figure; enter it in right", c.How))
	}
	keep(tr, &tr.rd.Inputs.Comparisons, c)
}

// evidence reads one row of the Progress table: a stage a pledge reached
// on a date, with an amount where one is stated. That the pledge exists,
// the stages run in order and cumulative amounts do not fall is checked
// by analysis.Build, which sees every row of the pledge.
func (tr *tableReader) evidence() {
	e := readInPlace(&tr.rd.Inputs.Progress) // as pledge's record
	e.Loc = tr.loc()
	tr.readDeclared(e)
	e.Amount.Undisclosed = true
	cur, unit, qual := tr.interned(gCurrency), tr.interned(gUnit), tr.interned(gQualifier)
	if amount, ok := tr.valueText(gAmount); ok {
		a, err := analysis.PledgeAmount(amount, cur, unit, qual)
		switch {
		case err != nil:
			tr.fieldError(gAmount, amount, err)
		case !a.Undisclosed && e.Stage == analysis.StageCancelled:
			tr.errorAt(gAmount, clip(amount), analysis.Errorf(analysis.ErrConflict,
				"a cancellation has no amount; put what was paid out before it on a disbursed or spent row, and leave this amount empty"))
		case !a.Undisclosed && e.Basis == analysis.BasisNone && !tr.errored[gAmountBasis]:
			tr.errorAt(gAmountBasis, "", analysis.Errorf(analysis.ErrRequired,
				"say how the amount counts: cumulative (the total at this stage to this date) or increment (added since the rows before)"))
		default:
			e.Amount = a
			e.AmountText = amountText(amount, cur, unit, qual, tr.cur[gAmount].Kind == xlsxscan.Number, a.Undisclosed)
		}
	}
	if e.Amount.Undisclosed {
		tr.checkCompanions(gCurrency, gUnit, gQualifier)
	}
	if e.Amount.Undisclosed && e.Basis != analysis.BasisNone {
		e.Basis = analysis.BasisNone // a basis without an amount says nothing
	}
	keepInPlace(tr, &tr.rd.Inputs.Progress)
}

func (tr *tableReader) sectorName() {
	n := analysis.SectorName{Loc: tr.loc()}
	tr.readDeclared(&n)
	keep(tr, &tr.rd.Inputs.SectorNames, n)
}
