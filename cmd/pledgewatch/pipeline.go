package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"pledgewatch/analysis"
	"pledgewatch/analysis/charts"
	"pledgewatch/analysis/lang"
	"pledgewatch/analysis/sheets"
	"pledgewatch/analysis/store"
	"pledgewatch/analysis/workbook"
)

// readInputs reads every input file of the folder. Problems with the
// inputs are collected in the returned reader; the error is for anything
// else. Each file goes by its name in the folder, so that the report is
// the same however --inputs is spelt and on every platform;
// printProblems puts the folder back in front for the terminal.
func (c *config) readInputs() (*sheets.Reader, error) {
	rd := &sheets.Reader{Options: sheets.Options{Progress: c.prog.rows}}
	entries, err := os.ReadDir(c.Inputs)
	if err != nil {
		if isNotExist(err) {
			rd.Problems.Add(&analysis.Problem{File: c.Inputs, Err: analysis.Errorf(analysis.ErrFile,
				"inputs folder not found; create it or point --inputs at the folder holding your spreadsheets")})
			return rd, nil
		}
		return nil, fmt.Errorf("read inputs folder: %w", err)
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	read := 0
	for _, name := range names {
		if strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") {
			continue // Excel's lock files and hidden files
		}
		path := filepath.Join(c.Inputs, name)
		ext := strings.ToLower(filepath.Ext(name))
		if r, ok := analysis.ControlChar(name); ok && (ext == ".xlsx" || ext == ".xlsm" || ext == ".csv") {
			rd.Problems.Add(&analysis.Problem{File: analysis.ShowControls(name), Err: analysis.Errorf(analysis.ErrControlChar,
				"the file name holds the control character %s, which the report cannot show; rename the file", analysis.ControlName(r))})
			continue
		}
		readOne := rd.ReadXLSX
		switch {
		case ext == ".xlsx", ext == ".xlsm": // an .xlsm is an .xlsx with macros: its sheets are read alike
		case ext == ".csv":
			readOne = rd.ReadCSV
		case ext == ".xls":
			rd.Problems.Add(&analysis.Problem{File: name, Err: analysis.Errorf(analysis.ErrFile,
				"old .xls workbooks are not read; open it in Excel and save it as .xlsx")})
			continue
		case unread[ext] != "":
			sev := analysis.SevWarning
			if c.UnreadFiles == "error" {
				sev = analysis.SevError
			}
			rd.Problems.Add(&analysis.Problem{Severity: sev, File: name, Err: analysis.Errorf(analysis.ErrIgnoredFile,
				"%s is not read, so its figures are not in the report; %s", unread[ext], unreadFix)})
			continue
		default:
			continue
		}
		// Only a regular file is opened: opening a named pipe would wait
		// for a writer for ever.
		if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
			rd.Problems.Add(&analysis.Problem{File: name, Err: analysis.Errorf(analysis.ErrFile,
				"%s, not a regular file, so it is not read; put the spreadsheet itself in the folder", fileKind(info.Mode()))})
			continue
		}
		err = c.readFile(path, name, readOne)
		if err != nil {
			return nil, err
		}
		read++
	}
	if read == 0 && !rd.Problems.HasErrors() {
		rd.Problems.Add(&analysis.Problem{File: c.Inputs, Err: analysis.Errorf(analysis.ErrEmptyTable,
			"no .xlsx or .csv files found; put your spreadsheets there or point --inputs at them")})
	}
	if read > 0 && len(rd.Inputs.Pledges) == 0 && !rd.Problems.HasErrors() {
		rd.Problems.Add(&analysis.Problem{File: c.Inputs, Err: analysis.Errorf(analysis.ErrEmptyTable,
			"no Pledges table found; add a sheet named Pledges (or a pledges.csv) with at least one row")})
	}
	return rd, nil
}

// unread names the spreadsheets that are not read, by extension.
var unread = map[string]string{
	".ods":     "an OpenDocument spreadsheet",
	".fods":    "an OpenDocument spreadsheet",
	".xlsb":    "an Excel Binary Workbook",
	".xltx":    "an Excel template",
	".xltm":    "an Excel template",
	".tsv":     "a tab-separated text file",
	".numbers": "an Apple Numbers spreadsheet",
}

// unreadFix says how to have an unread spreadsheet read.
const unreadFix = "save it as an Excel Workbook (.xlsx) in this folder to have it read, or move it out of the folder"

// fileKind names the kind of a file that is not a regular file.
func fileKind(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	}
	return "a special file"
}

// Seams for tests: how an input is opened, and whether a failure to open
// it means another program holds it.
var (
	openInput = os.Open
	isHeld    = heldOpen
)

// readFile opens path read-only and hands it to read under name, its
// name in the inputs folder.
func (c *config) readFile(path, name string, read func(r io.Reader, name string) error) error {
	f, err := openInput(path)
	if err != nil {
		if isHeld(err) {
			return fmt.Errorf("cannot read the input %s: another program has it open and will not share it (Excel saving it, perhaps); close it there and run again: %w", path, err)
		}
		return fmt.Errorf("open input: %w", err)
	}
	defer f.Close()
	c.log.Debug("reading", "file", path)
	return read(f, name)
}

