package analysis

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Amount is a figure as an analyst typed it, read into parts: "more than
// US$50 billion" is Value 5e10, Currency "USD", Scale 1e9, Qualifier
// MoreThan. Value is always in whole units of the currency (or of the
// metric's unit).
type Amount struct {
	Value       float64
	Currency    string  // ISO 4217 code; "" when the text names none
	Scale       float64 // the multiplier the text named (1e9 for "billion"); 0 when none
	Qualifier   Qualifier
	Percent     bool // the text ended in "%"
	Signed      bool // the text began with an explicit "+" or "-"
	Undisclosed bool
	hasQual     bool
}

// undisclosedWords are the texts that record a pledge without an amount.
var undisclosedWords = map[string]bool{
	"undisclosed": true, "not disclosed": true, "n/a": true, "na": true, "unknown": true,
	"未披露": true, "未公开": true, "不详": true, "nicht bekannt": true, "k.a.": true,
}

// ParseAmount reads an amount or value text such as "more than US$50
// billion", "HK$10 billion", "0.15 billion", "3800亿元", "1.5亿美元",
// "about 5.3", "41%", "+8%" or "undisclosed". It does not guess: a decimal
// comma, an unknown word or a second number is an error that says how to
// write the value instead.
func ParseAmount(text string) (Amount, error) {
	s := strings.TrimSpace(text)
	if s == "" {
		return Amount{}, errorf(ErrRequired, "empty amount; enter a number such as 10 or 10 billion, or undisclosed")
	}
	if undisclosedWords[strings.ToLower(s)] {
		return Amount{Undisclosed: true}, nil
	}
	var a Amount
	a.Qualifier, s = cutQualifier(s)
	a.hasQual = a.Qualifier != Exact || len(s) != len(strings.TrimSpace(text))

	// Split into prefix, number and suffix.
	start := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	if start < 0 {
		return Amount{}, errorf(ErrNumber, "no number found; enter a number such as 10 or 10 billion, or undisclosed")
	}
	end := start
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.' || s[end] == ',') {
		end++
	}
	prefix, num, suffix := strings.TrimSpace(s[:start]), s[start:end], strings.TrimSpace(s[end:])

	// A sign may stand before or after the currency symbol: "-$5", "$-5", "+8%".
	sign := 1.0
	if p, ok := cutSign(prefix); ok {
		a.Signed, prefix = true, p
		if strings.HasPrefix(strings.TrimSpace(s[:start]), "-") || strings.HasSuffix(strings.TrimSpace(s[:start]), "-") {
			sign = -1
		}
	}
	// A qualifier may follow a currency symbol ("US$ over 5 billion" is rare) or
	// stand after the sign; read it once more.
	if q, rest := cutQualifier(prefix); q != Exact && !a.hasQual {
		a.Qualifier, prefix, a.hasQual = q, rest, true
	}
	if prefix != "" {
		code, err := ParseCurrency(prefix)
		if err != nil {
			return Amount{}, errorf(ErrUnknownCurrency, "cannot read %q before the number as a currency; use an ISO code such as USD, HKD, CNY or a symbol such as US$, HK$", prefix)
		}
		a.Currency = code
	}

	v, err := parseNumber(num)
	if err != nil {
		return Amount{}, err
	}

	// Suffix: optional %, scale word, currency word, Chinese "以上" (or more).
	rest := suffix
	if strings.HasPrefix(rest, "%") {
		a.Percent = true
		rest = strings.TrimSpace(rest[1:])
	}
	if scale, word, r := cutScale(rest); scale != 0 {
		a.Scale = scale
		_ = word
		rest = r
	}
	if strings.HasSuffix(rest, "以上") || strings.HasSuffix(rest, "多") {
		if a.hasQual {
			return Amount{}, errorf(ErrConflict, "two qualifiers in one value; keep one")
		}
		a.Qualifier, a.hasQual = AtLeast, true
		rest = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(rest, "以上"), "多"))
	}
	if rest != "" {
		code, err := ParseCurrency(rest)
		if err != nil {
			if a.Scale == 0 && a.Currency == "" && !a.Percent {
				return Amount{}, errorf(ErrUnknownUnit, "cannot read %q after the number as a unit or currency; use thousand, million, billion, trillion (k, m, bn, tn), 万, 亿, 万亿, or a currency such as USD", rest)
			}
			return Amount{}, errorf(ErrUnknownCurrency, "cannot read %q after the number as a currency; use an ISO code such as USD, HKD, CNY, or a word such as yuan, 元, 美元", rest)
		}
		if a.Currency != "" && a.Currency != code {
			return Amount{}, errorf(ErrConflict, "two currencies in one value (%s and %s); keep one", a.Currency, code)
		}
		a.Currency = code
	}
	if a.Percent && (a.Currency != "" || a.Scale != 0) {
		return Amount{}, errorf(ErrNumber, "a percentage cannot carry a currency or a unit; write 41%% or put the amount in its own cell")
	}
	a.Value = sign * v
	if a.Scale != 0 {
		a.Value *= a.Scale
	}
	if err := checkMagnitude(a.Value); err != nil {
		return Amount{}, err
	}
	return a, nil
}

// MaxMagnitude is the largest figure read, in whole units of any currency
// or unit: a million trillion, beyond any real amount even in the
// currencies with the most units to the US dollar. A larger figure (or
// one that overflows to infinity) is a typing error, and would turn
// every sum it enters into nonsense.
const MaxMagnitude = 1e18

