// Command benchrun measures pledgewatch end to end on generated inputs of
// growing size, and the floor that excelize alone sets on the same files.
//
// Usage:
//
//	benchrun [-dir bench] [-rows 10000,100000,1048575] [-evidence=false] [-floor=false]
//	         [-against REV] [-n 5]
//
// For each size it writes a deterministic inputs folder (fixed seed;
// several currencies, text amounts with qualifiers and Chinese units,
// multi-sector rows, some undisclosed and withdrawn pledges, a Progress
// sheet of evidence of delivery for about a tenth of the pledges with an
// amount unless -evidence=false, a Metrics and an FX sheet), builds pledgewatch, runs it as a child process, and prints
// wall time, seconds per 100k rows and the child's peak RSS. The floor is
// the time excelize needs to read the Pledges sheet's raw values with its
// Rows iterator and to stream-write one sheet of the same size.
//
// With -against REV, it also builds revision REV (a commit, branch or tag;
// HEAD^ is the parent of the checked-out commit) in a temporary git
// worktree and, on the shipped inputs and on each size, runs the two
// binaries alternately (new, old, new, old, ... n times each), printing
// for both the medians of wall time, user+system CPU time and peak RSS,
// the ratios new/old, and whether the two wrote the same report files.
// Both binaries are built with the same stamped version, so that their
// workbooks can be compared byte for byte.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	var o options
	flag.StringVar(&o.dir, "dir", "bench", "folder for generated inputs and outputs")
	flag.StringVar(&o.rows, "rows", "10000,100000,1048575", "comma-separated pledge row counts")
	flag.BoolVar(&o.floor, "floor", true, "also measure the excelize floor")
	flag.BoolVar(&o.evidence, "evidence", true, "give the generated books a Progress sheet of evidence of delivery")
	flag.StringVar(&o.against, "against", "", "also build this git revision (HEAD^ is the parent) and run the two builds back to back")
	flag.IntVar(&o.n, "n", 5, "with -against: runs of each build on each size, alternating")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	dir, rows, against string
	floor, evidence    bool
	n                  int
}

// measure is one run of a build: wall and user+system CPU seconds, peak
// RSS in MB, and a digest of the report files it wrote.
type measure struct {
	wall, cpu, rss float64
	digest         string
}

// benchMonth is the month every run reports on.
const benchMonth = "2025-11"

