package workbook

import (
	"bytes"
	"fmt"
	"image"
	_ "image/png" // decode the size of the pictures
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
)

const (
	maxBars        = 15 // groups shown in one bar chart
	maxTrendCharts = 20
	rowPixels      = 17 // a row is 20 pixels in Excel, 17 in LibreOffice: count the smaller
	chartWidth     = 680
	// chartColumn is the width in characters of column B, which holds
	// the charts: as wide as a chart, so that the note beside each chart
	// starts in column C.
	chartColumn  = (chartWidth - 5) / 7.0
	noteColumn   = 36  // column C: the notes beside the charts
	pictureWidth = 900 // pictures wider than this are scaled down
	// pageRows is how many rows of the Charts sheet one printed page
	// holds, counted as Excel's 20-pixel rows on A4 landscape with half-inch
	// margins (LibreOffice's shorter rows fit more).
	pageRows = 30
)

// writeCharts writes the Charts sheet in normal mode: the native charts
// of analysis.Catalogue, which read the Sectors, Investors, History and
// Trends sheets, then the pictures.
func (b *book) writeCharts() error {
	f := b.f
	name := b.sheetName(sheetCharts)
	if err := b.pageSetup(name, 0); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "A", "A", 4); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "B", "B", chartColumn); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "C", "C", noteColumn); err != nil {
		return err
	}
	set := func(cell string, v any, lk look) error {
		if err := f.SetCellValue(name, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(name, cell, cell, b.st.id(lk))
	}
	if err := set("A1", b.tr("Charts"), look{title: true}); err != nil {
		return err
	}
	read := b.tr("The charts read the Sectors, Investors and Trends sheets; the pictures below them were drawn by pledgewatch from the same figures.")
	if b.historyCharted() {
		read = b.tr("The charts read the Sectors, Investors, History and Trends sheets; the pictures below them were drawn by pledgewatch from the same figures.")
	}
	if err := set("A2", read, look{italic: true}); err != nil {
		return err
	}
	row, pageStart := 4, 1
	// fit starts a new printed page when the next rows rows would not fit
	// on this one, so that no chart is cut by a page break.
	fit := func(rows int) error {
		if row > pageStart && row-pageStart+rows > pageRows {
			if err := f.InsertPageBreak(name, "A"+strconv.Itoa(row)); err != nil {
				return err
			}
			pageStart = row
		}
		return nil
	}
	add := func(c nativeChart) error {
		n := int(math.Ceil(float64(c.chart.Dimension.Height)/rowPixels)) + 2
		if err := fit(n); err != nil {
			return err
		}
		at := strconv.Itoa(row)
		if err := f.AddChart(name, "B"+at, c.chart); err != nil {
			return err
		}
		// The long text of a chart (its bounds, its points, its
		// sources) goes beside it, leaving the chart a short title.
		if c.note != "" {
			if err := set("C"+at, c.note, look{note: true}); err != nil {
				return err
			}
			if err := f.MergeCell(name, "C"+at, "C"+strconv.Itoa(row+n-3)); err != nil {
				return err
			}
		}
		row += n
		return nil
	}
	// The native charts of the catalogue: those of the whole report first,
	// then those drawn once per series.
	for _, each := range []bool{false, true} {
		for _, c := range analysis.Catalogue() {
			if !c.DrawnBy(analysis.Native) || c.Each != each {
				continue
			}
			charts, note := natives[c.ID](b, &c)
			for _, ch := range charts {
				if err := add(ch); err != nil {
					return err
				}
			}
			if note != "" {
				if err := set("B"+strconv.Itoa(row), note, look{italic: true}); err != nil {
					return err
				}
				row += 2
			}
		}
	}
	var pictures []Picture
	if b.m.Pictures != nil {
		var err error
		if pictures, err = b.m.Pictures(); err != nil {
			return err
		}
	}
	if len(pictures) > 0 {
		if err := set("A"+strconv.Itoa(row), b.tr("Pictures"), look{title: true}); err != nil {
			return err
		}
		row += 2
	}
	for i, p := range pictures {
		cfg, _, err := image.DecodeConfig(bytes.NewReader(p.PNG))
		if err != nil {
			return fmt.Errorf("picture %d (%s): %w", i+1, p.Name, err)
		}
		title := p.Title
		if title == "" {
			title = p.Name
		}
		scale := 1.0
		if cfg.Width > pictureWidth {
			scale = float64(pictureWidth) / float64(cfg.Width)
		}
		if h := float64(cfg.Height) * scale; h > pageRows*rowPixels*0.85 {
			scale *= pageRows * rowPixels * 0.85 / h
		}
		if err := fit(int(math.Ceil(float64(cfg.Height)*scale/rowPixels)) + 3); err != nil {
			return err
		}
		if title != "" {
			if err := set("B"+strconv.Itoa(row), title, look{bold: true}); err != nil {
				return err
			}
			row++
		}
		alt := title
		if alt == "" {
			alt = "chart " + strconv.Itoa(i+1)
		}
		if err := f.AddPictureFromBytes(name, "B"+strconv.Itoa(row), &excelize.Picture{Extension: ".png", File: p.PNG,
			Format: &excelize.GraphicOptions{AltText: alt, ScaleX: scale, ScaleY: scale, LockAspectRatio: true}}); err != nil {
			return fmt.Errorf("picture %d (%s): %w", i+1, p.Name, err)
		}
		row += int(math.Ceil(float64(cfg.Height)*scale/rowPixels)) + 2
	}
	return b.st.err
}

