package analysis

import "math"

// Rules of the report that only a sheet of the workbook states.
const (
	// RuleMatching says how the Changes sheet matches pledges and
	// metrics from one month to the next (PledgeKey and MetricKey).
	RuleMatching = "Pledges are matched by id where given, else by investor, program and announcement date (case and spacing ignored); metrics by entity, metric, period and basis."
	// RuleSectorRows says how the Sectors sheet's total row counts.
	RuleSectorRows = "A pledge naming several sectors is counted in each of them, so the total row gives the number of distinct pledges, not the sum of the column."
	// RuleDollar follows RuleConversion on the FX sheet.
	RuleDollar = "The US dollar is 1 by definition."
	// RuleHistory is the History sheet's note; RuleHistoryDelivered
	// follows it when a report states an amount delivered.
	RuleHistory = "One row per monthly report, this one included, from the snapshot kept beside each workbook: the counted pledges, their total and the total by investor type. " +
		"The change is a report's total less the previous report's, where both are in the same currency."
	RuleHistoryDelivered = " Total delivered is the sum of the amounts disbursed or spent of the counted pledges on the evidence of that report (see Progress); blank where it states none."
)

// Word is a word or phrase of the program's own that a finding names (a
// group the program makes, such as "Public schemes", a basis, a status):
// every language renders it through the catalogue. A plain string among a
// finding's Args is analyst data (a name, a programme, a metric) and is
// shown as entered.
type Word string

// Words are several of the program's words, listed with commas.
type Words []Word

// Names are names as entered, listed "a, b and c" in English.
type Names []string

// Say builds a finding of kind c that the catalogue text key words with
// args (see Finding.Args). It is for claims that state no arithmetic
// result: a count, the scope of a chart, a note on how to read it.
func Say(c Claim, key string, args ...any) *Finding {
	return &Finding{Claim: c, Key: key, Args: args, Result: Fact{Shown: math.NaN()}}
}

// ShareFinding states part as a share of whole, both stated amounts of
// the same set, as a whole percentage that is never rounded up to 100% or
// down to 0% when it is not: the figure the sentence shows, with "more
// than" or "less than" where rounding would mislead. The share is of the
// stated amounts, so each figure is taken as stated (exact). Args follow
// key's text; the share is appended last.
func ShareFinding(key string, part, whole Fact, args ...any) *Finding {
	part.Qualifier, whole.Qualifier = Exact, Exact
	f := &Finding{Claim: ClaimShare, Figures: []Fact{part, whole}, Key: key}
	shown := Fact{Unit: "%", Shown: math.NaN()}
	if whole.Value > 0 {
		pct := part.Value / whole.Value * 100
		shown.Value = math.Round(pct)
		switch {
		case pct >= 99.5 && part.Value < whole.Value:
			shown.Value, shown.Qualifier = 99, MoreThan
		case pct < 0.5 && part.Value > 0:
			shown.Value, shown.Qualifier = 1, LessThan
		}
	}
	f.Result = Fact{Value: part.Value / whole.Value, Unit: "%", Qualifier: f.Bound(), Shown: math.NaN()}
	f.Args = append(append([]any(nil), args...), shown)
	return f
}

// ShareShown is the share a ShareFinding shows, as a percentage.
func (f *Finding) ShareShown() Fact {
	if len(f.Args) == 0 {
		return Fact{}
	}
	x, _ := f.Args[len(f.Args)-1].(Fact)
	return x
}

// BarAmount is a sum of money as a chart's bar shows it: the figure alone,
// rounded the way its bound allows; the chart marks the bound before it
// ("≥").
type BarAmount struct {
	Value     float64
	Currency  string
	Qualifier Qualifier
}

// Parts are findings stated one after another, each worded on its own and
// joined with semicolons: the scope of a chart ("cumulative since 2018;
// as of 2025-10-31; nothing new announced in October 2025").
type Parts []*Finding

// TotalOfRows is a finding that states sum, the total of set, a set of
// rows held by reference (Set.Rows): the sentence of catalogue key
// fills args, then the sum; Report.CheckFinding works the sum and its
// bound out again from the rows.
func TotalOfRows(key string, set Set, sum Fact, args ...any) *Finding {
	f := &Finding{Claim: ClaimTotal, Set: set, Key: key, Result: sum}
	f.Args = append(append([]any(nil), args...), f.Result)
	return f
}
