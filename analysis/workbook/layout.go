package workbook

import (
	"fmt"
	"math"

	"pledgewatch/analysis"
)

// layout fixes where every table goes before any sheet is written, so
// that the Summary, written first, can point at cells of later sheets and
// the charts can read their ranges.
type layout struct {
	pledgeFirst int // first data row on Pledges

	sectors section

	investors []section // by investor, type, region, year, Hong Kong

	trendsHeader int // header row of the trends table
	trendsFirst  int
	stepsHeading int
	stepsHeader  int
	stepsFirst   int
	pointsHead   int
	pointsHeader int
	pointsFirst  int
	pointsLast   int
	// pointRows[i] is the first row of trend i's points.
	pointRows []int

	investorsLast int // last row used on Investors
}

// section is one group table: a heading, a header, a row per group and a
// total row.
type section struct {
	heading    string // "By investor"
	key        string // first column header
	tableName  string // Excel table name
	groups     []analysis.Group
	totalLabel string
	totalQ     analysis.Qualifier
	// distinct is set where a pledge can count in several groups (sectors):
	// the total row then gives the distinct counts as values, not sums.
	distinct       bool
	count, undiscl int // distinct counts for the total row
	// noShare leaves out the share column: members of groups are a part
	// of the total, not a split of it.
	noShare bool

	headRow, headerRow, first, totalRow int
	// colTotal is the sum of the group totals in row order, as SUM
	// computes it; perYear likewise.
	colTotal, colPerYear, colShare float64
	shares                         []float64
	// shared, when set, holds the units of the money columns common to
	// the sections of a sheet.
	shared *[2]unit
}

func (s *section) place(row int) int {
	s.headRow = row
	s.headerRow = row + 1
	s.first = row + 2
	if len(s.groups) == 0 {
		return row + 3
	}
	s.totalRow = s.first + len(s.groups)
	s.sums()
	return s.totalRow + 2
}

// sums adds up the column totals in row order and the shares from them,
// as Excel's SUM and the share formulas compute them. (The Group.Share
// values of the report are summed in map order and may differ in the last
// bit between runs.)
func (s *section) sums() {
	s.colTotal, s.colPerYear = 0, 0
	for _, g := range s.groups {
		s.colTotal += g.Total
		s.colPerYear += g.PerYear
	}
	s.shares = make([]float64, len(s.groups))
	s.colShare = 0
	for i, g := range s.groups {
		if s.colTotal > 0 {
			s.shares[i] = g.Total / s.colTotal
		} else {
			s.shares[i] = math.NaN()
		}
		if !math.IsNaN(s.shares[i]) {
			s.colShare += s.shares[i]
		}
	}
}

func newLayout(r *analysis.Report) layout {
	var l layout
	l.pledgeFirst = 2

	l.sectors = section{heading: "Fund size by sector", key: "Sector", tableName: "SectorTotals", groups: r.BySector,
		totalLabel: "All counted pledges", totalQ: r.Total.Qualifier, distinct: true,
		count: r.Total.Count, undiscl: r.Total.Undisclosed}
	l.sectors.place(3)

	hkQ := analysis.Exact
	for _, g := range r.HongKong {
		hkQ = hkQ.Sum(g.Qualifier)
	}
	l.investors = []section{
		{heading: "By investor group (names gathered by the Entities sheet)", key: "Investor group", tableName: "InvestorTotals", groups: r.ByInvestor, totalLabel: "All counted pledges", totalQ: r.Total.Qualifier},
		{heading: "By investor type", key: "Investor type", tableName: "InvestorTypeTotals", groups: r.ByInvestorType, totalLabel: "All counted pledges", totalQ: r.Total.Qualifier},
		{heading: "By region", key: "Region", tableName: "RegionTotals", groups: r.ByRegion, totalLabel: "All counted pledges", totalQ: r.Total.Qualifier},
		{heading: "By year of announcement", key: "Year", tableName: "YearTotals", groups: yearGroups(r), totalLabel: "All counted pledges", totalQ: r.Total.Qualifier},
		{heading: "Hong Kong: public schemes against private money", key: "Hong Kong", tableName: "HongKongTotals", groups: r.HongKong, totalLabel: "All Hong Kong pledges", totalQ: hkQ},
	}
	if len(r.ByMember) > 0 {
		members := section{heading: "Members of groups that gather several names", key: "Group: member", tableName: "MemberTotals",
			groups: memberKeys(r.ByMember), totalLabel: "All members listed", totalQ: sumQ(r.ByMember), noShare: true}
		l.investors = append(l.investors[:1], append([]section{members}, l.investors[1:]...)...)
	}
	row := 4
	for i := range l.investors {
		row = l.investors[i].place(row)
	}
	// One figure shows in one form wherever Investors has it (never
	// US$0.13B in one section and US$128.2M in the next): the sections
	// share their units.
	shared := sharedUnits(l.investors)
	for i := range l.investors {
		l.investors[i].shared = &shared
	}
	l.investorsLast = row - 2

	l.trendsHeader = 4
	l.trendsFirst = 5
	row = l.trendsFirst + max(len(r.Trends), 1) + 1
	l.stepsHeading, l.stepsHeader, l.stepsFirst = row, row+1, row+2
	steps := 0
	for _, t := range r.Trends {
		steps += len(t.Steps)
	}
	row = l.stepsFirst + max(steps, 1) + 1
	l.pointsHead, l.pointsHeader, l.pointsFirst = row, row+1, row+2
	row = l.pointsFirst
	for _, t := range r.Trends {
		l.pointRows = append(l.pointRows, row)
		row += len(t.Points)
	}
	l.pointsLast = row - 1
	return l
}

// check reports a sheet that would need more rows than Excel has.
func (l *layout) check() error {
	for _, c := range []struct {
		sheet string
		last  int
	}{
		{sheetSectors, l.sectors.totalRow},
		{sheetInvestors, l.investorsLast},
		{sheetTrends, l.pointsLast},
	} {
		if c.last > maxRows {
			return fmt.Errorf("sheet %s needs %d rows: %w (Excel has %d)", c.sheet, c.last, ErrTooManyRows, maxRows)
		}
	}
	return nil
}

// memberKeys names member lines by their group and their own name.
func memberKeys(ms []analysis.Group) []analysis.Group {
	out := make([]analysis.Group, len(ms))
	for i, m := range ms {
		out[i] = m
		out[i].Key = m.Parent + ": " + m.Key
		out[i].Members = []string{m.Key}
		if len(m.Members) > 1 {
			// Written more ways than case tells apart: no one formula
			// condition finds its rows, so its figures stay values.
			out[i].Members = m.Members
		}
	}
	return out
}

func sumQ(gs []analysis.Group) analysis.Qualifier {
	q := analysis.Exact
	for _, g := range gs {
		q = q.Sum(g.Qualifier)
	}
	return q
}

// section returns the Investors section with the given table name.
func (l *layout) section(table string) *section {
	for i := range l.investors {
		if l.investors[i].tableName == table {
			return &l.investors[i]
		}
	}
	panic("workbook: no section " + table)
}

// yearGroups are the years of the by-year table, then the pledges whose
// source gives no date, so that the rows add up to the total.
func yearGroups(r *analysis.Report) []analysis.Group {
	if r.DateNotStated.Count == 0 {
		return r.ByYear
	}
	return append(append([]analysis.Group(nil), r.ByYear...), r.DateNotStated)
}
