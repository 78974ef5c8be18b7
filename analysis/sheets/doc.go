// Package sheets reads the input spreadsheets of pledgewatch (xlsx
// workbooks and CSV files) into analysis.Inputs, and reports every problem
// in them at its cell, as analysis.Problem values:
//
//	inputs/pledges.xlsx: sheet "Pledges", cell E14 (amount): "about 5,3 billion": cannot read "5,3" as a number; use 5.3
//
// # The input contract
//
// A workbook holds up to seven tables, each on a sheet named for it (in
// any case, blanks around the name ignored): Pledges, Metrics and FX, and
// the optional Entities, Comparisons, Progress and Sector names. Other
// sheets are ignored with a warning; a workbook with none of them is an
// error. A CSV file holds one table, named by the file: pledges.csv,
// metrics.csv, fx.csv and so on.
//
// Each table's columns are declared once, in columns.go: name, other
// headers read as it, whether it is required, its closed list of values,
// what it holds and an example. The reader, the column tables of the
// contract in inputs/README.md (generated; TestGoldenContract holds them
// to the declarations) and the blank workbook of WriteTemplate all follow
// from those declarations.
//
// The header is the first row with at least two values, one of them the
// name of a column of the table; rows above it (a title, notes, blank
// rows) are skipped. Header names ignore case, and spaces, hyphens and
// underscores are the same: "Investor Type", "investor-type" and
// INVESTOR_TYPE all name investor_type. Columns may come in any order. A
// column the table does not have is ignored with a warning (naming the
// column meant, when a typing slip or a usual other name makes one
// likely); values in a column with no header are ignored with a warning.
// A missing required column is one error for each such column, and the
// sheet is not read further. A pledge's amount may carry its currency,
// unit and qualifier ("more than US$50 billion", "3800亿元",
// "undisclosed"), or take them from those columns; see
// analysis.PledgeAmount. Comparisons name figures read by
// analysis.ParseFigureRef.
//
// A row with nothing in it is skipped. A required cell left empty, a
// value that cannot be read, a spreadsheet error value (#REF!, #N/A) and
// a formula with no saved value are errors at the cell; the row then
// gives no record, and the other rows are still read, so that one run
// lists every problem. A url that is not an http, https or mailto link is
// a warning.
//
// # What a cell holds
//
// Dates are Excel dates (cells formatted as dates) or ISO text
// (2025-02-24); other text forms are refused with the ISO form to use,
// never guessed. Both of Excel's date systems (1900 and 1904) are read.
// Numbers are read as stored, whatever their display format, except that
// a percentage format counts (0.41 shown as 41% is 41%) and a date
// format in a number column is an error (Excel turns 3-5 typed into a
// cell into a date). A change written with a sign (+8%) must be text:
// Excel stores +8% typed into a cell as the number 0.08 and drops the
// sign; type '+8% or format the column as Text.
//
// Formulas count by their saved (cached) value, which Excel and
// LibreOffice write when they save; a file written by a program that
// stores formulas without values must be opened and saved once.
//
// # Files that are not what they seem
//
// An old .xls workbook, a workbook protected with a password, a CSV
// file renamed to .xlsx, a web page or PDF saved with an .xlsx name, a
// damaged zip and a workbook that unpacks to more than
// Options.UnzipSizeLimit are each one error on the file, saying what to
// do. Input files are only read, never written.
//
// # Reading large files
//
// Sheets are streamed: the rows of a sheet are never all in memory, cells
// of ignored columns are skipped without decoding, and repeated texts
// (investor, currency, region, sector names, ...) are stored once. The
// shared-strings part of a workbook (every distinct text) is held in
// memory, capped by Options.SharedStringsLimit. The sheet XML is read
// by the package's own scanner (internal/xlsxscan) rather than through
// excelize's row iterator, which gives values only: it could not tell a
// formula without a saved value from an empty cell, nor see date and
// percentage formats, and it was several times slower (see
// BenchmarkReadXLSX and BenchmarkExcelizeRows).
package sheets
