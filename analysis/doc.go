// Package analysis is the pure core of pledgewatch: the domain types
// (pledges, metrics, exchange rates, money with qualifiers), the parsers
// for the values analysts type into spreadsheets, and the normalisation
// and comparisons that turn them into a report.
//
// Nothing in this package reads or writes files or talks to a network;
// reading spreadsheets lives in analysis/sheets and rendering in
// analysis/workbook and analysis/charts.
package analysis
