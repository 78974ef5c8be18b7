package workbook

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"pledgewatch/analysis"
)

// noEarlierReport is what the Changes sheet says when there is nothing to
// compare with.
const noEarlierReport = "No earlier report was found in the output folder; from next month on, this sheet lists what changed."

// changeItemColumns declares the list of changed pledges and metrics;
// its widths are the sheet's.
var changeItemColumns = columns{
	{"table", "Table", 12, true},
	{"change", "Change", 20, true},
	{"key", "Key", 22, true},
	{"what", "What", 34, true},
	{"field", "Field", 14, true},
	{"previous", "Previous", 38, true},
	{"now", "Now", 38, true},
}

// Places of the Changes columns.
var (
	ciTable, ciChange, ciKey, ciWhat = changeItemColumns.index("table"), changeItemColumns.index("change"), changeItemColumns.index("key"), changeItemColumns.index("what")
	ciField, ciPrevious, ciNow       = changeItemColumns.index("field"), changeItemColumns.index("previous"), changeItemColumns.index("now")
)

// changeTotalColumns declares the table of headline totals at the top
// of Changes; the sheet's widths are those of the items below.
var changeTotalColumns = columns{
	{"dimension", "Dimension", 0, true},
	{"key", "Key", 0, true},
	{"previous", "Previous (%s)", 0, true},
	{"now", "This month (%s)", 0, true},
	{"change", "Change (%s)", 0, true},
	{"percent", "Change %", 0, true},
}

// Columns of the totals that formulas read.
var colTotPrevious, colTotNow, colTotChange = changeTotalColumns.letter("previous"), changeTotalColumns.letter("now"), changeTotalColumns.letter("change")

// changesLayout places the parts of the Changes sheet: the headline
// totals (when they can be compared), then the list of items, which may
// be cut short where the sheet ends.
type changesLayout struct {
	totals                   bool // the totals are compared
	totalsHead, totalsHeader int
	itemsHead, itemsHeader   int
	listed                   int // items written; fewer than all when the sheet is full
}

// Rows of the Changes sheet above the tables.
const (
	changesCounts = 2
	changesRule   = 3
	changesFirst  = 5 // first row after the sentences
)

func newChangesLayout(ch *analysis.Changes, cur string) changesLayout {
	l := changesLayout{totals: len(ch.Totals) > 0 && sameCurrency(ch.Currency, cur)}
	next := changesFirst
	if l.totals {
		l.totalsHead, l.totalsHeader = next, next+1
		next = l.totalsHeader + len(ch.Totals) + 2
	} else {
		next += 2 // a sentence saying why the totals are not compared
	}
	l.itemsHead, l.itemsHeader = next, next+1
	l.listed = min(len(ch.Items), maxRows-l.itemsHeader)
	return l
}

// sameCurrency reports whether a previous report's currency is the
// reporting currency; a snapshot that does not say is taken to be.
func sameCurrency(prev, cur string) bool { return prev == "" || prev == cur }

