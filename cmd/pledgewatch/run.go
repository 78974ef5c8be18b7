package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"pledgewatch/analysis"
	"pledgewatch/analysis/lang"
	"pledgewatch/analysis/sheets"
	"pledgewatch/analysis/store"
)

// Version is the program version, recorded in every report. Release
// builds stamp it: make dist sets it with -ldflags "-X main.Version=...".
var Version = "0.1.0"

// clock tells the time; tests fix it.
var clock = time.Now

// Exit codes.
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
	exitFailure = 3
)

// errInvalid marks a run stopped by invalid inputs.
var errInvalid = errors.New("the inputs are invalid; nothing was written")

// usageError is a command-line mistake.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// config is everything a run needs, set from flags or directly by tests.
type config struct {
	Inputs   string
	Out      string
	Month    string // YYYY-MM
	Currency string
	Font     string
	// Lang is the language of the report's texts: en, zh-Hant or zh-Hans.
	Lang        string
	LogFormat   string
	Quiet       bool
	LockTimeout time.Duration
	// UnreadFiles is what a spreadsheet the program does not read (.ods,
	// .xlsb, .numbers, ...) in the inputs folder is: "warning" or "error".
	UnreadFiles string
	Now         func() time.Time

	stdout, stderr io.Writer
	log            *slog.Logger
	prog           *progress // nil unless stderr is a terminal
}

const usage = `pledgewatch turns curated spreadsheets of AI-investment pledges and metrics
into a monthly Excel report with PNG charts.

Usage:
  pledgewatch run [flags]        check the inputs and write the month's report
  pledgewatch validate [flags]   check the inputs only; write nothing
  pledgewatch template [--out F] write a blank inputs workbook to fill in
  pledgewatch extract ARTICLE... list the figures of news articles, matched
                                 against the inputs, as rows to paste
  pledgewatch version            print the version

Run 'pledgewatch run -h', 'pledgewatch validate -h' or 'pledgewatch extract -h' for the flags.

Exit codes: 0 done, 1 invalid inputs, 2 wrong usage, 3 any other failure.
`

// Run runs the command line args and returns the exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cfg := &config{stdout: stdout, stderr: stderr, Now: clock}
	var err error
	switch args[0] {
	case "run":
		err = cfg.parse("run", args[1:])
		if err == nil {
			err = cfg.run(ctx)
		}
	case "validate":
		err = cfg.parse("validate", args[1:])
		if err == nil {
			err = cfg.validate(ctx)
		}
	case "template":
		err = cfg.template(args[1:])
	case "extract":
		return cfg.extractCommand(ctx, args[1:])
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "pledgewatch %s\n", version())
		return exitOK
	case "-h", "--help", "-help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		err = &usageError{fmt.Sprintf("unknown command %q", args[0])}
	}
	return exitCode(err, cfg, stderr)
}

func exitCode(err error, cfg *config, stderr io.Writer) int {
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "pledgewatch: %v\n\n%s", err, usage)
		return exitUsage
	case errors.Is(err, errInvalid):
		fmt.Fprintf(stderr, "pledgewatch: %v\n", err)
		return exitInvalid
	}
	if errors.Is(err, context.Canceled) {
		err = errors.New("interrupted; the previous report is unchanged")
	}
	if cfg.log != nil {
		cfg.log.Error("run failed", "err", err)
	} else {
		fmt.Fprintf(stderr, "pledgewatch: %v\n", err)
	}
	return exitFailure
}

