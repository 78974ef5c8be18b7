// Package xlsxtest makes workbooks for the tests of analysis/sheets and
// its xlsx scanner: zips of parts written by hand, workbooks made with
// excelize, and workbooks opened and saved by LibreOffice, as a user's
// spreadsheet would save them.
package xlsxtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Zip writes a zip of the given parts, by name to content, in name order.
func Zip(tb testing.TB, parts map[string]string) []byte {
	tb.Helper()
	var names []string
	for name := range parts {
		names = append(names, name)
	}
	slices.Sort(names)
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, name := range names {
		w, err := z.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			tb.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// Book is a workbook written part by part, for what excelize does not
// write: cached error values, namespace prefixes, the 1904 date system,
// rich and phonetic shared strings. Its cell formats (the s attribute of
// a cell) are: 1 a date, 2 a percentage, 3 a custom yyyy-mm-dd date, 4 a
// number with two decimals.
type Book struct {
	Date1904 bool
	SST      []string // inner XML of each <si>; nil for no shared strings part
	Sheets   []Sheet
	Extra    map[string]string // more parts, or replacements, by name
}

// Sheet is a worksheet of a Book.
type Sheet struct {
	Name string
	Data string // the XML inside <sheetData>, or a whole part starting with <?xml
}

// styles are the cell formats of a Book.
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="#,##0.00&quot; bn&quot;"/></numFmts>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs>
</styleSheet>`

// Bytes writes the workbook.
func (w Book) Bytes(tb testing.TB) []byte {
	tb.Helper()
	parts := map[string]string{}
	var sheets, rels, types strings.Builder
	for i, s := range w.Sheets {
		n := i + 1
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, s.Name, n, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, n, n)
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		part := s.Data
		if !strings.HasPrefix(part, "<?xml") {
			part = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
				`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>` +
				part + `</sheetData></worksheet>`
		}
		parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", n)] = part
	}
	rels.WriteString(`<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`)
	parts["xl/styles.xml"] = styles
	if w.SST != nil {
		rels.WriteString(`<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`)
		var sst strings.Builder
		fmt.Fprintf(&sst, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(w.SST), len(w.SST))
		for _, s := range w.SST {
			sst.WriteString("<si>" + s + "</si>")
		}
		sst.WriteString("</sst>")
		parts["xl/sharedStrings.xml"] = sst.String()
	}
	pr := ""
	if w.Date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	parts["xl/workbook.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		pr + `<sheets>` + sheets.String() + `</sheets></workbook>`
	parts["xl/_rels/workbook.xml.rels"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`
	parts["_rels/.rels"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	parts["[Content_Types].xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		types.String() + `</Types>`
	for k, v := range w.Extra {
		parts[k] = v
	}
	return Zip(tb, parts)
}

// Write returns the workbook f as an xlsx file.
func Write(tb testing.TB, f *excelize.File) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// knownVersion is the registrymodifications.xcu of StartLibreOffice's
// profile.
const knownVersion = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>99.9</value></prop></item>
</oor:items>
`

// Conversion is a workbook that LibreOffice is converting in the
// background; see StartLibreOffice.
type Conversion struct {
	done chan struct{}
	out  []byte
	log  string // why out is nil
}

// StartLibreOffice starts converting a workbook with LibreOffice (as a
// user who opens and saves it would) and returns at once. LibreOffice
// takes seconds to start, so a test calls StartLibreOffice before
// t.Parallel, letting the conversion run while the package's other tests
// do, and then calls Wait. It returns nil when LibreOffice is not
// installed or the tests run with -short.
func StartLibreOffice(tb testing.TB, data []byte) *Conversion {
	tb.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil || testing.Short() {
		tb.Log("LibreOffice not used (not installed, or -short)")
		return nil
	}
	dir := tb.TempDir()
	in := filepath.Join(dir, "in", "book.xlsx")
	if err := os.MkdirAll(filepath.Dir(in), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(in, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	// A profile that says LibreOffice was already started at this
	// version (a version above any real one): otherwise every headless
	// start counts as the first after an update and runs LibreOffice's
	// graphics self-tests, more than half of its processor time.
	profile := filepath.Join(dir, "profile")
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(knownVersion), 0o644); err != nil {
		tb.Fatal(err)
	}
	c := &Conversion{done: make(chan struct{})}
	// Registered after TempDir's, so run before it: the directory is
	// removed only once LibreOffice is done with it.
	tb.Cleanup(func() { <-c.done })
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+profile,
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", filepath.Join(dir, "out"), in)
	go func() {
		defer close(c.done)
		if out, err := cmd.CombinedOutput(); err != nil {
			c.log = fmt.Sprintf("LibreOffice failed, not used: %v\n%s", err, out)
			return
		}
		b, err := os.ReadFile(filepath.Join(dir, "out", "book.xlsx"))
		if err != nil {
			c.log = fmt.Sprintf("LibreOffice wrote nothing: %v", err)
			return
		}
		c.out = b
	}()
	return c
}

// Wait waits for the conversion and returns the converted workbook, or
// nil when LibreOffice failed or was not used (c is nil).
func (c *Conversion) Wait(tb testing.TB) []byte {
	tb.Helper()
	if c == nil {
		return nil
	}
	<-c.done
	if c.out == nil {
		tb.Log(c.log)
	}
	return c.out
}
