package extract

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"pledgewatch/analysis"
)

// Figure is one figure found in an article.
type Figure struct {
	File string
	// Text is the figure as written: a substring of the article, from its
	// qualifier to its unit. Start and End are its byte offsets in the
	// article's text.
	Text       string
	Start, End int
	Kind       Kind
	// Value is in whole units: 3.8e11 for "3800亿元", 41 for "41%".
	Value     float64
	Currency  string  // ISO code; "" when the text names none
	Scale     float64 // the multiplier the text named; 0 when none
	Qualifier analysis.Qualifier
	// Per names what an amount is per ("start-up"), as written; empty for
	// a total.
	Per string
	// Converts is the index, among the figures returned with it, of the
	// amount this one converts (the US$53 billion in brackets after 380
	// billion yuan); -1 when it converts none.
	Converts int
	Sentence string
	Date     time.Time // the article's date; zero when unknown
	article  string    // the article's whole text, for Match

	// Set by Match.
	Table  string // Pledges or Metrics
	Status Status
	Row    string // the row of the inputs it is, or differs from
}

// Figures returns the figures of an article in the order they appear.
// Dates, years used as dates, stock codes, phone numbers, list numbers and
// ids are not figures and are left out.
func Figures(a Article) []Figure {
	sc := &scanner{s: a.Text, german: isGerman(a.Text)}
	sc.sentences()
	s := a.Text
	var figs []Figure
	for i := 0; i < len(s); {
		found, next := sc.at(i)
		for _, f := range found {
			f.File, f.Date, f.Converts, f.article = a.File, a.Date, -1, a.Text
			f.Sentence = sc.sentence(f.Start)
			figs = append(figs, f)
		}
		if next <= i {
			_, size := utf8.DecodeRuneInString(s[i:])
			next = i + size
		}
		i = next
	}
	linkConversions(s, figs)
	return figs
}

// linkConversions marks an amount in brackets right after another amount
// as converting it: "380 billion yuan (US$53 billion)".
func linkConversions(s string, figs []Figure) {
	for k := 1; k < len(figs); k++ {
		a, b := figs[k-1], &figs[k]
		if (a.Kind != Money && a.Kind != Price) || (b.Kind != Money && b.Kind != Price) || b.End <= a.End || a.Currency == b.Currency {
			continue
		}
		between := strings.TrimSpace(s[a.End:b.Start])
		if !strings.HasPrefix(between, "(") && !strings.HasPrefix(between, "（") || len(between) > 24 {
			continue
		}
		if strings.IndexFunc(between, func(r rune) bool { return unicode.IsDigit(r) }) >= 0 {
			continue
		}
		b.Converts = k - 1
		// A conversion of a bounded amount is bounded alike: "at least 380
		// billion yuan (US$53 billion)".
		if b.Qualifier == analysis.Exact {
			b.Qualifier = a.Qualifier
		}
	}
}

// isGerman guesses from its common words whether an article is in German,
// to read "2,5" as two and a half and "3.000" as three thousand.
func isGerman(s string) bool {
	s = strings.ToLower(s[:min(len(s), 8000)])
	n := 0
	for _, w := range []string{" der ", " die ", " und ", " das ", " nicht ", " ist ", " im ", " mit ", " sich ", " auf "} {
		n += strings.Count(s, w)
	}
	e := 0
	for _, w := range []string{" the ", " and ", " of ", " is "} {
		e += strings.Count(s, w)
	}
	return n > 3 && n > e
}

type scanner struct {
	s      string
	german bool
	sents  []int // start offsets of sentences
}

// sentences finds where each sentence begins.
func (sc *scanner) sentences() {
	s := sc.s
	sc.sents = []int{0}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		end := i + size
		switch r {
		case '\n', '。', '！', '？', '；', '!', '?':
			sc.sents = append(sc.sents, end)
		case '.':
			if end < len(s) && (s[end] == ' ' || s[end] == '\n') && !abbreviation(s, i) {
				sc.sents = append(sc.sents, end)
			}
		}
		i = end
	}
}