// nativeChart is a native chart with the note placed beside it: what its
// bars or points cannot show (bounds, bases) and its sources.
type nativeChart struct {
	chart *excelize.Chart
	note  string
}

// natives make the native charts of each chart of analysis.Catalogue
// that the workbook draws, reading the cells of the sheet that holds its
// figures, and a note on what they leave out; no chart when there are no
// figures.
var natives = map[analysis.ChartID]func(b *book, c *analysis.Chart) ([]nativeChart, string){
	analysis.ChartInvestors: func(b *book, c *analysis.Chart) ([]nativeChart, string) {
		return b.barChart(c, b.ref(sheetInvestors), &b.lay.investors[0], excelize.Bar, maxBars), ""
	},
	analysis.ChartSectors: func(b *book, c *analysis.Chart) ([]nativeChart, string) {
		return b.barChart(c, b.ref(sheetSectors), &b.lay.sectors, excelize.Bar, maxBars), ""
	},
	analysis.ChartYears: func(b *book, c *analysis.Chart) ([]nativeChart, string) {
		return b.barChart(c, b.ref(sheetInvestors), b.lay.section("YearTotals"), excelize.Col, 0), ""
	},
	analysis.ChartHistory: (*book).historyChart,
	analysis.ChartTrends:  (*book).trendCharts,
}

// nativeTitle is the title of a native chart: what it compares, in the
// reporting currency.
func (b *book) nativeTitle(c *analysis.Chart) string {
	unit := b.r.Currency
	if c.Note != "" {
		unit += "; " + c.Note
	}
	return c.Title + " (" + unit + ")"
}

var axisFont = excelize.Font{Color: "404040", Size: 9}

func title(s string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s, Font: &excelize.Font{Bold: true, Size: 12}}}}
}

// axisFormat is a money format for a value axis: whole units of the
// scale of the largest value, such as "US$ "#,##0,,,"B".
func axisFormat(maxV float64, cur string) string {
	sc := analysis.ScaleOf(maxV)
	d := 0
	if maxV/sc.Div < 10 && sc.Suffix != "" {
		d = 1
	}
	return quote(symbol(cur)) + "#,##0" + zeros(d) + sc.Commas + quote(sc.Suffix)
}