// writeChanges writes the Changes sheet: what changed since the previous
// report, r.Changes, found by the command in the output folder.
func (b *book) writeChanges() error {
	ch := b.r.Changes
	if ch == nil || ch.Previous == "" {
		s := b.open(sheetChanges, sheetOpts{widths: []float64{100}})
		s.set(1, 1, b.text(b.tr("Changes since the last report"), look{title: true}))
		s.set(3, 1, b.text(b.tr(noEarlierReport), look{wrap: true}))
		return s.close()
	}
	cur := b.r.Currency
	l := newChangesLayout(ch, cur)
	// The item list is the sheet's one Excel table, added by the
	// StreamWriter. A second table would have to be declared before
	// streaming, and such a sheet is rewritten in memory on save (see
	// book.save): too costly for a list of a million rows. The totals are
	// a range with a header row.
	totals := table{col: 1, row: l.totalsHeader, header: b.heads(changeTotalColumns, cur)}
	var tables []table
	if l.listed > 0 {
		tables = []table{{name: "ChangedItems", col: 1, row: l.itemsHeader, last: l.itemsHeader + l.listed, header: b.heads(changeItemColumns, b.r.Currency)}}
	}
	s := b.open(sheetChanges, sheetOpts{widths: changeItemColumns.widths(), tables: tables})
	s.set(1, 1, b.text(b.tr("Changes since the report for %s", ch.Previous), look{title: true}))
	counts := changeCounts(ch.Items)
	if !b.english {
		counts = b.changeCountsIn(ch.Items)
	}
	if l.listed < len(ch.Items) {
		counts += " The first " + thousands(l.listed) + " of " + thousands(len(ch.Items)) + " changes are listed: an Excel sheet has " + thousands(maxRows) + " rows."
	}
	s.set(changesCounts, 1, b.text(counts, look{bold: true}))
	s.set(changesRule, 1, b.text(b.fixed(analysis.RuleMatching), look{italic: true}))

	if l.totals {
		s.set(l.totalsHead, 1, b.text(b.tr("Headline totals: counted pledges, this month against %s", ch.Previous), look{bold: true}))
		s.header(totals)
		for i, tc := range ch.Totals {
			row := totals.row + 1 + i
			rs := strconv.Itoa(row)
			change := tc.New - tc.Old
			var pct any
			if tc.Old != 0 {
				pct = b.formula(colTotChange+rs+"/"+colTotPrevious+rs, change/tc.Old, signed(fmtPercent), look{})
			}
			lk := look{bold: tc.Dimension == "total"}
			key := tc.Key
			if tc.Dimension != "region" { // regions are named as entered
				key = b.word(key)
			}
			s.set(row, 1,
				b.text(b.word(tc.Dimension), lk),
				b.text(key, lk),
				b.money(tc.Old, cur, lk),
				b.money(tc.New, cur, lk),
				b.formula(colTotNow+rs+"-"+colTotPrevious+rs, change, signed(moneyFormat(change, cur)), lk),
				pct)
		}
	} else {
		s.set(changesFirst, 1, b.text(b.totalsNotCompared(ch, cur), look{italic: true}))
	}

	s.set(l.itemsHead, 1, b.text(b.tr("Pledges and metrics: new, revised and removed, the previous value beside the new one"), look{bold: true}))
	if l.listed == 0 {
		s.set(l.itemsHeader, 1, b.text(b.tr("No pledge or metric changed."), look{italic: true}))
		return s.close()
	}
	s.header(tables[0])
	// The list may hold a row per pledge of a large import: stream it,
	// reusing the row.
	cells := make([]any, len(changeItemColumns))
	for i, it := range ch.Items[:l.listed] {
		old, now := b.changeValues(&it)
		cells[ciTable] = b.text(b.word(it.Table), look{top: true})
		cells[ciChange] = b.text(b.changeKind(it.Kind), look{top: true})
		cells[ciKey] = b.text(it.Key, look{wrap: true})
		cells[ciWhat] = b.text(it.Label, look{wrap: true})
		cells[ciField] = b.text(b.word(it.Field), look{top: true})
		cells[ciPrevious] = b.text(old, look{wrap: true})
		cells[ciNow] = b.text(now, look{wrap: true})
		s.set(l.itemsHeader+1+i, 1, cells...)
	}
	return s.close()
}

func (b *book) totalsNotCompared(ch *analysis.Changes, cur string) string {
	if len(ch.Totals) == 0 {
		return b.tr("No headline totals to compare.")
	}
	return b.tr("The report for %s was in %s and this one is in %s: the headline totals are not compared.", ch.Previous, b.word(ch.Currency), b.word(cur))
}

// changeCount is what changed in one table: rows added, revised and
// removed.
type changeCount struct{ added, revised, removed int }

// countChanges counts the changes by table, pledges and metrics first and
// any other table after them by name. A pledge or metric with several
// revised fields counts once.
func countChanges(items []analysis.Change) ([]string, map[string]*changeCount) {
	by := map[string]*changeCount{"pledge": {}, "metric": {}}
	names := []string{"pledge", "metric"}
	revised := map[string]bool{}
	for _, it := range items {
		c := by[it.Table]
		if c == nil {
			c = &changeCount{}
			by[it.Table] = c
			names = append(names, it.Table)
		}
		switch it.Kind {
		case "new":
			c.added++
		case "removed":
			c.removed++
		case "revised":
			if k := it.Table + "\x00" + it.Key; !revised[k] {
				revised[k] = true
				c.revised++
			}
		}
	}
	sort.Strings(names[2:])
	return names, by
}

// changeCounts sums up the changes: "1 new, 1 revised, 1 removed pledges;
// no metric changed".
func changeCounts(items []analysis.Change) string {
	if len(items) == 0 {
		return "No pledge or metric was added, revised or removed."
	}
	names, by := countChanges(items)
	var parts []string
	for _, t := range names {
		c := by[t]
		if *c == (changeCount{}) {
			parts = append(parts, "no "+t+" changed")
			continue
		}
		parts = append(parts, thousands(c.added)+" new, "+thousands(c.revised)+" revised, "+thousands(c.removed)+" removed "+t+"s")
	}
	return upper(strings.Join(parts, "; ")) + "."
}

// changeCountsIn is changeCounts in the workbook's language, the tables
// named by the glossary's terms.
func (b *book) changeCountsIn(items []analysis.Change) string {
	if len(items) == 0 {
		return b.tr("No pledge or metric was added, revised or removed.")
	}
	names, by := countChanges(items)
	parts := make([]string, 0, len(names))
	for _, t := range names {
		c := by[t]
		if *c == (changeCount{}) {
			parts = append(parts, b.tr("no %s changed", b.p.Term(t)))
			continue
		}
		parts = append(parts, b.tr("%[4]s: %[1]d new, %[2]d revised, %[3]d removed", c.added, c.revised, c.removed, b.p.Term(t)))
	}
	return b.tr("%s.", strings.Join(parts, b.tr("; ")))
}