func run(o options) error {
	var sizes []int
	for _, s := range strings.Split(o.rows, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > 1048575 {
			return fmt.Errorf("-rows: %q is not a row count between 1 and 1048575", s)
		}
		sizes = append(sizes, n)
	}
	if o.n < 1 {
		return fmt.Errorf("-n: %d is not a number of runs (1 or more)", o.n)
	}
	if err := os.MkdirAll(o.dir, 0o755); err != nil {
		return err
	}
	bin, err := filepath.Abs(filepath.Join(o.dir, "pledgewatch"))
	if err != nil {
		return err
	}
	if err := build(".", bin); err != nil {
		return err
	}
	var old, rev string
	if o.against != "" {
		if old, rev, err = buildRevision(o.dir, o.against); err != nil {
			return err
		}
	}
	type result struct {
		name     string
		new, old []measure
	}
	var results []result
	// measureBoth runs the build alone, or both builds alternately.
	measureBoth := func(name, in, oldIn string) (result, error) {
		res := result{name: name}
		reps := 1
		if old != "" {
			reps = o.n
		}
		for i := 0; i < reps; i++ {
			m, err := runOnce(bin, in, filepath.Join(o.dir, "out-"+name))
			if err != nil {
				return res, err
			}
			res.new = append(res.new, m)
			if old == "" {
				continue
			}
			m, err = runOnce(old, oldIn, filepath.Join(o.dir, "out-"+name+"-"+rev))
			if err != nil {
				return res, fmt.Errorf("%s: %w", o.against, err)
			}
			res.old = append(res.old, m)
		}
		results = append(results, res)
		return res, nil
	}
	fmt.Printf("%-19s %9s %10s %12s %11s %11s %8s\n", "rows", "run s", "s/100k", "peak RSS MB", "floor rd s", "floor wr s", "run/floor")
	// Each build runs on the shipped inputs of its own revision; their
	// reports differ where the inputs do.
	res, err := measureBoth("shipped", "inputs", revisionInputs(o.dir, rev))
	if err != nil {
		return err
	}
	m := median(res.new)
	fmt.Printf("%-19s %9.3f %10s %12.0f %11s %11s %8s\n", "shipped", m.wall, "-", m.rss, "-", "-", "-")
	for _, n := range sizes {
		name := strconv.Itoa(n)
		if !o.evidence {
			name += "-noevidence"
		}
		in := filepath.Join(o.dir, "inputs-"+name)
		path := filepath.Join(in, "bench.xlsx")
		if _, err := os.Stat(path); err != nil {
			if err := os.MkdirAll(in, 0o755); err != nil {
				return err
			}
			if err := generate(path, n, o.evidence); err != nil {
				return fmt.Errorf("generate %d rows: %w", n, err)
			}
		}
		res, err := measureBoth(name, in, in)
		if err != nil {
			return err
		}
		m := median(res.new)
		frd, fwr, ratio := "-", "-", "-"
		if o.floor {
			rd, wr, err := measureFloor(path, n)
			if err != nil {
				return err
			}
			frd, fwr = fmt.Sprintf("%.2f", rd), fmt.Sprintf("%.2f", wr)
			ratio = fmt.Sprintf("%.2fx", m.wall/(rd+wr))
		}
		fmt.Printf("%-19s %9.2f %10.2f %12.0f %11s %11s %8s\n", name, m.wall, m.wall/float64(n)*1e5, m.rss, frd, fwr, ratio)
	}
	if old == "" {
		return nil
	}
	fmt.Printf("\nback to back against %s (%s): medians of %d alternate runs of each build\n", o.against, rev, o.n)
	fmt.Printf("%-19s %8s %8s %7s %8s %8s %7s %8s %8s %7s  %s\n", "rows",
		"new s", "old s", "ratio", "new cpu", "old cpu", "ratio", "new MB", "old MB", "ratio", "reports")
	for _, r := range results {
		a, b := median(r.new), median(r.old)
		fmt.Printf("%-19s %8.3f %8.3f %6.2fx %8.3f %8.3f %6.2fx %8.0f %8.0f %6.2fx  %s\n", r.name,
			a.wall, b.wall, ratioOf(a.wall, b.wall), a.cpu, b.cpu, ratioOf(a.cpu, b.cpu),
			a.rss, b.rss, ratioOf(a.rss, b.rss), sameReports(r.new, r.old))
	}
	return nil
}

// build builds pledgewatch from the module in folder src into bin,
// without the VCS stamp, so that builds of different revisions write the
// same version into their workbooks.
func build(src, bin string) error {
	cmd := exec.Command("go", "build", "-buildvcs=false", "-o", bin, "./cmd/pledgewatch")
	cmd.Dir = src
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("build %s: %w", src, err)
	}
	return nil
}

// buildRevision builds pledgewatch at git revision rev in a temporary
// worktree, removed afterwards, and returns the binary's path and the
// revision's short commit hash. A binary already built for that commit
// in dir is used again.
func buildRevision(dir, rev string) (bin, short string, err error) {
	out, err := exec.Command("git", "rev-parse", "--verify", "--short=12", rev+"^{commit}").Output()
	if err != nil {
		return "", "", fmt.Errorf("-against: %q is not a git revision here: %w", rev, err)
	}
	short = strings.TrimSpace(string(out))
	bin, err = filepath.Abs(filepath.Join(dir, "pledgewatch-"+short))
	if err != nil {
		return "", "", err
	}
	inputs := revisionInputs(dir, short)
	if _, err := os.Stat(bin); err == nil {
		if _, err := os.Stat(inputs); err == nil {
			return bin, short, nil
		}
	}
	tmp, err := os.MkdirTemp("", "benchrun-")
	if err != nil {
		return "", "", err
	}
	defer os.RemoveAll(tmp)
	src := filepath.Join(tmp, "src")
	add := exec.Command("git", "worktree", "add", "--detach", "--quiet", src, short)
	add.Stderr = os.Stderr
	if err := add.Run(); err != nil {
		return "", "", fmt.Errorf("-against: check out %s: %w", rev, err)
	}
	defer func() {
		rm := exec.Command("git", "worktree", "remove", "--force", src)
		rm.Stderr = os.Stderr
		if e := rm.Run(); e != nil && err == nil {
			err = fmt.Errorf("-against: remove the worktree of %s: %w", rev, e)
		}
	}()
	// Built under another name first, so that a failed build leaves no
	// binary to be taken for a good one next time.
	if err := build(src, bin+".tmp"); err != nil {
		return "", "", err
	}
	// The revision's own shipped inputs, which it can read (a later
	// contract may add what an earlier build refuses).
	if err := os.RemoveAll(inputs); err != nil {
		return "", "", err
	}
	if err := os.CopyFS(inputs, os.DirFS(filepath.Join(src, "inputs"))); err != nil {
		return "", "", fmt.Errorf("-against: copy the inputs of %s: %w", rev, err)
	}
	return bin, short, os.Rename(bin+".tmp", bin)
}

