package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/extract"
	"pledgewatch/analysis/sheets"
)

// maxArticle is the largest article file read: news articles are a few
// tens of kilobytes; anything near this is not one.
const maxArticle = 32 << 20

const extractHelp = `Usage: pledgewatch extract [--inputs DIR] [--out FILE] ARTICLE...

Reads news articles (.txt, .md, .html; UTF-8, or UTF-16 with a byte order
mark) and lists every figure in them: money, percentages, counts, ranks,
share prices and target years, each with its sentence and the article's
date, marked against the inputs as "in inputs", "differs from" (a row is
named) or "new". A folder argument reads every article in it.

Writes a candidates workbook (default candidates-YYYY-MM-DD.xlsx, then
-2, -3 ...; an existing file is never replaced): the sheet Candidates, and
the new figures as Pledges and Metrics rows to review and paste into an
inputs file.

Exit codes: 0 done, 1 an article or the inputs could not be read (the
others' candidates are still written), 2 wrong usage, 3 any other failure.

Flags:
`

// extractCommand runs pledgewatch extract and returns its exit code.
func (c *config) extractCommand(ctx context.Context, args []string) int {
	bad, err := c.extract(ctx, args)
	if err != nil {
		return exitCode(err, c, c.stderr)
	}
	if bad > 0 {
		fmt.Fprintf(c.stderr, "pledgewatch: %d article(s) could not be read; see the errors above\n", bad)
		return exitInvalid
	}
	return exitOK
}