func upper(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// thousands writes n with thousands separators: 1,048,576.
func thousands(n int) string { return analysis.Grouped(float64(n), 0) }

// History sheet rows.
const (
	historyHeader = 4
	historyFirst  = 5
	// Columns the Charts sheet reads.
	colHistoryMonth = "A"
	colHistoryTotal = "C"
)

// historyTypes returns the investor types of every point, sorted.
func historyTypes(hs []analysis.HistoryPoint) []string {
	seen := map[string]bool{}
	var out []string
	for _, h := range hs {
		for k := range h.ByInvestorType {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

// uniqueHeader makes the cells of a table header distinct, as Excel
// requires (ignoring case), and not empty.
func uniqueHeader(h []string) []string {
	used := map[string]bool{}
	out := make([]string, len(h))
	for i, s := range h {
		if s == "" {
			s = analysis.Unspecified
		}
		n := s
		for k := 2; used[strings.ToLower(n)]; k++ {
			n = s + " (" + strconv.Itoa(k) + ")"
		}
		used[strings.ToLower(n)] = true
		out[i] = n
	}
	return out
}

// historyCharted reports whether the History sheet has a chart: two or
// more reports, all in the reporting currency.
func (b *book) historyCharted() bool {
	hs := b.r.History
	if len(hs) < 2 {
		return false
	}
	for _, h := range hs {
		if !sameCurrency(h.Currency, b.r.Currency) {
			return false
		}
	}
	return true
}

// writeHistory writes the History sheet: the headline totals of every
// report in the output folder, this one included, month by month.
func (b *book) writeHistory() error {
	r := b.r
	hs := r.History
	types := historyTypes(hs)
	base := []string{"Month", "Currency", "Total pledged", "Qualifier", "Pledges counted", "Change vs previous month"}
	delivered := slices.ContainsFunc(hs, func(h analysis.HistoryPoint) bool { return h.HasDelivered })
	if delivered {
		base = append(base, "Total delivered", "Delivered qualifier")
	}
	for i, h := range base {
		base[i] = b.head(h, "")
	}
	fixed := len(base)
	shown := make([]string, len(types))
	for i, k := range types {
		shown[i] = b.investorType(k)
	}
	header := uniqueHeader(append(base, shown...))
	var tables []table
	if len(hs) > 0 {
		tables = []table{{name: "ReportHistory", col: 1, row: historyHeader, last: historyHeader + len(hs), header: header}}
	}
	widths := []float64{10, 10, 16, 12, 10, 16}
	if delivered {
		widths = append(widths, 16, 12)
	}
	for range types {
		widths = append(widths, 16)
	}
	s := b.open(sheetHistory, sheetOpts{widths: widths, freeze: historyHeader, tables: tables})
	s.set(1, 1, b.text(b.tr("History: the headline totals of every report in the output folder"), look{title: true}))
	note := analysis.RuleHistory
	if delivered {
		note += analysis.RuleHistoryDelivered
	}
	s.banner(2, len(widths), note)
	var other []string
	for _, h := range hs {
		if !sameCurrency(h.Currency, r.Currency) {
			other = append(other, h.Month+" ("+h.Currency+")")
		}
	}
	if len(other) > 0 {
		s.banner(3, len(widths), "Reports in another currency than "+r.Currency+" are shown in their own: "+strings.Join(other, ", ")+".")
	}
	if len(hs) == 0 {
		s.set(historyHeader, 1, b.text(b.tr("No report history: the totals of this report and of every later one will be listed here."), look{italic: true}))
		return s.close()
	}
	s.header(tables[0])
	cells := make([]any, len(header))
	for i, h := range hs {
		row := historyFirst + i
		cur := h.Currency
		if cur == "" {
			cur = r.Currency
		}
		var change any
		if i > 0 && hs[i-1].Currency == h.Currency {
			rs, ps := strconv.Itoa(row), strconv.Itoa(row-1)
			d := h.Total - hs[i-1].Total
			change = b.formula(colHistoryTotal+rs+"-"+colHistoryTotal+ps, d, signed(moneyFormat(d, cur)), look{})
		}
		cells[0] = b.text(h.Month, look{})
		cells[1] = b.text(cur, look{})
		cells[2] = b.money(h.Total, cur, look{})
		cells[3] = b.text(b.word(h.Qualifier), look{indent: true})
		cells[4] = b.integer(h.Count, look{})
		cells[5] = change
		if delivered {
			cells[6], cells[7] = nil, nil
			if h.HasDelivered {
				cells[6] = b.money(h.Delivered, cur, look{})
				cells[7] = b.text(b.word(h.DeliveredQualifier), look{indent: true})
			}
		}
		for j, k := range types {
			cells[fixed+j] = nil
			if v, ok := h.ByInvestorType[k]; ok {
				cells[fixed+j] = b.money(v, cur, look{})
			}
		}
		s.set(row, 1, cells...)
	}
	return s.close()
}