// revisionInputs is the folder of the shipped inputs of the revision
// whose short hash is short. It is named inputs, as the shipped folder
// is, since the workbook names the folder it was made from: two builds
// that write the same report from the same inputs then write the same
// bytes.
func revisionInputs(dir, short string) string { return filepath.Join(dir, "rev-"+short, "inputs") }

// runOnce runs pledgewatch as a child and returns its wall time, CPU time,
// peak resident memory and a digest of the report it wrote.
func runOnce(bin, inputs, out string) (measure, error) {
	cmd := exec.Command(bin, "run", "--inputs", inputs, "--out", out, "--month", benchMonth, "--quiet")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return measure{}, fmt.Errorf("pledgewatch on %s: %w\n%s", inputs, err, stderr.String())
	}
	m := measure{wall: time.Since(start).Seconds(), rss: peakRSS(cmd.ProcessState)}
	m.cpu = (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
	d, err := digestDir(filepath.Join(out, benchMonth))
	if err != nil {
		return measure{}, err
	}
	m.digest = d
	return m, nil
}

// digestDir returns a SHA-256 over the names and contents of the files
// under dir.
func digestDir(dir string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\x00", filepath.ToSlash(rel))
		_, err = io.Copy(h, f)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("digest the report in %s: %w", dir, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// sameReports says whether every run of both builds wrote the same report
// files.
func sameReports(a, b []measure) string {
	for _, m := range slices.Concat(a, b) {
		if m.digest != a[0].digest {
			return "differ"
		}
	}
	return "same"
}

// median returns the median of each measure over runs.
func median(runs []measure) measure {
	of := func(get func(measure) float64) float64 {
		v := make([]float64, len(runs))
		for i, m := range runs {
			v[i] = get(m)
		}
		sort.Float64s(v)
		if len(v)%2 == 1 {
			return v[len(v)/2]
		}
		return (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return measure{
		wall: of(func(m measure) float64 { return m.wall }),
		cpu:  of(func(m measure) float64 { return m.cpu }),
		rss:  of(func(m measure) float64 { return m.rss }),
	}
}

// ratioOf returns a/b, or 0 when b is 0 (a system that reports no RSS).
func ratioOf(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// measureFloor times excelize alone: reading the Pledges sheet's raw
// values with the Rows iterator, and stream-writing one sheet of the
// same size and width.
func measureFloor(path string, n int) (float64, float64, error) {
	start := time.Now()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		return 0, 0, err
	}
	rows, err := f.Rows("Pledges")
	if err != nil {
		return 0, 0, err
	}
	cells, width := 0, 0
	for rows.Next() {
		cols, err := rows.Columns()
		if err != nil {
			return 0, 0, err
		}
		cells += len(cols)
		width = max(width, len(cols))
	}
	rows.Close()
	f.Close()
	rd := time.Since(start).Seconds()

	start = time.Now()
	w := excelize.NewFile()
	sw, err := w.NewStreamWriter("Sheet1")
	if err != nil {
		return 0, 0, err
	}
	row := make([]any, width)
	for i := 1; i <= n+1; i++ {
		for j := range row {
			if j%3 == 0 {
				row[j] = float64(i*j) + 0.5
			} else {
				row[j] = "text value " + strconv.Itoa(j)
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i)
		if err := sw.SetRow(cell, row); err != nil {
			return 0, 0, err
		}
	}
	if err := sw.Flush(); err != nil {
		return 0, 0, err
	}
	var buf bytes.Buffer
	if err := w.Write(&buf); err != nil {
		return 0, 0, err
	}
	return rd, time.Since(start).Seconds(), nil
}

var (
	investors = []struct{ name, typ, region string }{
		{"Alibaba Group", "company", "Mainland China"}, {"Tencent", "company", "Mainland China"},
		{"Baidu", "company", "Mainland China"}, {"JD.com", "company", "Mainland China"},
		{"Hong Kong Government", "government", "Hong Kong"}, {"HKSTP", "government", "Hong Kong"},
		{"Alibaba Entrepreneurs Fund", "fund", "Hong Kong"}, {"Sequoia China", "fund", "Mainland China"},
		{"Zhang Yiming", "individual", "Hong Kong"}, {"Cyberport", "government", "Hong Kong"},
		{"阿里巴巴创业者基金", "fund", "Hong Kong"}, {"深圳市政府", "government", "Mainland China"},
		{"European AI Partners", "fund", "Global"}, {"London Tech Capital", "fund", "Global"},
	}
	sectors = []string{"AI infrastructure", "cloud computing", "financial services", "consumer retail",
		"healthcare", "robotics", "semiconductors", "large models", "smart driving", "education"}
	statuses = []string{"announced", "announced", "committed", "committed", "deployed"}
)

// amount returns a realistic amount cell with its currency, unit and
// qualifier cells.
func amount(r *rand.Rand) (amt any, cur, unit, qual string) {
	v := float64(r.IntN(9900)+100) / 10
	switch r.IntN(12) {
	case 0:
		return "undisclosed", "", "", ""
	case 1:
		return fmt.Sprintf("more than US$%.1f billion", v), "", "", ""
	case 2:
		return fmt.Sprintf("%.0f亿元", v*10), "", "", ""
	case 3:
		return fmt.Sprintf("%.1f亿美元", v), "", "", ""
	case 4:
		return fmt.Sprintf("HK$%.1f billion", v), "", "", ""
	case 5:
		return v, "EUR", "million", "about"
	case 6:
		return v, "GBP", "million", ""
	case 7:
		return v, "CNY", "billion", "at least"
	case 8:
		return fmt.Sprintf("about %.1f", v), "US$", "bn", ""
	default:
		return v, "USD", "million", ""
	}
}

// generate writes a deterministic bench workbook with n pledge rows, and
// a Progress sheet when withEvidence is set; the Pledges sheet is the same
// either way.
func generate(path string, n int, withEvidence bool) error {
	r := rand.New(rand.NewPCG(20251122, uint64(n)))
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Pledges"); err != nil {
		return err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter("Pledges")
	if err != nil {
		return err
	}
	header := []any{"id", "announced", "investor", "investor_type", "program", "amount", "currency", "unit",
		"qualifier", "years", "sectors", "region", "status", "source", "url", "note"}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	base := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	row := make([]any, len(header))
	// Evidence draws from a source of its own, so that the Pledges sheet
	// stays what it was without a Progress sheet.
	ev := rand.New(rand.NewPCG(20251130, uint64(n)))
	var progress [][]any
	for i := 0; i < n; i++ {
		inv := investors[r.IntN(len(investors))]
		amt, cur, unit, qual := amount(r)
		var secs []string
		for k := r.IntN(3) + 1; k > 0; k-- {
			secs = append(secs, sectors[r.IntN(len(sectors))])
		}
		status := statuses[r.IntN(len(statuses))]
		if r.IntN(50) == 0 {
			status = "withdrawn"
		}
		years := any("")
		if r.IntN(3) == 0 {
			years = r.IntN(5) + 1
		}
		row[0] = fmt.Sprintf("bench-%07d", i+1)
		row[1] = excelize.Cell{StyleID: dateStyle, Value: base.AddDate(0, 0, r.IntN(6*365))}
		row[2], row[3] = inv.name, inv.typ
		row[4] = fmt.Sprintf("AI programme %d", i+1)
		row[5], row[6], row[7], row[8] = amt, cur, unit, qual
		row[9] = years
		row[10] = strings.Join(secs, "; ")
		row[11], row[12] = inv.region, status
		row[13] = fmt.Sprintf("Generated source %d", r.IntN(40))
		row[14] = ""
		if r.IntN(4) == 0 {
			row[14] = fmt.Sprintf("https://example.org/deal/%d", i+1)
		}
		row[15] = ""
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
		if amt != "undisclosed" && ev.IntN(10) == 0 {
			progress = append(progress, evidence(ev, row[0].(string), row[1].(excelize.Cell).Value.(time.Time))...)
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if withEvidence {
		if err := writeProgress(f, dateStyle, progress); err != nil {
			return err
		}
	}
	if err := writeSmallSheets(f, r); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// benchCutoff is the cut-off of the bench run's month: evidence after it
// would be left out with a warning, so none is generated.
var benchCutoff = time.Date(2025, 11, 30, 0, 0, 0, 0, time.UTC)

// evidenceCurrencies are the currencies of evidence amounts, each with
// an FX row.
var evidenceCurrencies = []string{"USD", "CNY", "HKD", "EUR", "GBP"}

// evidence returns the Progress rows of one pledge announced on day:
// committed, then disbursed as cumulative totals that do not fall, then
// spent in increments, some of them bounds; rows after the cut-off are
// left out.
func evidence(r *rand.Rand, id string, day time.Time) [][]any {
	cur := evidenceCurrencies[r.IntN(len(evidenceCurrencies))]
	var out [][]any
	add := func(days int, stage string, amt any, basis, qual string) {
		d := day.AddDate(0, 0, days)
		if d.After(benchCutoff) {
			return
		}
		c, unit := cur, "million"
		if amt == nil {
			c, unit = "", ""
		}
		out = append(out, []any{id, d, stage, amt, basis, c, unit, qual, fmt.Sprintf("Generated evidence %d", r.IntN(40))})
	}
	add(20+r.IntN(60), "committed", nil, "", "")
	total, at := float64(r.IntN(200)+10), 120
	for k := r.IntN(3) + 1; k > 0; k-- {
		at += 60 + r.IntN(200)
		add(at, "disbursed", total, "cumulative", "")
		total += float64(r.IntN(100))
	}
	for k := r.IntN(3); k > 0; k-- {
		at += 30 + r.IntN(200)
		qual := ""
		if r.IntN(4) == 0 {
			qual = "more than"
		}
		add(at, "spent", float64(r.IntN(80)+1), "increment", qual)
	}
	return out
}

// writeProgress writes the Progress sheet: the evidence rows in the
// order of their pledges.
func writeProgress(f *excelize.File, dateStyle int, rows [][]any) error {
	if _, err := f.NewSheet("Progress"); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter("Progress")
	if err != nil {
		return err
	}
	header := []any{"pledge_id", "date", "stage", "amount", "amount_basis", "currency", "unit", "qualifier", "source"}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	for i, row := range rows {
		row[1] = excelize.Cell{StyleID: dateStyle, Value: row[1]}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func writeSmallSheets(f *excelize.File, r *rand.Rand) error {
	if _, err := f.NewSheet("FX"); err != nil {
		return err
	}
	fx := [][]any{{"currency", "per_usd", "date", "source"},
		{"CNY", 7.1698, "2019-01-01", "bench"}, {"HKD", 7.8, "2019-01-01", "bench"},
		{"EUR", 0.92, "2019-01-01", "bench"}, {"GBP", 0.79, "2019-01-01", "bench"}}
	for i, row := range fx {
		if err := f.SetSheetRow("FX", fmt.Sprintf("A%d", i+1), &row); err != nil {
			return err
		}
	}
	if _, err := f.NewSheet("Metrics"); err != nil {
		return err
	}
	if err := f.SetSheetRow("Metrics", "A1", &[]any{"entity", "metric", "period", "value", "unit", "basis", "source"}); err != nil {
		return err
	}
	row := 2
	for _, inv := range investors[:8] {
		v := float64(r.IntN(50) + 5)
		for y := 2019; y <= 2025; y++ {
			v *= 1 + float64(r.IntN(60))/100
			vals := []any{inv.name, "AI capital expenditure", y, fmt.Sprintf("US$%.1f billion", v), "", "actual", "bench"}
			if err := f.SetSheetRow("Metrics", fmt.Sprintf("A%d", row), &vals); err != nil {
				return err
			}
			row++
		}
	}
	return nil
}

func ptr[T any](v T) *T { return &v }