// abbreviation reports whether the dot at i ends an abbreviation such as
// "U.S." or "No." rather than a sentence.
func abbreviation(s string, i int) bool {
	j := i
	for j > 0 && isASCIILetter(s[j-1]) {
		j--
	}
	w := s[j:i]
	if len(w) == 1 {
		return true
	}
	switch strings.ToLower(w) {
	case "no", "nr", "mr", "mrs", "ms", "dr", "inc", "co", "ltd", "vs", "ca", "mio", "mrd", "approx", "st", "jan", "feb", "aug", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}

// sentence returns the sentence holding offset i, trimmed.
func (sc *scanner) sentence(i int) string {
	k := sort.Search(len(sc.sents), func(k int) bool { return sc.sents[k] > i }) - 1
	end := len(sc.s)
	if k+1 < len(sc.sents) {
		end = sc.sents[k+1]
	}
	return strings.TrimSpace(strings.TrimLeft(sc.s[sc.sents[k]:end], " \t-*•–"))
}

// digitAt returns the value of the ASCII or full-width digit at s[i] and
// its size, or -1.
func digitAt(s string, i int) (int, int) {
	if i >= len(s) {
		return -1, 0
	}
	if c := s[i]; c >= '0' && c <= '9' {
		return int(c - '0'), 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if r >= '０' && r <= '９' {
		return int(r - '０'), size
	}
	return -1, 0
}

// readDigits reads a number written in digits at i: digits with "," or
// "." between them (full-width too). It returns the number in ASCII with
// its separators and where it ends.
func readDigits(s string, i int) (string, int) {
	var b strings.Builder
	j := i
	for j < len(s) {
		if d, size := digitAt(s, j); d >= 0 {
			b.WriteByte(byte('0' + d))
			j += size
			continue
		}
		sep, size := byte(0), 0
		switch {
		case s[j] == '.' || s[j] == ',':
			sep, size = s[j], 1
		case strings.HasPrefix(s[j:], "．"):
			sep, size = '.', len("．")
		}
		if sep == 0 {
			break
		}
		if d, _ := digitAt(s, j+size); d < 0 {
			break
		}
		b.WriteByte(sep)
		j += size
	}
	return b.String(), j
}

// plainNumber turns a number as written into the form ParseAmount reads:
// "2,5" (a decimal comma) is 2.5; in German, "3.000" is 3000.
func (sc *scanner) plainNumber(n string) string {
	if sc.german {
		if i := strings.LastIndexByte(n, ','); i >= 0 || strings.Count(n, ".") > 1 || dotThousands.MatchString(n) {
			n = strings.ReplaceAll(n, ".", "")
			if i >= 0 {
				n = strings.Replace(n, ",", ".", 1)
			}
			return n
		}
		return n
	}
	if decimalComma.MatchString(n) {
		return strings.Replace(n, ",", ".", 1)
	}
	return n
}

var (
	dotThousands = regexp.MustCompile(`^\d{1,3}(\.\d{3})+$`)
	decimalComma = regexp.MustCompile(`^\d+,\d{1,2}$`)
	// Numbers that are dates or times: 2025-02-24, 24.02.2025, 2025/2/24,
	// 08:20.
	dateStart = regexp.MustCompile(`^((19|20)\d{2}[-/]\d{1,2}([-/]\d{1,2})?\b|(19|20)\d{2}\.\d{1,2}\.\d{1,2}\b|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\d{1,2}:\d{2})`)
	// A month and day alone, as in a byline: 09-25.
	monthDay = regexp.MustCompile(`^\d{1,2}[-/]\d{1,2}\b`)
	// A phone number: groups of digits after an optional country code.
	phone = regexp.MustCompile(`^\d{2,4}[ -]\d{3,4}([ -]\d{3,4})?\b`)
)

// skipRun returns the end of a run of digits and the separators between
// them (a date, a phone number, a code) starting at i.
func skipRun(s string, i int) int {
	j := i
	for j < len(s) {
		if d, size := digitAt(s, j); d >= 0 {
			j += size
			continue
		}
		if strings.IndexByte("-/.:, ", s[j]) >= 0 {
			if d, _ := digitAt(s, j+1); d >= 0 {
				j++
				continue
			}
		}
		break
	}
	// A code's letters: 09988.HK, 6000D.
	for j < len(s) && (isASCIILetter(s[j]) || s[j] == '.' && j+1 < len(s) && isASCIILetter(s[j+1])) {
		j++
	}
	return j
}

// prevRune returns the rune before i, or 0.
func prevRune(s string, i int) rune {
	if i == 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// skipSpaces returns the offset after spaces (not line ends) from i.
func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if strings.HasPrefix(s[i:], "\u00a0") {
		return skipSpaces(s, i+2)
	}
	return i
}

// backSpaces returns the offset before spaces that end at i.
func backSpaces(s string, i int) int {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	return i
}

// wordAt returns the word (letters, and hyphens between them) at i.
func wordAt(s string, i int) string {
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) && !isCJK(r) || r == '-' && j > i && j+1 < len(s) && isASCIILetter(s[j+1]) || r == '\'' && j > i {
			j += size
			continue
		}
		break
	}
	if j == i {
		if r, size := utf8.DecodeRuneInString(s[i:]); isCJK(r) {
			return s[i : i+size]
		}
	}
	return s[i:j]
}