// extract reads the articles, matches their figures against the inputs
// and writes the candidates workbook. It returns how many articles could
// not be read.
func (c *config) extract(ctx context.Context, args []string) (int, error) {
	fl := flag.NewFlagSet("pledgewatch extract", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	fl.StringVar(&c.Inputs, "inputs", "inputs", "folder of input spreadsheets the figures are matched against")
	out := fl.String("out", "", "workbook to write (default candidates-YYYY-MM-DD.xlsx in the current folder); an existing file is never replaced")
	fl.Usage = func() {
		fmt.Fprint(c.stderr, extractHelp)
		fl.PrintDefaults()
	}
	// Flags may stand before or after the articles.
	var paths []string
	for {
		if err := fl.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0, err
			}
			return 0, &usageError{err.Error()}
		}
		if fl.NArg() == 0 {
			break
		}
		paths = append(paths, fl.Arg(0))
		args = fl.Args()[1:]
	}
	if len(paths) == 0 {
		return 0, &usageError{"extract: name the articles to read: files (.txt, .md, .html) or folders of them"}
	}
	if info, err := os.Stat(c.Inputs); err == nil && !info.IsDir() {
		return 0, &usageError{fmt.Sprintf("--inputs %q is a file; give the folder that holds it, such as --inputs %s", c.Inputs, filepath.Dir(c.Inputs))}
	}

	files, bad := c.articleFiles(paths)
	var figs []extract.Figure
	read := 0
	for _, p := range files {
		if err := ctx.Err(); err != nil {
			return bad, err
		}
		a, err := readArticle(p)
		if err != nil {
			fmt.Fprintf(c.stderr, "error: %s: %v\n", p, err)
			bad++
			continue
		}
		read++
		found := extract.Figures(a)
		for i := range found {
			if found[i].Converts >= 0 {
				found[i].Converts += len(figs)
			}
		}
		figs = append(figs, found...)
	}
	if read == 0 {
		return bad, nil
	}

	// The inputs are read as validate reads them, logging only warnings
	// and worse; the command's own errors are printed plainly.
	ic := *c
	ic.log = slog.New(slog.NewTextHandler(c.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	rd, err := ic.readInputs()
	if err != nil {
		return bad, err
	}
	if rd.Problems.HasErrors() {
		c.printProblems(&rd.Problems, false)
		return bad, fmt.Errorf("extract: the inputs in %s cannot be read, so the figures cannot be matched against them; fix the errors above (pledgewatch validate lists them): %w", c.Inputs, errInvalid)
	}
	extract.Match(figs, &rd.Inputs)

	var buf bytes.Buffer
	if err := writeCandidates(&buf, figs); err != nil {
		return bad, fmt.Errorf("extract: %w", err)
	}
	path, err := c.saveNew(*out, buf.Bytes())
	if err != nil {
		return bad, err
	}
	c.summary(read, figs, path)
	return bad, nil
}

// articleFiles lists the article files the arguments name: files as
// given, and the article files of folders. A path that names nothing
// readable is reported and counted.
func (c *config) articleFiles(paths []string) ([]string, int) {
	var files []string
	bad := 0
	for _, p := range paths {
		info, err := os.Stat(p)
		switch {
		case err != nil && errors.Is(err, fs.ErrNotExist):
			fmt.Fprintf(c.stderr, "error: %s: no such file or folder; check the name\n", p)
			bad++
		case err != nil:
			fmt.Fprintf(c.stderr, "error: %s: %v\n", p, err)
			bad++
		case info.IsDir():
			entries, err := os.ReadDir(p)
			if err != nil {
				fmt.Fprintf(c.stderr, "error: %s: cannot list the folder: %v\n", p, err)
				bad++
				continue
			}
			n := 0
			for _, e := range entries {
				if e.Type().IsRegular() && extract.IsArticle(e.Name()) && !strings.HasPrefix(e.Name(), ".") {
					files = append(files, filepath.Join(p, e.Name()))
					n++
				}
			}
			if n == 0 {
				fmt.Fprintf(c.stderr, "error: %s: no article files in the folder; put the month's articles there as %s files\n", p, strings.Join(extract.Extensions, ", "))
				bad++
			}
		case !info.Mode().IsRegular():
			fmt.Fprintf(c.stderr, "error: %s: %s, not a file; name the article file itself\n", p, fileKind(info.Mode()))
			bad++
		case !extract.IsArticle(p):
			fmt.Fprintf(c.stderr, "error: %s: not an article file; save the article's text as %s\n", p, strings.Join(extract.Extensions, ", "))
			bad++
		default:
			files = append(files, p)
		}
	}
	sort.Strings(files)
	return files, bad
}

// readArticle reads and decodes one article file.
func readArticle(path string) (extract.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return extract.Article{}, fmt.Errorf("cannot open the article: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxArticle+1))
	if err != nil {
		return extract.Article{}, fmt.Errorf("cannot read the article: %w", err)
	}
	if len(data) > maxArticle {
		return extract.Article{}, fmt.Errorf("%w: the file is larger than %d MB, too large for an article; save the article's text alone", extract.ErrBinary, maxArticle>>20)
	}
	return extract.Decode(filepath.Base(path), data)
}

// saveNew writes data to name, or when name is empty to
// candidates-YYYY-MM-DD.xlsx, then -2, -3, ...; it never replaces a file.
func (c *config) saveNew(name string, data []byte) (string, error) {
	try := func(p string) (bool, error) {
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			return false, nil
		}
		if err != nil {
			return false, fmt.Errorf("extract: %w", err)
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(p)
			return false, fmt.Errorf("extract: write %s: %w", p, err)
		}
		return true, nil
	}
	if name != "" {
		ok, err := try(name)
		if err == nil && !ok {
			err = fmt.Errorf("extract: %s already exists; give another name with --out, or move the file away first", name)
		}
		return name, err
	}
	base := "candidates-" + c.Now().Format("2006-01-02")
	for n := 1; n < 1000; n++ {
		p := base + ".xlsx"
		if n > 1 {
			p = fmt.Sprintf("%s-%d.xlsx", base, n)
		}
		ok, err := try(p)
		if err != nil || ok {
			return p, err
		}
	}
	return "", fmt.Errorf("extract: %s.xlsx and 998 numbered copies exist; move old candidates away or give a name with --out", base)
}

// summary prints what was found.
func (c *config) summary(read int, figs []extract.Figure, path string) {
	counts := map[extract.Status]int{}
	tables := map[string]int{}
	for _, f := range figs {
		counts[f.Status]++
		if f.Status == extract.New {
			tables[f.Table]++
		}
	}
	fmt.Fprintf(c.stdout, "read %d article(s): %d figure(s): %d in inputs, %d differ from a row, %d new (%d for %s, %d for %s)\n",
		read, len(figs), counts[extract.InInputs], counts[extract.Differs], counts[extract.New],
		tables[extract.Pledges], extract.Pledges, tables[extract.Metrics], extract.Metrics)
	fmt.Fprintf(c.stdout, "wrote %s: review each figure against its sentence, complete the new rows (investor or entity, program or metric, period) and paste them into your inputs, then run pledgewatch run\n", path)
}

// candidatesSheet is the sheet of every figure found.
const candidatesSheet = "Candidates"

// writeCandidates writes the candidates workbook: the sheet Candidates
// with extract.Columns, and the new figures as rows of the Pledges and
// Metrics sheets with the contract's columns.
func writeCandidates(w io.Writer, figs []extract.Figure) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", candidatesSheet); err != nil {
		return err
	}
	header := make([]any, len(extract.Columns))
	for i, col := range extract.Columns {
		header[i] = col.Name
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	if err := table(f, candidatesSheet, header, bold); err != nil {
		return err
	}
	textCol := 0
	for i, col := range extract.Columns {
		if col.Name == "text" {
			textCol = i + 1
		}
	}
	for r := range figs {
		row := make([]any, len(extract.Columns))
		for i, col := range extract.Columns {
			row[i] = col.Value(&figs[r])
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := f.SetSheetRow(candidatesSheet, cell, &row); err != nil {
			return err
		}
		if k := figs[r].Converts; k >= 0 && textCol > 0 {
			at, _ := excelize.CoordinatesToCellName(textCol, r+2)
			note := fmt.Sprintf("converts %s (row %d of this sheet)", figs[k].Text, k+2)
			if err := f.AddComment(candidatesSheet, excelize.Comment{Cell: at, Author: "pledgewatch", Text: note}); err != nil {
				return err
			}
		}
	}
	widths := map[string]float64{"file": 24, "text": 28, "sentence": 80, "row": 50, "status": 14}
	for i, col := range extract.Columns {
		letter, _ := excelize.ColumnNumberToName(i + 1)
		if wd, ok := widths[col.Name]; ok {
			if err := f.SetColWidth(candidatesSheet, letter, letter, wd); err != nil {
				return err
			}
		}
	}
	if len(figs) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(extract.Columns), len(figs)+1)
		if err := f.AutoFilter(candidatesSheet, "A1:"+last, nil); err != nil {
			return err
		}
	}
	for _, sheet := range []string{extract.Pledges, extract.Metrics} {
		cols := sheets.Columns(sheet)
		if len(cols) == 0 {
			return fmt.Errorf("the contract declares no sheet %s", sheet)
		}
		if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
		header := make([]any, len(cols))
		for i, c := range cols {
			header[i] = c
		}
		if err := table(f, sheet, header, bold); err != nil {
			return err
		}
		r := 2
		for i := range figs {
			if figs[i].Table != sheet {
				continue
			}
			values := extract.Row(figs, i)
			if values == nil {
				continue
			}
			row := make([]any, len(cols))
			for j, c := range cols {
				row[j] = values[c]
			}
			cell, _ := excelize.CoordinatesToCellName(1, r)
			if err := f.SetSheetRow(sheet, cell, &row); err != nil {
				return err
			}
			r++
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// table writes a sheet's header row in bold and freezes it.
func table(f *excelize.File, sheet string, header []any, style int) error {
	if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(header), 1)
	if err := f.SetCellStyle(sheet, "A1", last, style); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}
