package workbook

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
)

// groupColumns declares a section of Investors or Sectors; the first
// header is the section's key ("Investor group", "Sector").
var groupColumns = columns{
	{"key", "", 44, true},
	{"pledges", "Pledges", 10, true},
	{"undisclosed", "Undisclosed", 12, true},
	{"total", "Total (%s)", 16, true},
	{"qualifier", "Qualifier", 14, true},
	{"per year", "Per year (%s)", 18, true},
	{"share", "Share of total", 14, true},
}

// Columns of a section that formulas and the native charts read.
var (
	colGroupKey, colGroupCount, colGroupUndisclosed = groupColumns.letter("key"), groupColumns.letter("pledges"), groupColumns.letter("undisclosed")
	colGroupTotal, colGroupPerYear, colGroupShare   = groupColumns.letter("total"), groupColumns.letter("per year"), groupColumns.letter("share")
)

func (b *book) groupHeader(key, cur string, total, perYear unit) []string {
	h := b.heads(groupColumns, cur)
	h[0] = b.head(key, cur)
	h[groupColumns.index("total")] = b.moneyHead(groupColumns[groupColumns.index("total")].header, cur, total)
	h[groupColumns.index("per year")] = b.moneyHead(groupColumns[groupColumns.index("per year")].header, cur, perYear)
	return h
}

// units are the units of the section's two money columns, each chosen
// from its figures and its total.
func (s *section) units() (total, perYear unit) {
	if s.shared != nil {
		return s.shared[0], s.shared[1]
	}
	var totals, perYears []float64
	for _, g := range s.groups {
		totals, perYears = append(totals, g.Total), append(perYears, g.PerYear)
	}
	return columnUnit(append(totals, s.colTotal)), columnUnit(append(perYears, s.colPerYear))
}

func (s *section) table(b *book, cur string) table {
	total, perYear := s.units()
	return table{name: s.tableName, col: 1, row: s.headerRow, last: s.first + len(s.groups) - 1, header: b.groupHeader(s.key, cur, total, perYear)}
}

// shownKey is the name a group's row shows: investor groups by the short
// name the Entities sheet gives them in the workbook's script, and
// investor types in its language, as the Pledges sheet shows them; every
// other key as it is.
func (b *book) shownKey(sec *section, g analysis.Group) string {
	switch sec.tableName {
	case "InvestorTotals":
		return b.p.Name(g.Key)
	case "InvestorTypeTotals":
		return b.investorType(g.Key)
	case "MemberTotals":
		if g.Parent != "" && strings.HasPrefix(g.Key, g.Parent+": ") {
			return b.p.Name(g.Parent) + g.Key[len(g.Parent):]
		}
	}
	return b.groupName(g.Key)
}