// wordBefore returns the word that ends at i (after spaces).
func wordBefore(s string, i int) string {
	i = backSpaces(s, i)
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if unicode.IsLetter(r) && !isCJK(r) || r == '.' && j == i {
			j -= size
			continue
		}
		break
	}
	return s[j:i]
}

func isCJK(r rune) bool { return unicode.Is(unicode.Han, r) }

func isMonth(w string) bool {
	_, ok := monthName[strings.ToLower(strings.TrimSuffix(w, "."))]
	return ok
}

// number is a number read at a position, before its units.
type number struct {
	start, end int
	text       string // ASCII, as ParseAmount reads it
	value      float64
	digits     bool // written in digits
}

// at reads the figures that begin at i and returns them with the offset
// to go on from.
func (sc *scanner) at(i int) ([]Figure, int) {
	s := sc.s
	c := s[i]
	switch {
	case strings.HasPrefix(s[i:], "百分之"):
		return sc.chinesePercent(i)
	case strings.HasPrefix(s[i:], "第"):
		return sc.chineseOrdinal(i)
	}
	if d, _ := digitAt(s, i); d >= 0 {
		return sc.digits(i)
	}
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(s[i:])
		if _, ok := chineseDigits[r]; ok || chineseUnits[r] > 0 {
			return sc.chineseCount(i)
		}
		if strings.HasPrefix(s[i:], "一半") {
			return []Figure{{Text: "一半", Start: i, End: i + len("一半"), Kind: Percent, Value: 50}}, i + len("一半")
		}
	}
	if isASCIILetter(c) || c >= utf8.RuneSelf {
		if p := prevRune(s, i); unicode.IsLetter(p) && !isCJK(p) {
			return nil, i
		}
		return sc.words(i)
	}
	return nil, i
}

