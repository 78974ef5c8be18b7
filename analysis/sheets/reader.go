package sheets

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/richardlehane/mscfb"

	"pledgewatch/analysis"
	"pledgewatch/analysis/sheets/internal/xlsxscan"
)

// Options steers a Reader. The zero value is ready to use.
type Options struct {
	// MaxRows is the most data rows read from one sheet or CSV file; more
	// is an ErrTooLarge problem. Zero means 1,048,576, Excel's limit.
	MaxRows int
	// UnzipSizeLimit caps the unpacked size of a workbook's parts, the
	// guard against zip bombs: a larger workbook is an ErrTooLarge
	// problem. Zero means DefaultUnzipSizeLimit. Sheets are streamed, so
	// this bounds reading time, not memory.
	UnzipSizeLimit int64
	// SharedStringsLimit caps the unpacked size of the shared-strings
	// part, the one part held in memory (every distinct text of the
	// workbook). Zero means DefaultSharedStringsLimit.
	SharedStringsLimit int64
	// Progress, when set, is called every ProgressEvery data rows of a
	// sheet or CSV file with the file, the sheet ("" for CSV) and the
	// rows read so far from it.
	Progress func(file, sheet string, rows int)
}

// ProgressEvery is how many data rows pass between calls of
// Options.Progress.
const ProgressEvery = 1 << 14

// Defaults of Options.
const (
	DefaultUnzipSizeLimit     = 4 << 30
	DefaultSharedStringsLimit = 1 << 30
)

// Reader reads input files into Inputs, collecting every problem found in
// them into Problems. Call ReadXLSX and ReadCSV once per file; records
// accumulate. A Reader is not safe for concurrent use.
//
// Records share memory where they can: repeated texts are one string, and
// pledges with the same sectors cell share one Sectors slice, which must
// therefore not be modified in place.
type Reader struct {
	Options
	Inputs   analysis.Inputs
	Problems analysis.Problems

	intern  interner
	sectors map[string]sectorCell
}