// checkMagnitude refuses a figure that is not finite or larger than
// MaxMagnitude.
func checkMagnitude(v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > MaxMagnitude {
		return errorf(ErrNumber, "the figure is too large to be real (more than a million trillion once the unit is applied); check the number and the unit")
	}
	return nil
}

func cutSign(p string) (string, bool) {
	p = strings.TrimSpace(p)
	if strings.HasPrefix(p, "+") || strings.HasPrefix(p, "-") {
		return strings.TrimSpace(p[1:]), true
	}
	if strings.HasSuffix(p, "+") || strings.HasSuffix(p, "-") {
		return strings.TrimSpace(p[:len(p)-1]), true
	}
	return p, false
}

// parseNumber reads digits with an optional decimal point and optional
// comma thousands separators in groups of three. Anything else is refused
// with the form to use.
func parseNumber(num string) (float64, error) {
	if strings.Contains(num, ",") {
		parts := strings.Split(num, ",")
		intPart, frac := parts[len(parts)-1], ""
		if i := strings.Index(intPart, "."); i >= 0 {
			intPart, frac = intPart[:i], intPart[i:]
		}
		ok := len(parts[0]) >= 1 && len(parts[0]) <= 3 && !strings.Contains(parts[0], ".")
		for i, p := range parts[1:] {
			last := i == len(parts)-2
			if last {
				p = intPart
			}
			if len(p) != 3 || strings.Contains(p, ".") {
				ok = false
			}
		}
		if !ok {
			return 0, errorf(ErrNumber, "cannot read %q as a number; use %s", num, suggestNumber(num))
		}
		num = strings.ReplaceAll(num[:len(num)-len(frac)], ",", "") + frac
	}
	if strings.Count(num, ".") > 1 || strings.HasSuffix(num, ".") || strings.HasPrefix(num, ".") {
		return 0, errorf(ErrNumber, "cannot read %q as a number; use %s", num, suggestNumber(num))
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, errorf(ErrNumber, "cannot read %q as a number; use digits with a decimal point, such as 1234.5", num)
	}
	return v, nil
}

// suggestNumber proposes the dot-decimal form of a number written with a
// decimal comma ("5,3" -> "5.3", "1.234,5" -> "1234.5").
func suggestNumber(num string) string {
	last := strings.LastIndexAny(num, ".,")
	if last < 0 {
		return "digits with a decimal point, such as 1234.5"
	}
	intPart := strings.NewReplacer(".", "", ",", "").Replace(num[:last])
	frac := strings.NewReplacer(".", "", ",", "").Replace(num[last+1:])
	if frac == "" {
		return intPart
	}
	if intPart == "" {
		intPart = "0"
	}
	return intPart + "." + frac
}

// Scales: the multipliers for unit words, in English, German and Chinese.
var scaleWords = map[string]float64{
	"thousand": 1e3, "thousands": 1e3, "k": 1e3, "tausend": 1e3, "千": 1e3,
	"million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "mio.": 1e6, "millionen": 1e6, "百万": 1e6,
	"billion": 1e9, "billions": 1e9, "b": 1e9, "bn": 1e9, "bln": 1e9, "mrd": 1e9, "mrd.": 1e9, "milliarde": 1e9, "milliarden": 1e9, "十亿": 1e9,
	"trillion": 1e12, "trillions": 1e12, "tn": 1e12, "trn": 1e12, "billionen": 1e12,
	"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "千亿": 1e11, "千億": 1e11, "万亿": 1e12, "萬億": 1e12,
	"one": 1, "units": 1, "unit": 1,
}

// sortedScaleWords is scaleWords' keys, longest first.
var sortedScaleWords = func() []string {
	var ws []string
	for w := range scaleWords {
		ws = append(ws, w)
	}
	sort.Slice(ws, func(i, j int) bool {
		if len(ws[i]) != len(ws[j]) {
			return len(ws[i]) > len(ws[j])
		}
		return ws[i] < ws[j]
	})
	return ws
}()

// cutScale removes a leading scale word from s.
func cutScale(s string) (float64, string, string) {
	lower := strings.ToLower(s)
	for _, w := range sortedScaleWords {
		if !strings.HasPrefix(lower, w) {
			continue
		}
		rest := s[len(w):]
		if r, _ := utf8.DecodeRuneInString(rest); rest != "" && isASCIIWord(w) && (unicode.IsLetter(r) && r < utf8.RuneSelf) {
			continue // "m" must not eat "million", "b" must not eat "bytes"
		}
		return scaleWords[w], w, strings.TrimSpace(rest)
	}
	return 0, "", s
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// ParseUnit reads a unit column: a scale word such as billion, bn, 亿, or
// empty (no scale). It returns the multiplier, 0 for empty.
func ParseUnit(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, nil
	}
	if v, ok := scaleWords[strings.ToLower(t)]; ok {
		return v, nil
	}
	return 0, errorf(ErrUnknownUnit, "unknown unit; use thousand, million, billion, trillion (k, m, bn, tn), 万, 亿 or 万亿, or leave empty")
}

// ScaleName returns the usual English word for a scale multiplier.
func ScaleName(scale float64) string {
	switch scale {
	case 1e3:
		return "thousand"
	case 1e4:
		return "万"
	case 1e6:
		return "million"
	case 1e8:
		return "亿"
	case 1e9:
		return "billion"
	case 1e12:
		return "trillion"
	case 0, 1:
		return ""
	}
	return fmt.Sprintf("x%g", scale)
}