// digits reads a figure written in digits at i.
func (sc *scanner) digits(i int) ([]Figure, int) {
	s := sc.s
	raw, end := readDigits(s, i)
	skip := func() ([]Figure, int) { return nil, skipRun(s, i) }
	p := prevRune(s, i)
	// Inside a word or code: Qwen3, H20, FY2025, COVID-19.
	if p >= '0' && p <= '9' || p == '.' || p == '_' {
		return skip()
	}
	if isASCIILetter(byte(p)) && p < utf8.RuneSelf && currencyList.suffixAt(s, i) == "" {
		return skip()
	}
	if p == '-' && i >= 2 && isASCIILetter(s[i-2]) {
		return skip()
	}
	if dateStart.MatchString(s[i:]) {
		return skip()
	}
	// Stock codes and ids: 09988.HK, (9988), No. 9, +852 2345 6789.
	if end < len(s)-1 && s[end] == '.' && s[end+1] >= 'A' && s[end+1] <= 'Z' {
		return skip()
	}
	if len(raw) > 1 && raw[0] == '0' && raw[1] != '.' && raw[1] != ',' {
		return skip()
	}
	before := backSpaces(s, i)
	if strings.HasSuffix(s[:before], ":") || strings.HasSuffix(s[:before], "：") {
		_, size := utf8.DecodeLastRuneInString(s[:before])
		before = backSpaces(s, before-size)
	}
	if idWords.suffixAt(s, before) != "" || prevRune(s, before) == '+' || prevRune(s, before) == '#' {
		return skip()
	}
	if phone.MatchString(s[i:]) && !strings.ContainsAny(raw, ".,") {
		return skip()
	}
	// List numbers at the start of a line: "1. What is ...".
	if ls := backSpaces(s, i); (ls == 0 || s[ls-1] == '\n') && end < len(s)-1 && (s[end] == '.' || s[end] == ')') && s[end+1] == ' ' {
		return nil, end + 1
	}
	// A long run of digits alone is an id or a code, not a count.
	if len(raw) >= 6 && strings.Trim(raw, "0123456789") == "" && !sc.hasUnit(end) && currencyList.suffixAt(s, before) == "" {
		return skip()
	}
	n := number{start: i, end: end, text: sc.plainNumber(raw), digits: true}
	v, err := strconv.ParseFloat(strings.ReplaceAll(n.text, ",", ""), 64)
	if err != nil {
		return skip()
	}
	n.value = v
	// Ordinals: 8th, 24th.
	if w := wordAt(s, end); w == "st" || w == "nd" || w == "rd" || w == "th" {
		return sc.rank(i, end+2, v)
	}
	// Ranks: Platz 4, ranked 3.
	if w := strings.ToLower(wordBefore(s, i)); (w == "platz" || w == "rang" || w == "ranked" || w == "ranks") && !strings.ContainsAny(n.text, ".,") {
		return []Figure{{Text: s[i:end], Start: i, End: end, Kind: Rank, Value: v}}, end
	}
	// A unit glued to the number must be one we read: 5bn, 41%; not 7nm, 6000D.
	if end < len(s) && isASCIILetter(s[end]) {
		if w := wordAt(s, end); scaleValue[strings.ToLower(w)] == 0 && !strings.EqualFold(w, "m") && !strings.EqualFold(w, "b") && !strings.EqualFold(w, "k") {
			return skip()
		}
	}
	// Percentage points are a difference of percentages, not a level.
	if rest := strings.ToLower(s[skipSpaces(s, end):]); strings.HasPrefix(rest, "个百分点") || strings.HasPrefix(rest, "個百分點") ||
		strings.HasPrefix(rest, "percentage point") || strings.HasPrefix(rest, "prozentpunkt") {
		return nil, end
	}
	// Adjectives of time: three-year, 4-year.
	if end < len(s)-1 && s[end] == '-' && isASCIILetter(s[end+1]) {
		return nil, end
	}
	// Dates around the number: Dec 20, 24. Februar, 2月24日.
	if isMonth(wordBefore(s, i)) {
		return skip()
	}
	after := skipSpaces(s, end)
	if after < len(s) && s[after] == '.' {
		if isMonth(wordAt(s, skipSpaces(s, after+1))) {
			return skip()
		}
	}
	if isMonth(wordAt(s, after)) {
		return skip()
	}
	if r, _ := utf8.DecodeRuneInString(s[after:]); strings.ContainsRune("年月日号號时時点點分", r) {
		if r == '年' && sc.isTarget(i) && isYear(n) {
			return []Figure{{Text: s[i : after+len("年")], Start: i, End: after + len("年"), Kind: Year, Value: v}}, after + len("年")
		}
		return nil, after
	}
	if monthDay.MatchString(s[i:]) && !sc.hasUnit(skipRun(s, i)) {
		return skip()
	}
	return sc.figure(n)
}

// isYear reports whether a number could be a year: a whole number from
// 1900 to 2100.
func isYear(n number) bool {
	return n.digits && n.value >= 1900 && n.value <= 2100 && !strings.ContainsAny(n.text, ".,")
}

// isTarget reports whether the words before i make a year a target: "by
// 2035", "bis 2035", "到2030年".
func (sc *scanner) isTarget(i int) bool {
	j := backSpaces(sc.s, i)
	w := targetWords.suffixAt(sc.s, j)
	if w == "至" && strings.HasSuffix(sc.s[:j-len(w)], "截") {
		return false // 截至: as of, a date
	}
	return w != ""
}

// hasUnit reports whether a percent sign, scale or currency follows j.
func (sc *scanner) hasUnit(j int) bool {
	k := skipSpaces(sc.s, j)
	return percentWords.prefixAt(sc.s, k) != "" || scaleList.prefixAt(sc.s, k) != "" || currencyList.prefixAt(sc.s, k) != ""
}

// unit is what follows a number: a percent sign, a scale, a currency, a
// recipient.
type unit struct {
	end      int
	percent  bool
	scale    string
	currency string
	atLeast  string // 以上 or 多 after a Chinese amount
	per      string
	price    bool
	noun     string // the word after a plain number
}