// ReadXLSX reads the Pledges, Metrics and FX sheets of an xlsx workbook.
// name is the path shown in problems, such as inputs/pledges.xlsx. Every
// problem with the file or its cells goes into rd.Problems; the error is
// only for a failure to read r itself.
//
// When r is also an io.ReaderAt and an io.Seeker (an *os.File), the
// workbook is read in place; otherwise it is read into memory first.
func (rd *Reader) ReadXLSX(r io.Reader, name string) error {
	ra, size, sum, err := readAll(r)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	rd.Inputs.Files = append(rd.Inputs.Files, analysis.InputFile{Path: name, SHA256: sum})
	file := &rd.Inputs.Files[len(rd.Inputs.Files)-1]
	fileErr := func(kind error, format string, args ...any) {
		rd.Problems.Add(&analysis.Problem{Severity: analysis.SevError, File: name, Err: analysis.Errorf(kind, format, args...)})
	}
	if msg := sniff(ra, size); msg != "" {
		fileErr(analysis.ErrFile, "%s", msg)
		return nil
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		fileErr(analysis.ErrFile, "the file is damaged or incomplete (%v); copy or download it again, or open it in Excel and save it again", err)
		return nil
	}
	limit := rd.UnzipSizeLimit
	if limit <= 0 {
		limit = DefaultUnzipSizeLimit
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
	}
	if total > uint64(limit) {
		fileErr(analysis.ErrTooLarge, "the workbook unpacks to %s, more than the limit of %s; split the data over several files",
			byteSize(total), byteSize(uint64(limit)))
		return nil
	}
	sstLimit := rd.SharedStringsLimit
	if sstLimit <= 0 {
		sstLimit = DefaultSharedStringsLimit
	}
	wb, err := xlsxscan.Open(zr, xlsxscan.Options{SharedStringsLimit: sstLimit, SplitFrom: splitFrom})
	if err != nil {
		fileErr(analysis.ErrFile, "%s", packageProblem(zr, err))
		return nil
	}
	var found []xlsxscan.Sheet
	var names []string
	for _, s := range wb.Sheets() {
		names = append(names, fmt.Sprintf("%q", s.Name))
		if specForSheet(s.Name) != nil {
			found = append(found, s)
		}
	}
	if len(found) == 0 {
		fileErr(analysis.ErrFile, "no sheet named %s (the sheets are %s); rename the sheets to be read",
			sheetList(), analysis.Listed(names, ", "))
		return nil
	}
	for _, s := range wb.Sheets() {
		if specForSheet(s.Name) == nil {
			rd.Problems.Add(&analysis.Problem{Severity: analysis.SevWarning, File: name, Sheet: s.Name,
				Err: analysis.Errorf(analysis.ErrIgnoredSheet, "sheet ignored; the sheets read are %s", sheetList())})
		}
	}
	if err := wb.LoadStyles(); err != nil {
		fileErr(analysis.ErrFile, "%s", packageProblem(zr, err))
		return nil
	}
	for _, s := range found {
		spec := specForSheet(s.Name)
		sheetErr := func(kind error, format string, args ...any) {
			rd.Problems.Add(&analysis.Problem{Severity: analysis.SevError, File: name, Sheet: s.Name,
				Err: analysis.Errorf(kind, format, args...)})
		}
		switch {
		case s.Part == "":
			sheetErr(analysis.ErrFile, "the sheet's cells are missing from the file; open it in Excel and save it again")
			continue
		case s.Type != "worksheet":
			sheetErr(analysis.ErrFile, "the sheet is a %s, not a worksheet with cells; put the table on a normal worksheet", kindName(s.Type))
			continue
		}
		// The sheet's problems are kept apart until it is read, so that
		// a second reading (for merged cells) can replace the first.
		before, inputs := rd.Problems, rd.Inputs
		rd.Problems = analysis.Problems{}
		tr := newTableReader(rd, spec, name, s.Name, wb.Date1904())
		err := wb.ReadSheet(s.Part, tr)
		if err == nil && tr.mergedAgain() {
			merges := tr.merges
			rd.Problems, rd.Inputs = analysis.Problems{}, inputs
			tr = newTableReader(rd, spec, name, s.Name, wb.Date1904())
			err = wb.ReadSheet(s.Part, newMergeFill(tr, merges))
			tr.warnMerged(merges)
		}
		sheet := rd.Problems
		rd.Problems = before
		rd.Problems.Merge(&sheet)
		file.Tables = append(file.Tables, analysis.TableInfo{Sheet: s.Name, Table: spec.table})
		var limit *xlsxscan.LimitError
		switch {
		case errors.As(err, &limit):
			// Only the shared strings have a limit of their own.
			fileErr(analysis.ErrTooLarge, "the shared strings (all the distinct texts) of the workbook unpack to %s, more than the limit of %s; split the data over several files",
				byteSize(uint64(limit.Size)), byteSize(uint64(limit.Limit)))
		case errors.Is(err, xlsxscan.ErrTooLarge):
			fileErr(analysis.ErrTooLarge, "%s; split the data over several files", strings.TrimPrefix(err.Error(), xlsxscan.ErrTooLarge.Error()+": "))
		case err != nil:
			after := ""
			if tr.header > 0 {
				after = fmt.Sprintf(" after row %d", max(tr.at, tr.header))
			}
			sheetErr(analysis.ErrFile, "the sheet is damaged%s (%v); open the file in Excel and save it again", after, err)
		default:
			tr.finish()
		}
		file.Tables[len(file.Tables)-1].Rows = tr.records
		if errors.Is(err, xlsxscan.ErrTooLarge) {
			return nil
		}
	}
	return nil
}

// kindName names a kind of sheet for people.
func kindName(kind string) string {
	switch kind {
	case "chartsheet":
		return "chart sheet"
	case "dialogsheet":
		return "dialog sheet"
	case "macrosheet", "xlMacrosheet", "xlIntlMacrosheet":
		return "macro sheet"
	}
	return kind
}

// splitFrom is passed to xlsxscan.Options.SplitFrom: 0 leaves the
// scanner's default. Tests set it to read sheets with the scan on a
// goroutine of its own, or never so.
var splitFrom int64

// readAll gives random access to the file and its SHA-256.
func readAll(r io.Reader) (io.ReaderAt, int64, string, error) {
	h := sha256.New()
	if ra, ok := r.(interface {
		io.ReaderAt
		io.Seeker
	}); ok {
		// Read in place, from the current offset, and leave the offset at
		// the end as reading would.
		start, err := ra.Seek(0, io.SeekCurrent)
		if err != nil {
			return nil, 0, "", err
		}
		end, err := ra.Seek(0, io.SeekEnd)
		if err != nil {
			return nil, 0, "", err
		}
		sr := io.NewSectionReader(ra, start, end-start)
		if _, err := io.Copy(h, sr); err != nil {
			return nil, 0, "", err
		}
		return sr, sr.Size(), hex.EncodeToString(h.Sum(nil)), nil
	}
	data, err := io.ReadAll(io.TeeReader(r, h))
	if err != nil {
		return nil, 0, "", err
	}
	return bytes.NewReader(data), int64(len(data)), hex.EncodeToString(h.Sum(nil)), nil
}

