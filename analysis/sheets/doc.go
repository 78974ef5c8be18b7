// Package sheets reads the input spreadsheets of pledgewatch (xlsx
// workbooks and CSV files) into analysis.Inputs, and reports every problem
// in them at its cell, as analysis.Problem values:
//
//	inputs/pledges.xlsx: sheet "Pledges", cell E14 (amount): "about 5,3 billion": cannot read "5,3" as a number; use 5.3
//
// # The input contract
//
// A workbook holds up to five tables, each on a sheet named for it (in
// any case, blanks around the name ignored): Pledges, Metrics and FX, and
// the optional Entities (names gathered into groups) and Comparisons
// (figures to set against each other).
// Other sheets are ignored with a warning; a workbook with none of the
// three is an error. A CSV file holds one table, named by the file:
// pledges.csv, metrics.csv or fx.csv.
//
// The header is the first row with at least two values, one of them the
// name of a column of the table; rows above it (a title, notes, blank
// rows) are skipped. Header names ignore case, and spaces, hyphens and
// underscores are the same: "Investor Type", "investor-type" and
// INVESTOR_TYPE all name investor_type. Columns may come in any order. A
// column the table does not have is ignored with a warning (naming the
// column meant, when a typing slip is likely); values in a column with no
// header are ignored with a warning. A missing required column is one
// error for each such column, and the sheet is not read further. The FX
// column per_usd may also be headed rate, units_per_usd or per US$, and
// stated_usd may be headed stated US$; there are no other aliases.
//
// Pledges: announced (date), investor, program and amount are required;
// investor_type (company, government, fund, individual, other), currency,
// unit, qualifier, years (a number above 0), start_year (a four-digit
// year), sectors (separated by ";"), region, status (announced,
// committed, deployed, withdrawn; empty means announced), source, url,
// source_date, stated_usd (the US-dollar equivalent a source states: a
// number of dollars, or text such as US$53 billion), note, id, kind
// (analysis.Kinds), per (the recipient an amount is per), relation
// (analysis.Relations), related_to (the id it names) and date_basis
// (analysis.DateBases) are optional. The amount may carry its currency, unit and qualifier ("more
// than US$50 billion", "3800亿元", "undisclosed"), or take them from
// those columns; see analysis.PledgeAmount.
//
// Metrics: entity, metric, period and value are required; unit, basis
// (actual, estimate, plan, budget, forecast), qualifier, source, url,
// source_date and note are optional. A period is text (2025, 2024Q4,
// FY2025, 2024-12, 2025-02-24), a number typed as a year, or a date.
//
// FX: currency, per_usd (units of the currency that buy one US dollar)
// and date are required; source and note are optional.
//
// Entities: name is required; aliases (separated by ";"), group,
// short_name, type, region and note are optional. Comparisons: left and
// how (analysis.Hows) are required; id, right, left_years, right_years,
// label and note are optional; figures are read by
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