// unitAt reads the units after a number ending at j.
func (sc *scanner) unitAt(j int, hasCurrency bool) unit {
	s := sc.s
	u := unit{end: j}
	k := skipSpaces(s, j)
	if w := percentWords.prefixAt(s, k); w != "" {
		u.percent, u.end = true, k+len(w)
		return u
	}
	if w := scaleList.prefixAt(s, k); w != "" && (isASCIILetter(w[0]) || k == j) {
		u.scale, u.end = w, k+len(w)
		k = skipSpaces(s, u.end)
	} else if hasCurrency && k == j && k < len(s) && strings.IndexByte("mbkMBK", s[k]) >= 0 && (k+1 == len(s) || !isASCIILetter(s[k+1])) {
		// HK$10m, $5b, $300k: a one-letter scale glued to an amount
		// with a currency.
		u.scale, u.end = s[k:k+1], k+1
		k = u.end
	}
	if w := currencyList.prefixAt(s, k); w != "" && (k == u.end || isASCIILetter(w[0]) || w == "$") {
		u.currency, u.end = w, k+len(w)
	}
	if u.scale != "" || u.currency != "" {
		for _, w := range []string{"以上", "多"} {
			if strings.HasPrefix(s[u.end:], w) {
				u.atLeast, u.end = w, u.end+len(w)
				break
			}
		}
	}
	// Per unit: /股, per share, a share, je Aktie, per start-up.
	k = skipSpaces(s, u.end)
	if u.currency != "" || u.scale != "" || hasCurrency {
		switch {
		case strings.HasPrefix(s[k:], "/"), strings.HasPrefix(s[k:], "／"):
			_, size := utf8.DecodeRuneInString(s[k:])
			w := wordAt(s, k+size)
			if w != "" {
				u.per, u.end = w, k+size+len(w)
			}
		default:
			if pw := perWords.prefixAt(s, k); pw != "" {
				m := skipSpaces(s, k+len(pw))
				w := wordAt(s, m)
				if w != "" && (pw != "a" || shareWords[strings.ToLower(w)]) {
					u.per, u.end = w, m+len(w)
				}
			}
		}
		if shareWords[strings.ToLower(u.per)] {
			u.price = true
		}
		return u
	}
	u.noun = wordAt(s, k)
	return u
}

// figure reads the units and qualifier around the number n and returns
// its figure.
func (sc *scanner) figure(n number) ([]Figure, int) {
	s := sc.s
	// A range: 2-3, 20–30, 2 to 3, 2至3, 2 bis 3.
	var high *number
	k := n.end
	for _, sep := range []string{"-", "–", "~", "～", "至", "到", " to ", " bis "} {
		if strings.HasPrefix(s[k:], sep) {
			if d, _ := digitAt(s, k+len(sep)); d >= 0 {
				raw, e := readDigits(s, k+len(sep))
				h := number{start: k + len(sep), end: e, text: sc.plainNumber(raw), digits: true}
				if v, err := strconv.ParseFloat(strings.ReplaceAll(h.text, ",", ""), 64); err == nil && v > n.value {
					h.value = v
					high = &h
				}
			}
			break
		}
	}
	last := n
	if high != nil {
		last = *high
	}
	start := n.start
	prefix := ""
	if b := backSpaces(s, n.start); b == n.start || b == n.start-1 {
		// A symbol or a code in capitals: US$, HK$, €, USD; not "dollars".
		if w := currencyList.suffixAt(s, b); w != "" && (!isASCIILetter(w[0]) || strings.ToUpper(s[b-len(w):b]) == s[b-len(w):b]) {
			prefix = w
			start = b - len(w)
		}
	}
	u := sc.unitAt(last.end, prefix != "")
	if high != nil && prefix == "" && !u.percent && u.scale == "" && u.currency == "" {
		high, last = nil, n
		u = sc.unitAt(n.end, false)
	}
	perShare := strings.HasSuffix(s[:start], "每股")
	qual := ""
	if w := qualifierList.suffixAt(s, backSpaces(s, start)); w != "" {
		qual = w
		start = backSpaces(s, start) - len(w)
	}
	f := Figure{Start: start, End: u.end}
	f.Text = s[f.Start:f.End]
	switch {
	case u.percent:
		f.Kind = Percent
	case prefix != "" || u.currency != "":
		f.Kind = Money
		if u.price || perShare || u.scale == "" && u.per == "" && sc.aboutShares(n.start) {
			f.Kind = Price
		}
	case u.scale != "":
		f.Kind = Money
		if countNouns[strings.ToLower(wordAt(s, skipSpaces(s, u.end)))] {
			f.Kind = Count
		}
	case isYear(n) && high == nil && !sc.countNoun(u, n.end, true):
		if sc.isTarget(n.start) && qual == "" {
			return []Figure{{Text: s[n.start:n.end], Start: n.start, End: n.end, Kind: Year, Value: n.value}}, n.end
		}
		return nil, n.end
	default:
		if !sc.countNoun(u, n.end, false) || strings.ContainsAny(n.text, ".") {
			return nil, n.end
		}
		f.Kind = Count
		f.End = n.end
		f.Text = s[f.Start:f.End]
	}
	if f.Kind == Count {
		f.Value = n.value
		if u.scale != "" {
			f.Value *= scaleValue[strings.ToLower(u.scale)]
			f.Scale = scaleValue[strings.ToLower(u.scale)]
		}
		f.Qualifier = qualifierOf[strings.ToLower(qual)]
		return []Figure{f}, f.End
	}
	amount := func(num string) (analysis.Amount, bool) {
		var b strings.Builder
		if qual != "" {
			b.WriteString(qual + " ")
		}
		b.WriteString(prefix + num)
		if u.percent {
			b.WriteString("%")
		}
		if u.scale != "" {
			b.WriteString(" " + u.scale)
		}
		if u.currency != "" {
			b.WriteString(" " + u.currency)
		}
		b.WriteString(u.atLeast)
		a, err := analysis.ParseAmount(b.String())
		return a, err == nil
	}
	a, ok := amount(n.text)
	if !ok {
		return nil, f.End
	}
	f.Value, f.Currency, f.Scale, f.Qualifier, f.Per = a.Value, a.Currency, a.Scale, a.Qualifier, u.per
	if u.price {
		f.Per = ""
	}
	if high == nil {
		return []Figure{f}, f.End
	}
	h, ok := amount(high.text)
	if !ok || f.Qualifier != analysis.Exact {
		return nil, f.End
	}
	lo, hi := f, f
	lo.Qualifier, hi.Qualifier, hi.Value = analysis.AtLeast, analysis.AtMost, h.Value
	return []Figure{lo, hi}, f.End
}