// build reads and checks the inputs and computes the report; earlier,
// when not nil, gives the earlier reports' snapshots to compare it with.
func (c *config) build(ctx context.Context, earlier func() []analysis.Snapshot) (*analysis.Report, *analysis.Problems, error) {
	c.stage(ctx, stageReading)
	rd, err := c.readInputs()
	if err != nil {
		return nil, nil, err
	}
	probs := &rd.Problems
	if probs.HasErrors() {
		return nil, probs, nil
	}
	roomToBuild()
	c.stage(ctx, stageComputing)
	opt := analysis.Options{Currency: c.Currency, AsOf: c.asOf(), Today: c.today()}
	if earlier != nil {
		opt.Month, opt.Earlier = c.Month, earlier()
	}
	r, more := analysis.Build(rd.Inputs, opt)
	probs.Merge(more)
	r.Problems = probs
	makeRoom()
	return r, probs, nil
}

func (c *config) validate(ctx context.Context) error {
	r, probs, err := c.build(ctx, nil)
	if err != nil {
		return err
	}
	c.printProblems(probs, true)
	if probs.HasErrors() {
		return errInvalid
	}
	warnings := len(probs.Warnings())
	// run needs a CJK font for charts with Chinese labels: say so now
	// rather than let it fail.
	if charts.PlanCharts(r).NeedsCJK() {
		if _, err := c.loadFont(); err != nil {
			warnings++
			if !c.Quiet {
				fmt.Fprintf(c.stderr, "warning: pledgewatch run will fail on these inputs: %v\n", err)
			}
		}
	}
	if !c.Quiet {
		fmt.Fprintf(c.stdout, "inputs are valid: %d warning(s)\n", warnings)
	}
	return nil
}

func (c *config) run(ctx context.Context) error {
	c.prog = newProgress(c.stderr, c.Quiet)
	defer c.prog.done()
	// The earlier reports and the chart font do not depend on the
	// inputs: they are read while the inputs are, on another core.
	type earlierResult struct {
		snaps   []analysis.Snapshot
		skipped [][2]string // file, why
	}
	earlier := async(func() (res earlierResult) {
		res.snaps = c.store().Earlier(c.Month, func(path string, err error) {
			res.skipped = append(res.skipped, [2]string{path, fmt.Sprint(err)})
		})
		return res
	})
	type fontResult struct {
		font *charts.Font
		err  error
	}
	loaded := async(func() fontResult { f, err := c.loadFont(); return fontResult{f, err} })
	r, probs, err := c.build(ctx, func() []analysis.Snapshot {
		e := earlier()
		for _, sk := range e.skipped {
			c.log.Warn("earlier report skipped", "file", sk[0], "err", sk[1])
		}
		return e.snaps
	})
	if err != nil {
		return err
	}
	c.printProblems(probs, true)
	if probs.HasErrors() {
		return errInvalid
	}
	plan := charts.PlanCharts(r)
	l, _ := lang.Parse(c.Lang) // checked with the flags
	printer := lang.New(l)
	if l != lang.English {
		printer = printer.WithNames(r.LocalGroupNames(l == lang.Traditional))
	}
	var font *charts.Font
	if plan.NeedsCJK() || c.Font != "" || l != lang.English {
		res := loaded()
		if res.err != nil {
			return res.err
		}
		font = res.font
	}
	// The charts are drawn while the workbook's sheets before Charts are
	// written, and the snapshot encoded.
	c.stage(ctx, stageDrawing)
	type drawResult struct {
		charts []charts.Chart
		err    error
	}
	drawing := async(func() drawResult {
		cs, err := plan.Render(charts.Options{Font: font, Lang: printer})
		if err != nil {
			err = fmt.Errorf("draw charts: %w", err)
		}
		return drawResult{cs, err}
	})
	drawn := func() ([]charts.Chart, error) { d := drawing(); return d.charts, d.err }
	meta := workbook.Meta{Version: version(), Month: c.Month, Created: c.asOf(), Inputs: c.inputsName(), Lang: printer,
		Pictures: func() ([]workbook.Picture, error) {
			cs, err := drawn()
			pics := make([]workbook.Picture, len(cs))
			for i, p := range cs {
				pics[i] = workbook.Picture{Name: p.Name, Title: p.Title, PNG: p.PNG}
			}
			return pics, err
		}}
	// The snapshot for next month is encoded into its file while the
	// workbook is written into its own (Store.Write writes files at once).
	files := map[string]store.File{store.SnapshotName(c.Month): func(w io.Writer) error {
		if err := store.EncodeSnapshot(w, r, c.Month); err != nil {
			return fmt.Errorf("encode snapshot: %w", err)
		}
		return nil
	}}
	for _, f := range plan.Files(drawn) {
		files[filepath.Join("charts", f.Name)] = func(w io.Writer) error {
			data, err := f.Draw()
			if err != nil {
				return err
			}
			_, err = w.Write(data)
			return err
		}
	}
	// The workbook is written straight into its file in the new report
	// folder: a million-row workbook is not held in memory a second time.
	book := "pledgewatch-" + c.Month + ".xlsx"
	files[book] = func(w io.Writer) error {
		if err := workbook.Write(w, r, meta); err != nil {
			return fmt.Errorf("write workbook: %w", err)
		}
		c.stage(ctx, stageWritten)
		return nil
	}
	c.stage(ctx, stageWriting)
	dir, err := c.store().Write(ctx, c.Month, files)
	if err != nil {
		return err
	}
	path := filepath.Join(dir, book)
	c.log.Info("report written", "workbook", path, "month", c.Month, "totals", summaryLine(r), "warnings", len(probs.Warnings()))
	if !c.Quiet {
		fmt.Fprintln(c.stdout, path)
	}
	return nil
}