var (
	magicZip = []byte("PK\x03\x04")
	magicOLE = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// sniff recognises what a file that should be an xlsx workbook really is,
// and returns the problem with it, or "" for a zip.
func sniff(ra io.ReaderAt, size int64) string {
	if size == 0 {
		return "the file is empty; save the workbook again from Excel"
	}
	head := make([]byte, min(size, 512))
	n, _ := ra.ReadAt(head, 0)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, magicZip), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return ""
	case bytes.HasPrefix(head, magicOLE):
		return oleProblem(ra, size)
	case bytes.HasPrefix(head, []byte("%PDF")):
		return "this is a PDF document, not a workbook; enter the data into an xlsx workbook"
	}
	text := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n"))
	switch {
	case bytes.HasPrefix(text, []byte("<!doctype html")), bytes.HasPrefix(text, []byte("<html")),
		bytes.HasPrefix(text, []byte("<table")):
		return "this is a web page (HTML) with an .xlsx name, as some systems export tables; open it in Excel and save it as an Excel Workbook (.xlsx)"
	case bytes.HasPrefix(text, []byte("<?xml")):
		return "this is an XML file (perhaps an Excel 2003 XML spreadsheet), not an xlsx workbook; open it in Excel and save it as an Excel Workbook (.xlsx)"
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return "this is UTF-16 text (perhaps Excel's \"Unicode Text\"), not an xlsx workbook; open it in Excel and save it as an Excel Workbook (.xlsx)"
	case looksLikeText(head):
		return "this is a text file (a CSV file renamed to .xlsx?), not an xlsx workbook; open it in Excel and save it as an Excel Workbook (.xlsx), or name it pledges.csv, metrics.csv or fx.csv"
	}
	return "this is not an xlsx workbook; open it in Excel and save it as an Excel Workbook (.xlsx)"
}

// looksLikeText reports whether b is text: no NUL and no control bytes but
// tab, CR and LF.
func looksLikeText(b []byte) bool {
	for _, c := range b {
		if c < ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return len(b) > 0
}

// oleProblem tells the two kinds of OLE2 files a user may have: an old
// .xls workbook, and an xlsx workbook protected with a password (which
// Excel stores encrypted inside an OLE2 container).
func oleProblem(ra io.ReaderAt, size int64) string {
	const (
		xls       = "this is an old .xls file; open it in Excel and save it as an Excel Workbook (.xlsx)"
		encrypted = "the workbook is protected with a password; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, then clear it) and save it"
	)
	doc, err := mscfb.New(io.NewSectionReader(ra, 0, size))
	if err != nil {
		return xls
	}
	for {
		e, err := doc.Next()
		if err != nil {
			return xls
		}
		switch e.Name {
		case "EncryptionInfo", "EncryptedPackage":
			return encrypted
		case "WordDocument":
			return "this is a Word document, not a workbook; enter the data into an xlsx workbook"
		}
	}
}

// packageProblem explains why a zip is not a readable xlsx workbook.
func packageProblem(zr *zip.Reader, err error) string {
	has := func(name string) bool {
		for _, f := range zr.File {
			if strings.EqualFold(f.Name, name) || strings.HasPrefix(strings.ToLower(f.Name), name) {
				return true
			}
		}
		return false
	}
	switch {
	case errors.Is(err, xlsxscan.ErrNoWorkbook) && has("xl/workbook.bin"):
		return "this is an Excel Binary Workbook (.xlsb); open it in Excel and save it as an Excel Workbook (.xlsx)"
	case errors.Is(err, xlsxscan.ErrNoWorkbook) && has("content.xml") && has("mimetype"):
		return "this is an OpenDocument spreadsheet (.ods); save it as an Excel Workbook (.xlsx)"
	case errors.Is(err, xlsxscan.ErrNoWorkbook) && has("word/"):
		return "this is a Word document, not a workbook; enter the data into an xlsx workbook"
	case errors.Is(err, xlsxscan.ErrNoWorkbook) && has("ppt/"):
		return "this is a PowerPoint presentation, not a workbook; enter the data into an xlsx workbook"
	case errors.Is(err, xlsxscan.ErrNoWorkbook):
		return "this is a zip archive but not an xlsx workbook (it has no xl/workbook.xml); open the workbook in Excel and save it as an Excel Workbook (.xlsx)"
	case errors.Is(err, xlsxscan.ErrTooLarge):
		return "a part of the workbook is larger than allowed; split the data over several files"
	}
	return fmt.Sprintf("the workbook is damaged (%v); open it in Excel and save it again", err)
}

// byteSize writes a size for people: 1.5 GiB.
func byteSize(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// sheetList names the sheets a workbook may hold: "Pledges, Metrics, FX,
// ... or Sector names".
func sheetList() string {
	names := make([]string, len(specs))
	for i, s := range specs {
		names[i] = s.sheet
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