// barChart charts the groups of c, the totals of a group section of
// sheet: the first top of them when top is set (the groups are ranked,
// largest first), else all. It returns no chart when there is nothing to
// chart.
func (b *book) barChart(c *analysis.Chart, sheet string, sec *section, kind excelize.ChartType, top int) []nativeChart {
	gs := c.Groups(b.r)
	n := len(gs)
	if top > 0 {
		n = min(n, top)
	}
	maxV := 0.0
	for _, g := range gs[:n] {
		maxV = math.Max(maxV, g.Total)
	}
	if n == 0 || maxV <= 0 {
		return nil
	}
	name := b.nativeTitle(c)
	if len(gs) > n {
		name += fmt.Sprintf(": the largest %d of %d", n, len(gs))
	}
	first, last := strconv.Itoa(sec.first), strconv.Itoa(sec.first+n-1)
	height := uint(320)
	if kind == excelize.Bar {
		height = uint(max(260, 90+26*n))
	}
	return []nativeChart{{note: b.barNote(gs[:n]), chart: &excelize.Chart{
		Type: kind,
		Series: []excelize.ChartSeries{{
			Name:       sheet + "!$" + colGroupTotal + "$" + strconv.Itoa(sec.headerRow),
			Categories: sheet + "!$" + colGroupKey + "$" + first + ":$" + colGroupKey + "$" + last,
			Values:     sheet + "!$" + colGroupTotal + "$" + first + ":$" + colGroupTotal + "$" + last,
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F5597"}},
		}},
		Title:     title(name),
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: height},
		XAxis:     excelize.ChartAxis{ReverseOrder: kind == excelize.Bar, Font: axisFont},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Font: axisFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: axisFormat(maxV, b.r.Currency)}},
	}}}
}

// barNote is the second line of a bar chart's title: what the bars'
// bounds are, which a bar cannot show, and the sources.
func (b *book) barNote(gs []analysis.Group) string {
	var bounded, none []string
	for _, g := range gs {
		switch {
		case g.Count > 0 && g.Undisclosed == g.Count:
			none = append(none, b.groupName(g.Key))
		case g.Qualifier != analysis.Exact && b.english:
			bounded = append(bounded, g.Key+" "+g.Qualifier.String())
		case g.Qualifier != analysis.Exact:
			bounded = append(bounded, b.groupName(g.Key)+"（"+b.word(g.Qualifier.String())+"）")
		}
	}
	list, end := ", ", "."
	if !b.english {
		list, end = "、", "。"
	}
	var parts []string
	if len(bounded) > 0 {
		parts = append(parts, b.tr("Bounds: %s the bar", strings.Join(b.capList(bounded, 6), list)))
	}
	if len(none) > 0 {
		parts = append(parts, b.tr("no stated amount: %s", strings.Join(b.capList(none, 6), list)))
	}
	var srcs []string
	seen := map[string]bool{}
	for i := range b.r.Pledges {
		p := &b.r.Pledges[i]
		for _, s := range p.Sources {
			if p.Counted && !seen[s] {
				seen[s] = true
				srcs = append(srcs, s)
			}
		}
	}
	parts = append(parts, b.tr("Sources: %s", strings.Join(b.capList(srcs, 6), "; ")))
	if b.english {
		return strings.Join(parts, ". ") + end
	}
	return strings.Join(parts, end) + end
}

// capList keeps the first n items of a list and counts the rest.
func (b *book) capList(s []string, n int) []string {
	if len(s) <= n {
		return s
	}
	return append(s[:n:n], b.tr("and %d more", len(s)-n))
}

// historyChart is a line chart of the total of every report, month by
// month, read from the History sheet; none when there are fewer than two
// reports or they are not all in the reporting currency. (The History
// sheet is streamed, and a chart added to a streamed sheet is dropped, so
// it lives here.)
func (b *book) historyChart(c *analysis.Chart) ([]nativeChart, string) {
	if !b.historyCharted() {
		return nil, ""
	}
	hs := c.History(b.r)
	maxV := 0.0
	for _, h := range hs {
		maxV = math.Max(maxV, math.Abs(h.Total))
	}
	fs, ls := strconv.Itoa(historyFirst), strconv.Itoa(historyFirst+len(hs)-1)
	col := func(c string) string { return b.ref(sheetHistory) + "!$" + c + "$" + fs + ":$" + c + "$" + ls }
	return []nativeChart{{chart: &excelize.Chart{
		Type: excelize.Line,
		Series: []excelize.ChartSeries{{
			Name:       b.ref(sheetHistory) + "!$" + colHistoryTotal + "$" + strconv.Itoa(historyHeader),
			Categories: col(colHistoryMonth),
			Values:     col(colHistoryTotal),
			Line:       excelize.LineOptions{Width: 2.25},
			Marker:     excelize.ChartMarker{Symbol: "circle", Size: 7},
		}},
		Title:     title(b.nativeTitle(c)),
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: 300},
		XAxis:     excelize.ChartAxis{Font: axisFont},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Font: axisFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: axisFormat(maxV, b.r.Currency)}},
	}}}, ""
}