// writeSection writes the heading, the header, a row per group and the
// total row. Shares are formulas (total / SUM of the totals) and the total
// row sums the columns, each with the value pledgewatch computed cached.
func (b *book) writeSection(s *sheet, sec *section, heading bool) {
	cur := b.r.Currency
	if heading {
		s.set(sec.headRow, 1, b.text(b.label(sec.heading), look{bold: true}))
	}
	if len(sec.groups) == 0 {
		s.set(sec.headRow+1, 1, b.text(b.tr("No counted pledges."), look{italic: true}))
		return
	}
	s.header(sec.table(b, cur))
	last := sec.first + len(sec.groups) - 1
	// One unit for each money column of the table, its total included,
	// named in the header.
	totalUnit, perYearUnit := sec.units()
	totalFmt, perYearFmt := totalUnit.plain(), perYearUnit.plain()
	rng := func(col string) string {
		return col + "$" + strconv.Itoa(sec.first) + ":" + col + "$" + strconv.Itoa(last)
	}
	for i, g := range sec.groups {
		row := sec.first + i
		var key any = b.text(b.shownKey(sec, g), look{})
		qualText := b.qual(g.Qualifier)
		if sec.tableName == "SectorTotals" && g.Assumed > 0 && g.Total > 0 {
			// An equal split is an assumption, not a stated figure: say so
			// beside the figure (the name stays the key formulas find).
			qualText = b.tr("%s; equal split assumed", qualText)
			if g.Assumed < g.Total*(1-1e-9) {
				qualText = b.tr("%s; part from an equal split", b.qual(g.Qualifier))
			}
		}
		if sec.key == "Year" {
			if y, err := strconv.Atoi(g.Key); err == nil && g.Approximate == 0 {
				key = b.num(float64(y), fmtYear, look{left: true})
			} else if g.Key == analysis.DateNotStatedKey {
				key = b.text(b.tr("date not stated"), look{})
			} else if g.Approximate > 0 {
				key = b.text(b.tr("~%s (%d of %d dates approximate)", g.Key, g.Approximate, g.Count), look{})
			}
		}
		var perYear, share any
		if g.PerYear != 0 {
			perYear = b.num(g.PerYear, perYearFmt, look{})
		}
		// A group whose pledges all state no amount has no total: its cells
		// stay blank and the qualifier says why, rather than showing 0.
		total, qual := b.num(g.Total, totalFmt, look{}), b.text(qualText, look{indent: true, wrap: true})
		count, undiscl := b.integer(g.Count, look{}), b.integer(g.Undisclosed, look{})
		// Where a group is a plain sum of pledges, its figures are live
		// formulas over the Pledges table: change an amount there and the
		// group follows.
		conds, live := groupConds(sec, g, b.p.Name, b.word)
		crit := ""
		if live {
			crit = b.ifs(conds)
			count = b.formula("COUNTIFS("+crit+")", float64(g.Count), fmtCount, look{})
			undiscl = b.formula("COUNTIFS("+crit+","+b.pledgeRange("value")+`,"=")`, float64(g.Undisclosed), fmtCount, look{})
		}
		if g.Count > 0 && g.Undisclosed == g.Count {
			total, qual = nil, b.text(b.word("undisclosed"), look{indent: true})
		} else {
			if live {
				total = b.formula("SUMIFS("+b.pledgeRange("value")+","+crit+")", g.Total, totalFmt, look{})
				if g.PerYear != 0 {
					perYear = b.formula("SUMIFS("+b.pledgeRange("per year")+","+crit+")", g.PerYear, perYearFmt, look{})
				}
			}
			if sec.colTotal > 0 && !sec.noShare {
				share = b.formula(colGroupTotal+strconv.Itoa(row)+"/SUM("+rng(colGroupTotal)+")", sec.shares[i], fmtPercent, look{})
			}
		}
		s.set(row, 1, key, count, undiscl, total, qual, perYear, share)
	}
	tot := look{total: true}
	count, undiscl := b.integer(sec.count, tot), b.integer(sec.undiscl, tot)
	if !sec.distinct {
		n, u := 0, 0
		for _, g := range sec.groups {
			n += g.Count
			u += g.Undisclosed
		}
		count = b.formula("SUM("+rng(colGroupCount)+")", float64(n), fmtCount, look{total: true})
		undiscl = b.formula("SUM("+rng(colGroupUndisclosed)+")", float64(u), fmtCount, look{total: true})
	}
	blank := excelize.Cell{StyleID: b.st.id(look{total: true})}
	var perYear, share any = blank, blank
	if sec.colPerYear != 0 {
		perYear = b.formula("SUM("+rng(colGroupPerYear)+")", sec.colPerYear, perYearFmt, look{total: true})
	}
	if sec.colTotal > 0 && !sec.noShare {
		share = b.formula("SUM("+rng(colGroupShare)+")", sec.colShare, fmtPercent, look{total: true})
	}
	s.set(sec.totalRow, 1,
		b.text(b.label(sec.totalLabel), look{total: true}),
		count, undiscl,
		b.formula("SUM("+rng(colGroupTotal)+")", sec.colTotal, totalFmt, look{total: true}),
		b.text(b.qual(sec.totalQ), look{total: true, indent: true}),
		perYear, share)
}

func (b *book) writeSectors() error {
	r, sec := b.r, &b.lay.sectors
	var tables []table
	if len(sec.groups) > 0 {
		tables = []table{sec.table(b, r.Currency)}
	}
	s := b.open(sheetSectors, sheetOpts{widths: append(groupColumns.widths(), 3, 48), freeze: sec.headerRow, tables: tables})
	s.set(1, 1, b.text(b.tr("Fund size by sector (%s)", b.cur()), look{title: true}))
	s.set(2, 1, b.text(b.tr("Counted pledges only; amounts in %s at the FX rate of each announcement.", b.cur()), look{italic: true}))
	// The rules beside the figures.
	s.setAside(sec.headerRow, 9, b.text(b.tr("Rules"), look{head: true}))
	s.note(sec.headerRow+1, 9, b.fixed(analysis.RuleSector)+"\n\n"+
		b.fixed(analysis.RuleSectorRows)+"\n\n"+
		b.fixed(analysis.RuleCounted))
	b.writeSection(s, sec, false)
	return s.close()
}

func (b *book) writeInvestors() error {
	r := b.r
	var tables []table
	for i := range b.lay.investors {
		if sec := &b.lay.investors[i]; len(sec.groups) > 0 {
			tables = append(tables, sec.table(b, r.Currency))
		}
	}
	freeze := 0
	if first := &b.lay.investors[0]; len(first.groups) > 0 {
		freeze = first.headerRow
	}
	s := b.open(sheetInvestors, sheetOpts{widths: groupColumns.widths(), freeze: freeze, own: true, tables: tables})
	s.set(1, 1, b.text(b.tr("Counted pledges by investor, investor type, region and year (%s)", b.cur()), look{title: true}))
	s.banner(2, len(groupColumns), analysis.RuleCounted)
	for i := range b.lay.investors {
		b.writeSection(s, &b.lay.investors[i], true)
	}
	return s.close()
}

// sharedUnits picks one unit for each money column of a sheet's
// sections, from the figures of all of them, totals included.
func sharedUnits(secs []section) [2]unit {
	var totals, perYears []float64
	for _, sec := range secs {
		if len(sec.groups) == 0 {
			continue
		}
		for _, g := range sec.groups {
			totals, perYears = append(totals, g.Total), append(perYears, g.PerYear)
		}
		totals, perYears = append(totals, sec.colTotal), append(perYears, sec.colPerYear)
	}
	return [2]unit{columnUnit(totals), columnUnit(perYears)}
}