// countNoun reports whether the word after a plain number makes it a count
// of things: "eight companies", "200 KI-Unternehmen", "3家".
func (sc *scanner) countNoun(u unit, end int, strict bool) bool {
	s := sc.s
	k := skipSpaces(s, end)
	if k < len(s) && s[k] == '\n' {
		return false
	}
	for _, m := range measureWords {
		if strings.HasPrefix(s[end:], m) && !strings.HasPrefix(s[end:], "人民") {
			return true
		}
	}
	w := u.noun
	if w == "" || isCJK([]rune(w)[0]) || k == end {
		return false
	}
	lw := strings.ToLower(w)
	// After a number that could be a year, only a plural in lower case
	// makes a count: "2000 companies", not "2024 World AI Conference".
	if strict && (w != lw || !strings.HasSuffix(lw, "s")) {
		return false
	}
	return !durationWords[lw] && !isMonth(w) && !strings.HasSuffix(lw, "-year") && !strings.HasSuffix(lw, "-jährig")
}

// aboutShares reports whether the sentence at i speaks of shares, so that
// an amount in it without a scale is a share price: "shares rose 6.8 per
// cent to 52.30 yuan".
func (sc *scanner) aboutShares(i int) bool {
	k := sort.Search(len(sc.sents), func(k int) bool { return sc.sents[k] > i }) - 1
	end := len(sc.s)
	if k+1 < len(sc.sents) {
		end = sc.sents[k+1]
	}
	sent := strings.ToLower(sc.s[sc.sents[k]:end])
	for _, w := range shareWordsInSentence {
		if strings.Contains(sent, w) {
			return true
		}
	}
	return false
}

// rank returns a rank figure from i to end.
func (sc *scanner) rank(i, end int, v float64) ([]Figure, int) {
	s := sc.s
	if rankVerbs.suffixAt(s, backSpaces(s, i)) == "" && !strings.EqualFold(wordAt(s, skipSpaces(s, end)), "place") {
		return nil, end
	}
	return []Figure{{Text: s[i:end], Start: i, End: end, Kind: Rank, Value: v}}, end
}