// trendCharts are a line chart per series of c, the first maxTrendCharts
// of them, with a note that counts the rest.
func (b *book) trendCharts(c *analysis.Chart) ([]nativeChart, string) {
	ts := c.Trends(b.r)
	var out []nativeChart
	for i := range ts[:min(len(ts), maxTrendCharts)] {
		out = append(out, b.trendChart(&ts[i], i))
	}
	if len(ts) > maxTrendCharts {
		return out, fmt.Sprintf("%d more series are on the Trends sheet without a chart.", len(ts)-maxTrendCharts)
	}
	return out, ""
}

// trendChart is a chart of the points of trend t, the i-th of the Trends
// sheet: a line through them when each point is of the period right after
// the one before, else the points alone, for a line across a gap would
// show values for periods no source gives.
func (b *book) trendChart(t *analysis.Trend, i int) nativeChart {
	first := b.lay.pointRows[i]
	last := first + len(t.Points) - 1
	name := t.Entity + ": " + t.Metric
	switch {
	case t.Basis != "" && b.english:
		name += " (" + t.Basis + ")"
	case t.Basis != "":
		name += "（" + b.word(t.Basis) + "）"
	}
	unit := t.Unit
	format := ""
	maxV := 0.0
	for _, p := range t.Points {
		maxV = math.Max(maxV, math.Abs(p.Value))
	}
	switch {
	case t.Money:
		format = axisFormat(maxV, t.Unit)
		unit = t.Unit
	case t.Unit == "%":
		format = `0"%"`
	}
	if unit != "" {
		name += ", " + unit
	}
	// The note says what each point is: its basis and bound, which the
	// chart itself cannot show, and the sources.
	var words []string
	for _, p := range t.Points {
		w := p.Period.String() + ": " + analysis.Qualified(p.Qualifier, analysis.FormatValue(p.Value, t.Unit, t.Money, p.Qualifier), false)
		if p.Basis != "" && p.Basis != "actual" {
			w += " (" + p.Basis + ")"
		}
		words = append(words, w)
	}
	sub := strings.Join(words, "; ") + ". Source: " + strings.Join(t.Sources(), "; ")
	fs, ls := strconv.Itoa(first), strconv.Itoa(last)
	line := excelize.LineOptions{Width: 2.25}
	if !t.Gapless() {
		line.Type = excelize.LineNone
	}
	return nativeChart{note: sub, chart: &excelize.Chart{
		Type: excelize.Line,
		Series: []excelize.ChartSeries{{
			Name:       b.ref(sheetTrends) + "!$" + colPointValue + "$" + strconv.Itoa(b.lay.pointsHeader),
			Categories: b.ref(sheetTrends) + "!$" + colPointPeriod + "$" + fs + ":$" + colPointPeriod + "$" + ls,
			Values:     b.ref(sheetTrends) + "!$" + colPointValue + "$" + fs + ":$" + colPointValue + "$" + ls,
			Line:       line,
			// A marker's fill is given: without one, a spreadsheet may
			// draw it as nothing when the line is hidden.
			Marker: excelize.ChartMarker{Symbol: "circle", Size: 9,
				Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F5597"}}},
		}},
		Title:     title(name),
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: 300},
		XAxis:     excelize.ChartAxis{Font: axisFont},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Font: axisFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: format}},
	}}
}
