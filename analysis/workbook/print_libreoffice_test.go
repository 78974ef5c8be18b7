package workbook

import (
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// printedBooks are the books the LibreOffice fixture prints to PDF: the
// shipped inputs' report in US and in Hong Kong dollars, one of 200
// generated pledges, the test report compared with an earlier one (its
// Changes sheet lists changes) and the Traditional Chinese one.
var printedBooks = []string{"shipped", "shipped-hkd", "generated", "changed", "chinese"}

// Printing limits.
const (
	minBodyPoints = 7.0 // the smallest body text on a printed page
	// bboxPerPoint is the height of a word's box in pdftotext -bbox per
	// point of its font size, measured on the fonts LibreOffice prints
	// with (Carlito for Calibri, Noto CJK).
	bboxPerPoint = 1.15
	// footerBand is the band at the bottom of a page that holds the
	// footer, in points.
	footerBand = 40.0
	// edge is how close to the paper's edge a printed word may come, in
	// points: the sheets print with half-inch margins, so a word nearer
	// than this belongs to a column cut at the edge of the page.
	edge = 18.0
)

// printedPage is what a page of a printed PDF holds.
type printedPage struct {
	sheet         string  // the sheet, as its footer names it
	width         float64 // of the paper, in points
	smallest      float64 // the smallest body text, in points
	smallestWord  string
	right         float64 // the right edge of the rightmost body word
	rightmostWord string
}

var (
	pageRe = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// printedPages reads the pages of a PDF with pdftotext -bbox.
func printedPages(t *testing.T, pdf []byte) []printedPage {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "book.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-bbox", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var pages []printedPage
	for _, part := range strings.Split(string(out), "<page ")[1:] {
		m := pageRe.FindStringSubmatch("<page " + part)
		if m == nil {
			t.Fatalf("a page without its size: %.80s", part)
		}
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		p := printedPage{width: w, smallest: 1e9}
		for _, wm := range wordRe.FindAllStringSubmatch(part, -1) {
			var box [4]float64
			for i := range box {
				box[i], _ = strconv.ParseFloat(wm[i+1], 64)
			}
			word := html.UnescapeString(wm[5])
			if box[1] >= h-footerBand {
				// The left part of the footer names the sheet.
				if box[2] < w/3 {
					p.sheet = strings.TrimSpace(p.sheet + " " + word)
				}
				continue
			}
			if size := (box[3] - box[1]) / bboxPerPoint; size < p.smallest {
				p.smallest, p.smallestWord = size, word
			}
			if box[2] > p.right {
				p.right, p.rightmostWord = box[2], word
			}
		}
		pages = append(pages, p)
	}
	return pages
}

// TestLibreOfficePrints prints the books of printedBooks through
// LibreOffice and holds every page to be read: no "###" for a number too
// wide for its column, body text of at least 7 points once the sheet is
// fitted to the width of A4 landscape, no word beyond the margin (a
// column cut at the edge of the page), and every sheet printed.
func TestLibreOfficePrints(t *testing.T) {
	lo := libreOffice(t)
	t.Parallel()
	for _, name := range printedBooks {
		t.Run(name, func(t *testing.T) {
			pdf := lo.converted(t, name, "pdf")
			pages := printedPages(t, pdf)
			if len(pages) == 0 {
				t.Fatal("no pages printed")
			}
			least := map[string]float64{}
			for i, p := range pages {
				if p.smallest < minBodyPoints {
					t.Errorf("page %d (%s): body text of %.1f pt (%q), want at least %.0f pt", i+1, p.sheet, p.smallest, p.smallestWord, minBodyPoints)
				}
				if p.right > p.width-edge {
					t.Errorf("page %d (%s): %q ends %.0f pt from the paper's edge: a column is cut", i+1, p.sheet, p.rightmostWord, p.width-p.right)
				}
				if v, ok := least[p.sheet]; !ok || p.smallest < v {
					least[p.sheet] = p.smallest
				}
			}
			text := pdfText(t, pdf)
			if strings.Contains(text, "###") {
				t.Error("a printed cell shows ### (a number too wide for its column)")
			}
			for _, m := range standInRe.FindAllStringSubmatch(text, -1) {
				if !fullDateRe.MatchString(m[1]) {
					t.Errorf("a stand-in date prints cut off, as %q: its cell must wrap", m[0])
				}
			}
			book := open(t, lo.book(name))
			for _, sheet := range book.GetSheetList() {
				if _, ok := least[sheet]; !ok {
					t.Errorf("sheet %s was not printed (pages name %v)", sheet, keys(least))
				}
			}
			var sizes []string
			for _, sheet := range book.GetSheetList() {
				sizes = append(sizes, fmt.Sprintf("%s %.1f", sheet, least[sheet]))
			}
			t.Logf("%d pages; smallest body text by sheet, in points: %s", len(pages), strings.Join(sizes, ", "))
		})
	}
}

var (
	// standInRe matches a printed stand-in date ("before 2024-12-20"),
	// whole or cut off at its cell's edge ("before 2024-1"); a label
	// that wraps prints its date on the next line, and does not match.
	standInRe  = regexp.MustCompile(`before (\d[\d-]*)`)
	fullDateRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// pdfText is the text of every printed page, laid out.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -layout: %v", err)
	}
	return string(out)
}

func keys(m map[string]float64) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
