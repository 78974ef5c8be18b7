package analysis

// CurrencyWords returns the currency symbols and words ParseCurrency
// reads besides ISO codes ("US$", "HK$", "yuan", "元", "港元"), in lower
// case, so that a reader of running text can find where an amount's
// currency begins and ends.
func CurrencyWords() []string {
	out := make([]string, 0, len(currencyWords))
	for w := range currencyWords {
		out = append(out, w)
	}
	return out
}

// ScaleWords returns the scale words ParseAmount reads after a number
// ("billion", "bn", "亿", "万亿", "Milliarden"), in lower case, longest
// first, with their multipliers.
func ScaleWords() ([]string, map[string]float64) {
	m := make(map[string]float64, len(scaleWords))
	for w, v := range scaleWords {
		m[w] = v
	}
	return append([]string(nil), sortedScaleWords...), m
}

// QualifierWords returns the words ParseQualifier and ParseAmount read as
// qualifiers ("at least", "超过", "mehr als"), in lower case, with the
// qualifier each stands for.
func QualifierWords() map[string]Qualifier {
	m := make(map[string]Qualifier, len(qualifierWords))
	for _, w := range qualifierWords {
		m[w.word] = w.q
	}
	return m
}
