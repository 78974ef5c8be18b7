package sheets

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"pledgewatch/analysis"
	"pledgewatch/analysis/sheets/internal/xlsxscan"
)

// maxCSVErrors is how many malformed lines are reported before a CSV file
// is given up.
const maxCSVErrors = 10

// ReadCSV reads one table from a CSV file. The table comes from the file
// name: pledges.csv, metrics.csv or fx.csv, in any case; another name is
// a warning and the file is not read. name is the path shown in problems.
//
// The file must be UTF-8 (a byte-order mark is allowed, as Excel's "CSV
// UTF-8" writes it), with commas between fields; semicolons or tabs are
// accepted when the first line has no comma. Problems name cells as a
// spreadsheet shows the file: row 14 is the 14th record, counting blank
// lines and treating a quoted field over several lines as one row.
func (rd *Reader) ReadCSV(r io.Reader, name string) error {
	h := sha256.New()
	cr0 := &countingReader{r: io.TeeReader(r, h)}
	lim := &recordLimiter{r: cr0, max: maxCSVRecord}
	br := bufio.NewReaderSize(lim, 64<<10)
	drain := true
	finish := func(tables []analysis.TableInfo) error {
		// The rest of the file is read for its SHA-256, with no limit on
		// its lines, unless a row was too long: the rest may be endless.
		if drain {
			lim.max = math.MaxInt
			if _, err := io.Copy(io.Discard, br); err != nil {
				return fmt.Errorf("read %s: %w", name, err)
			}
		}
		rd.Inputs.Files = append(rd.Inputs.Files, analysis.InputFile{Path: name, SHA256: hex.EncodeToString(h.Sum(nil)), Tables: tables})
		return nil
	}
	fileErr := func(kind error, format string, args ...any) {
		rd.Problems.Add(&analysis.Problem{Severity: analysis.SevError, File: name, Err: analysis.Errorf(kind, format, args...)})
	}
	base := name[strings.LastIndexAny(name, `/\`)+1:]
	var spec *tableSpec
	for _, s := range specs {
		if strings.EqualFold(base, s.table+".csv") {
			spec = s
		}
	}
	if spec == nil {
		rd.Problems.Add(&analysis.Problem{Severity: analysis.SevWarning, File: name, Err: analysis.Errorf(analysis.ErrIgnoredSheet,
			"file ignored; the CSV files read are %s", csvList())})
		return finish(nil)
	}
	head, err := br.Peek(4096)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return fmt.Errorf("read %s: %w", name, err)
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		fileErr(analysis.ErrFile, "the file is UTF-16 text (perhaps Excel's \"Unicode Text\"); save it from Excel as CSV UTF-8 (Comma delimited)")
		return finish(nil)
	case bytes.HasPrefix(head, magicZip):
		fileErr(analysis.ErrFile, "this is an xlsx workbook with a .csv name; rename it to .xlsx")
		return finish(nil)
	case bytes.HasPrefix(head, magicOLE):
		fileErr(analysis.ErrFile, "this is an old .xls workbook with a .csv name; open it in Excel and save it as CSV UTF-8 (Comma delimited)")
		return finish(nil)
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		br.Discard(3)
		head = head[3:]
	}
	cr := csv.NewReader(br)
	cr.Comma = csvDelimiter(head)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true

	tr := newTableReader(rd, spec, name, "", false)
	if rest := remaining(r); rest > 0 {
		size := cr0.n + rest
		tr.SetProgress(func() (int64, int64) { return cr0.n - int64(br.Buffered()), size })
	}
	var cells []cell
	row, extra, nerr := 0, 0, 0
records:
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			// The checks allocate, so they wait for an error.
			var pe *csv.ParseError
			var long *recordTooLongError
			switch {
			case errors.As(err, &long):
				rd.Problems.Add(&analysis.Problem{Severity: analysis.SevError, File: name, Row: long.row,
					Err: analysis.Errorf(analysis.ErrTooLarge, "the row is longer than %s, the most one row may hold, so the file is read no further; a field may lack its closing double quote, or the file may not be a table",
						byteSize(uint64(maxCSVRecord)))})
				drain = false
				return finish([]analysis.TableInfo{{Table: spec.table, Rows: tr.records}})
			case errors.As(err, &pe):
				nerr++
				rd.Problems.Add(&analysis.Problem{Severity: analysis.SevError, File: name, Row: pe.StartLine - extra,
					Err: analysis.Errorf(analysis.ErrFile, "cannot read the line (%v); put a field that holds quotes or commas in double quotes, and double the quotes inside it (\"\"like this\"\")", pe.Err)})
				if nerr >= maxCSVErrors || errors.Is(pe.Err, csv.ErrQuote) && pe.Line > pe.StartLine+100 {
					break records
				}
				continue
			}
			return fmt.Errorf("read %s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		row = line - extra
		if len(rec) > xlsxscan.MaxColumns {
			rd.Problems.Add(&analysis.Problem{Severity: analysis.SevError, File: name, Row: row,
				Err: analysis.Errorf(analysis.ErrTooLarge, "the row has %d fields, more than the %d columns a sheet holds, so the file is read no further; check the delimiter", len(rec), xlsxscan.MaxColumns)})
			drain = false
			return finish([]analysis.TableInfo{{Table: spec.table, Rows: tr.records}})
		}
		cells = cells[:0]
		for i, f := range rec {
			if strings.IndexByte(f, '\n') >= 0 {
				extra += strings.Count(f, "\n")
			}
			if f == "" {
				continue
			}
			if !utf8.ValidString(f) {
				rd.Problems.Add(&analysis.Problem{Severity: analysis.SevError, File: name, Row: row,
					Cell: analysis.ColumnLetters(i+1) + strconv.Itoa(row), Err: analysis.Errorf(analysis.ErrFile,
						"the file is not UTF-8 text; save it from Excel as CSV UTF-8 (Comma delimited)")})
				return finish([]analysis.TableInfo{{Table: spec.table, Rows: tr.records}})
			}
			if xlsxscan.TooLong(f) {
				cells = append(cells, cell{Col: i + 1, Kind: xlsxscan.TextTooLong})
				continue
			}
			cells = append(cells, cell{Col: i + 1, Kind: xlsxscan.Text, Str: f})
		}
		if len(cells) > 0 && !tr.Row(row, cells) {
			break
		}
	}
	if nerr == 0 || tr.header > 0 {
		tr.finish()
	}
	return finish([]analysis.TableInfo{{Table: spec.table, Rows: tr.records}})
}

// maxCSVRecord is the most bytes one row (record) of a CSV file may take:
// room for many cells of Excel's largest text, and a bound on the memory
// a line without a line break can take.
const maxCSVRecord = 1 << 20

// recordLimiter passes a CSV file through, failing with a
// *recordTooLongError once a record grows past max bytes. It finds the
// ends of records as encoding/csv does: a line break outside double
// quotes (a doubled quote inside a quoted field toggles twice).
type recordLimiter struct {
	r       io.Reader
	max     int
	n       int  // bytes of the current record so far
	quoted  bool // inside a quoted field
	records int  // records (and blank lines) ended so far
	err     error
}

// recordTooLongError is the record that begins on the row'th line break
// outside quotes, plus one, and grew past the limit.
type recordTooLongError struct{ row int }

func (e *recordTooLongError) Error() string {
	return fmt.Sprintf("record %d is longer than the limit", e.row)
}

func (l *recordLimiter) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	end := 0 // bytes up to the end of the last record ended in p[:n]
	for i, c := range p[:n] {
		switch c {
		case '"':
			l.quoted = !l.quoted
		case '\n':
			if !l.quoted {
				l.records++
				end = i + 1
				l.n = -end // the next record starts after this byte
			}
		}
	}
	l.n += n
	if l.n > l.max {
		// Hand over the records that ended, and no byte of the long one.
		l.err = &recordTooLongError{row: l.records + 1}
		if end == 0 {
			return 0, l.err
		}
		return end, nil
	}
	return n, err
}

// csvDelimiter picks the field separator: of comma, semicolon and tab,
// the one used most on the first line that has any (Excel in locales
// with a decimal comma writes semicolons).
func csvDelimiter(head []byte) rune {
	for len(head) > 0 {
		line := head
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line, head = head[:i], head[i+1:]
		} else {
			head = nil
		}
		best, most := ',', 0
		for _, d := range []rune{',', ';', '\t'} {
			if n := bytes.Count(line, []byte(string(d))); n > most {
				best, most = d, n
			}
		}
		if most > 0 {
			return best
		}
	}
	return ','
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// remaining returns how many bytes are left to read from r when it can
// tell (a file, a bytes.Reader), else 0.
func remaining(r io.Reader) int64 {
	switch r := r.(type) {
	case interface{ Len() int }:
		return int64(r.Len())
	case io.Seeker:
		cur, err := r.Seek(0, io.SeekCurrent)
		if err != nil {
			return 0
		}
		end, err := r.Seek(0, io.SeekEnd)
		if _, err2 := r.Seek(cur, io.SeekStart); err != nil || err2 != nil {
			return 0
		}
		return end - cur
	}
	return 0
}

// CSVFiles names the CSV files read, one per table, in the order of the
// contract: pledges.csv, metrics.csv, fx.csv, ...
func CSVFiles() []string {
	names := make([]string, len(specs))
	for i, s := range specs {
		names[i] = s.table + ".csv"
	}
	return names
}

// Sheets names the sheets read in a workbook, in the order of the
// contract: Pledges, Metrics, FX, ...
func Sheets() []string {
	names := make([]string, len(specs))
	for i, s := range specs {
		names[i] = s.sheet
	}
	return names
}

// csvList names the CSV files read: "pledges.csv, metrics.csv, ... or
// sector_names.csv".
func csvList() string {
	names := make([]string, len(specs))
	for i, s := range specs {
		names[i] = s.table + ".csv"
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