// words reads a figure written in words at i: "two billion dollars",
// "eight companies", "ranks eighth", "half of", "die Hälfte".
func (sc *scanner) words(i int) ([]Figure, int) {
	s := sc.s
	w := wordAt(s, i)
	if w == "" {
		return nil, i
	}
	lw := strings.ToLower(w)
	if lw == "half" && strings.HasPrefix(strings.ToLower(s[i+len(w):]), " of") || lw == "hälfte" {
		return []Figure{{Text: w, Start: i, End: i + len(w), Kind: Percent, Value: 50}}, i + len(w)
	}
	if v, ok := ordinalWords[lw]; ok {
		return sc.rank(i, i+len(w), v)
	}
	// third-largest, second-biggest.
	if o, rest, ok := strings.Cut(lw, "-"); ok && ordinalWords[o] > 0 && superlatives[rest] {
		return []Figure{{Text: w[:len(o)], Start: i, End: i + len(o), Kind: Rank, Value: ordinalWords[o]}}, i + len(w)
	}
	nw := numberWordList.prefixAt(s, i)
	if nw == "" {
		return nil, i + len(w)
	}
	end := i + len(nw)
	if end < len(s) && s[end] == '-' {
		return nil, end // three-year
	}
	n := number{start: i, end: end, text: strconv.FormatFloat(numberWords[nw], 'f', -1, 64), value: numberWords[nw]}
	return sc.figure(n)
}

// chineseNumber reads a Chinese numeral at i (三, 十二, 三千, 两百), and
// digits too; it returns the value and where it ends.
func chineseNumber(s string, i int) (float64, int) {
	if d, _ := digitAt(s, i); d >= 0 {
		raw, end := readDigits(s, i)
		v, err := strconv.ParseFloat(strings.ReplaceAll(raw, ",", ""), 64)
		if err != nil {
			return 0, i
		}
		return v, end
	}
	total, cur, j := 0, -1, i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if d, ok := chineseDigits[r]; ok {
			cur = d
		} else if u := chineseUnits[r]; u > 0 {
			if cur < 0 {
				cur = 1
			}
			// 千 right before 亿 is the scale 千亿, not a digit's place.
			if r == '千' && (strings.HasPrefix(s[j+size:], "亿") || strings.HasPrefix(s[j+size:], "億")) {
				break
			}
			total += cur * u
			cur = -1
		} else {
			break
		}
		j += size
	}
	if j == i {
		return 0, i
	}
	if cur > 0 {
		total += cur
	}
	return float64(total), j
}

// chinesePercent reads 百分之三十 or 百分之30.
func (sc *scanner) chinesePercent(i int) ([]Figure, int) {
	start := i + len("百分之")
	v, end := chineseNumber(sc.s, start)
	if end == start {
		return nil, start
	}
	f := Figure{Start: i, End: end, Kind: Percent, Value: v}
	if w := qualifierList.suffixAt(sc.s, i); w != "" {
		f.Start, f.Qualifier = i-len(w), qualifierOf[w]
	}
	f.Text = sc.s[f.Start:f.End]
	return []Figure{f}, end
}

// chineseOrdinal reads 第一 or 第8 as a rank, unless it is a quarter, a
// time or a number (第三季度, 第9号).
func (sc *scanner) chineseOrdinal(i int) ([]Figure, int) {
	start := i + len("第")
	v, end := chineseNumber(sc.s, start)
	if end == start {
		return nil, start
	}
	for _, b := range ordinalBlocked {
		if strings.HasPrefix(sc.s[end:], b) {
			return nil, end
		}
	}
	return []Figure{{Text: sc.s[i:end], Start: i, End: end, Kind: Rank, Value: v}}, end
}

// chineseCount reads a count or an amount in Chinese numerals: 三家, 九项,
// 两千亿元.
func (sc *scanner) chineseCount(i int) ([]Figure, int) {
	s := sc.s
	v, end := chineseNumber(s, i)
	if end == i || v == 0 {
		return nil, i + 1
	}
	if sc.hasUnit(end) && scaleList.prefixAt(s, end) != "" {
		n := number{start: i, end: end, text: strconv.FormatFloat(v, 'f', -1, 64), value: v}
		figs, next := sc.figure(n)
		if len(figs) > 0 && figs[0].Kind == Money {
			return figs, next
		}
		return nil, end
	}
	for _, m := range measureWords {
		if strings.HasPrefix(s[end:], m) && m != "个" && m != "個" {
			f := Figure{Start: i, End: end, Kind: Count, Value: v}
			if w := qualifierList.suffixAt(s, i); w != "" {
				f.Start, f.Qualifier = i-len(w), qualifierOf[w]
			}
			f.Text = s[f.Start:f.End]
			return []Figure{f}, end
		}
	}
	return nil, end
}
