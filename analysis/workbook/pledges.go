package workbook

import (
	"math"
	"strconv"
	"strings"
)

// Pledges columns that formulas and the Summary refer to.
const (
	colValue = "L"
	colYears = "N"
)

func pledgesHeader(cur string) []string {
	return []string{"ID", "Announced", "Investor", "Investor type", "Program", "Amount as entered", "Qualifier",
		"Amount", "Currency", "Rate used (per USD)", "Rate date", "Value (" + cur + ")", "Per year (" + cur + ")",
		"Years", "Start year", "Sectors", "Region", "Status", "Counted", "Excluded", "Source(s)", "Source date", "Note", "Input"}
}

// writePledges streams one row per pledge: the sheet may hold 1,048,575
// of them, so the row slice is reused and nothing else is kept per row.
func (b *book) writePledges() error {
	r := b.r
	hdr := pledgesHeader(r.Currency)
	first := b.lay.pledgeFirst
	t := table{name: "PledgeList", col: 1, row: first - 1, last: first - 1 + max(len(r.Pledges), 1), header: hdr}
	s := b.open(sheetPledges, sheetOpts{
		widths: []float64{24, 11, 28, 13, 42, 24, 11, 14, 9, 11, 11, 15, 15, 7, 8, 30, 16, 11, 9, 16, 40, 11, 50, 36},
		freeze: first - 1, tables: []table{t}})
	s.header(t)
	if len(r.Pledges) == 0 {
		s.set(first, 1, b.text("no pledges", look{italic: true}))
	}
	cells := make([]any, len(hdr))
	var sb strings.Builder
	for i := range r.Pledges {
		p := &r.Pledges[i]
		row := first + i
		q := p.Amount.Qualifier
		qual := q.Label()
		if p.Amount.Undisclosed {
			qual = "undisclosed"
		}
		cells[0] = b.text(p.ID, look{})
		cells[1] = b.date(p.Announced, look{})
		cells[2] = b.text(p.Investor, look{})
		cells[3] = b.text(p.InvestorType, look{})
		cells[4] = b.text(p.Program, look{})
		cells[5] = b.text(p.AmountText, look{})
		cells[6] = b.text(qual, look{})
		cells[7], cells[8], cells[9], cells[10] = nil, nil, nil, nil
		if !p.Amount.Undisclosed {
			cells[7] = b.money(p.Amount.Value, p.Amount.Currency, look{})
			cells[8] = b.text(p.Amount.Currency, look{indent: true})
			if p.Rate.PerUSD > 0 {
				cells[9] = b.num(p.Rate.PerUSD, numberFormat(p.Rate.PerUSD, 6), look{})
				cells[10] = b.date(p.Rate.Date, look{})
			}
		} else if p.Amount.Currency != "" {
			cells[8] = b.text(p.Amount.Currency, look{indent: true})
		}
		cells[11] = b.money(p.Value, r.Currency, look{})
		cells[12] = nil
		if !math.IsNaN(p.PerYear) {
			sb.Reset()
			sb.WriteString(colValue)
			sb.WriteString(strconv.Itoa(row))
			sb.WriteByte('/')
			sb.WriteString(colYears)
			sb.WriteString(strconv.Itoa(row))
			cells[12] = b.formula(sb.String(), p.PerYear, moneyFormat(p.PerYear, r.Currency), look{})
		}
		cells[13] = nil
		if p.Years > 0 {
			cells[13] = b.num(p.Years, numberFormat(p.Years, 2), look{})
		}
		cells[14] = nil
		if p.StartYear != 0 {
			cells[14] = b.num(float64(p.StartYear), fmtYear, look{})
		}
		cells[15] = b.text(strings.Join(p.Sectors, "; "), look{})
		cells[16] = b.text(p.Region, look{})
		cells[17] = b.text(p.Status, look{})
		cells[18] = b.text(yesNo(p.Counted), look{})
		cells[19] = b.text(p.Excluded, look{})
		cells[20] = b.link(p.URL, joinSources(p.Sources))
		cells[21] = b.date(p.SourceDate, look{})
		cells[22] = b.text(p.Note, look{})
		cells[23] = b.text(p.Loc.Ref.String(), look{})
		s.set(row, 1, cells...)
	}
	return s.close()
}