func (c *config) parse(name string, args []string) error {
	fs := flag.NewFlagSet("pledgewatch "+name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.StringVar(&c.Inputs, "inputs", "inputs", "folder of input spreadsheets: every .xlsx and .xlsm, with the sheets "+strings.Join(sheets.Sheets(), ", ")+
		"; and the CSV files "+strings.Join(sheets.CSVFiles(), ", "))
	fs.StringVar(&c.Month, "month", "", "report month YYYY-MM, the cut-off (default the current month)")
	fs.StringVar(&c.Currency, "currency", "USD", "reporting currency (ISO code; needs an FX row unless USD)")
	fs.StringVar(&c.LogFormat, "log-format", "text", "log format on stderr: text or json")
	fs.BoolVar(&c.Quiet, "quiet", false, "print nothing but errors")
	fs.StringVar(&c.UnreadFiles, "unread-files", "warning", "a spreadsheet in --inputs that is not read (.ods, .xlsb, .numbers, ...) is a warning or an error")
	if name == "run" {
		fs.StringVar(&c.Out, "out", "outputs", "folder to write the report into (one subfolder per month)")
		fs.StringVar(&c.Font, "font", "", "font file with Chinese glyphs for the charts (default: look in the usual places)")
		fs.StringVar(&c.Lang, "lang", "en", "language of the report's sheet names, headers, sentences and charts: "+strings.Join(lang.Codes(), ", "))
		fs.DurationVar(&c.LockTimeout, "lock-timeout", 30*time.Second, "how long to wait for another run writing to the same --out folder")
	}
	fs.Usage = func() {
		fmt.Fprintf(c.stderr, "Usage: pledgewatch %s [flags]\n\nFlags:\n", name)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	if c.UnreadFiles != "warning" && c.UnreadFiles != "error" {
		return &usageError{fmt.Sprintf("--unread-files %q: use warning or error", c.UnreadFiles)}
	}
	if c.LockTimeout < 0 {
		return &usageError{fmt.Sprintf("--lock-timeout %s: give a duration of 0 or more, such as 30s or 2m", c.LockTimeout)}
	}
	if c.Month == "" {
		c.Month = c.Now().Format("2006-01")
	} else if !store.IsMonth(c.Month) {
		return &usageError{fmt.Sprintf("--month %q: use the form YYYY-MM, such as 2025-11", c.Month)}
	} else if y, _ := strconv.Atoi(c.Month[:4]); y < analysis.MinYear || y > analysis.MaxYear {
		return &usageError{fmt.Sprintf("--month %q: the year must be from %d to %d, such as 2025-11", c.Month, analysis.MinYear, analysis.MaxYear)}
	}
	if info, err := os.Stat(c.Inputs); err == nil && !info.IsDir() {
		return &usageError{fmt.Sprintf("--inputs %q is a file; give the folder that holds it, such as --inputs %s", c.Inputs, filepath.Dir(c.Inputs))}
	}
	if c.Lang == "" {
		c.Lang = "en"
	}
	if _, err := lang.Parse(c.Lang); err != nil {
		return &usageError{fmt.Sprintf("--lang %q: use one of %s", c.Lang, strings.Join(lang.Codes(), ", "))}
	}
	cur, err := analysis.ParseCurrency(c.Currency)
	if err != nil {
		return &usageError{fmt.Sprintf("--currency %q: %v", c.Currency, err)}
	}
	c.Currency = cur
	var h slog.Handler
	level := slog.LevelInfo
	if c.Quiet {
		level = slog.LevelError
	}
	opts := &slog.HandlerOptions{Level: level}
	switch c.LogFormat {
	case "text":
		h = slog.NewTextHandler(c.stderr, opts)
	case "json":
		h = slog.NewJSONHandler(c.stderr, opts)
	default:
		return &usageError{fmt.Sprintf("--log-format %q: use text or json", c.LogFormat)}
	}
	c.log = slog.New(h)
	return nil
}

// asOf returns the last day of the report month.
func (c *config) asOf() time.Time {
	m, _ := time.Parse("2006-01", c.Month)
	return m.AddDate(0, 1, -1)
}

// today returns the current date, as a UTC midnight like every date read.
func (c *config) today() time.Time {
	n := c.Now()
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}

// version returns the version with the VCS revision the binary was built
// from, when known.
func version() string {
	v := Version
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, dirty := "", false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if rev != "" && !strings.Contains(v, rev[:min(len(rev), 7)]) { // a stamped version may name it
			v += " (" + rev
			if dirty {
				v += ", modified"
			}
			v += ")"
		}
	}
	return v
}

// printProblems writes problems to stderr, errors first, sorted by where
// they are.
func (c *config) printProblems(probs *analysis.Problems, warnings bool) {
	w := c.stderr
	for _, p := range probs.Errors() {
		fmt.Fprintf(w, "error: %v\n", c.located(p))
	}
	for _, s := range probs.Dropped(analysis.SevError) {
		fmt.Fprintf(w, "error: %s\n", s)
	}
	if !warnings || c.Quiet {
		return
	}
	for _, p := range probs.Warnings() {
		fmt.Fprintf(w, "warning: %v\n", c.located(p))
	}
	for _, s := range probs.Dropped(analysis.SevWarning) {
		fmt.Fprintf(w, "warning: %s\n", s)
	}
}

// located returns p with its file named by its path, the inputs folder
// joined to the name the file goes by in the report.
func (c *config) located(p *analysis.Problem) *analysis.Problem {
	if p.File == "" || p.File == c.Inputs {
		return p
	}
	q := *p
	q.File = filepath.Join(c.Inputs, p.File)
	return &q
}

// summaryLine renders the headline totals for the log.
func summaryLine(r *analysis.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d pledges counted, %s", r.Total.Count,
		analysis.Qualified(r.Total.Qualifier, analysis.FormatMoney(r.Total.Total, r.Currency, r.Total.Qualifier), false))
	return b.String()
}

func isNotExist(err error) bool { return errors.Is(err, os.ErrNotExist) }