// inputsName is the name of the inputs folder, the same however --inputs
// is spelt (inputs, ./inputs/, its absolute path).
func (c *config) inputsName() string {
	if abs, err := filepath.Abs(c.Inputs); err == nil {
		return filepath.Base(abs)
	}
	return filepath.Base(c.Inputs)
}

// store is the output folder the reports go to.
func (c *config) store() store.Store {
	return store.Store{Dir: c.Out, LockTimeout: c.LockTimeout, Warn: func(err error) {
		c.log.Warn("output folder not tidied", "err", err)
	}}
}

// async runs f on a goroutine of its own and returns a function that
// waits for its result.
func async[T any](f func() T) func() T {
	ch := make(chan T, 1)
	go func() { ch <- f() }()
	return sync.OnceValue(func() T { return <-ch })
}

// fontSearch is where loadFont looks for a font when --font is not given:
// the running platform's font folders (tests point it elsewhere).
var fontSearch charts.FontSearch

// loadFont loads the font given with --font, or the first CJK font found
// in the usual places: the files the platform's Chinese fonts are known
// by, then any file named after one of their families. A font file found
// but not readable or not usable is named in the error when no other font
// is found.
func (c *config) loadFont() (*charts.Font, error) {
	if c.Font != "" {
		data, err := readFontFile(c.Font)
		if isNotExist(err) {
			return nil, fmt.Errorf("font %s not found: give --font the path of a font file with Chinese glyphs, or leave it out to look in the usual places: %w", c.Font, err)
		}
		if err != nil {
			return nil, fmt.Errorf("cannot read the font file %s; make it readable by this user, or give --font another font: %w", c.Font, err)
		}
		f, err := charts.LoadFont(data)
		if err != nil {
			return nil, fmt.Errorf("load font %s: %w", c.Font, err)
		}
		return f, nil
	}
	var unusable []string // "path: why"
	try := func(paths []string) *charts.Font {
		for _, p := range paths {
			data, err := readFontFile(p)
			if isNotExist(err) {
				continue
			}
			if err != nil {
				unusable = append(unusable, fmt.Sprintf("cannot read %s (%v)", p, err))
				continue
			}
			f, err := charts.LoadFont(data)
			if err != nil {
				unusable = append(unusable, fmt.Sprintf("cannot use %s (%v)", p, err))
				continue
			}
			return f
		}
		return nil
	}
	var known []string
	for _, p := range fontSearch.Candidates() {
		if m, err := filepath.Glob(p); err == nil && strings.Contains(p, "*") {
			known = append(known, m...)
		} else {
			known = append(known, p)
		}
	}
	if f := try(known); f != nil {
		return f, nil
	}
	// A font already tried under its known name is not tried again.
	tried := make(map[string]bool, len(known))
	for _, p := range known {
		tried[p] = true
	}
	var named []string
	for _, p := range fontSearch.Matches() {
		if !tried[p] {
			named = append(named, p)
		}
	}
	if f := try(named); f != nil {
		return f, nil
	}
	goos := fontSearch.GOOS
	if goos == "" {
		goos = runtime.GOOS
	}
	dirs := fontSearch.Dirs
	if dirs == nil {
		dirs = charts.FontDirs(goos)
	}
	if len(unusable) > 0 {
		return nil, fmt.Errorf("chart labels contain Chinese characters but no CJK font could be used: %s; make a font file readable by this user (or replace it if it is damaged), install one (%s), or pass --font PATH",
			firstOf(unusable, 3), fontSearch.InstallHint())
	}
	return nil, fmt.Errorf("chart labels contain Chinese characters but no CJK font was found (looked in %s); install one (%s) or pass --font PATH",
		strings.Join(dirs, ", "), fontSearch.InstallHint())
}

// firstOf joins the first n of items with "; ", and says how many more
// there are.
func firstOf(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, "; ")
	}
	return fmt.Sprintf("%s; and %d more", strings.Join(items[:n], "; "), len(items)-n)
}
