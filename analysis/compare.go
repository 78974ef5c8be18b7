package analysis

// Figure is one side of a comparison: a pledge, a metric at a period, or
// a total of counted pledges, resolved to a value.
type Figure struct {
	Ref       string // as written in the Comparisons sheet
	Label     string // what the figure is, in words
	Value     float64
	Unit      string // ISO code for money (the reporting currency), "%", "x" or a word
	Money     bool
	Qualifier Qualifier
	Basis     string  // actual, estimate, plan, budget, forecast; "" when not stated
	Years     float64 // the span the figure covers, 0 when none
	Sources   []string
}

// Comparison is one ComparisonSpec worked out.
type Comparison struct {
	Spec        *ComparisonSpec
	Left, Right Figure
	Value       float64
	Qualifier   Qualifier
	Unit        string // "x", "%", "pp", a currency code, or a word
	Sentence    string
	Sources     []string
}
