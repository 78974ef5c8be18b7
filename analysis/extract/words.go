package extract

import (
	"sort"
	"strings"

	"pledgewatch/analysis"
)

// Kind is what a figure measures.
type Kind string

// Kinds of figure.
const (
	Money   Kind = "money"
	Percent Kind = "percent"
	Count   Kind = "count"
	Rank    Kind = "rank"
	Price   Kind = "price"
	Year    Kind = "year"
)

// Kinds lists every kind, in the order the candidates name them.
var Kinds = []Kind{Money, Percent, Count, Rank, Price, Year}

// wordList is a set of words looked up at a position in a text, longest
// first, in lower case.
type wordList []string

func newWordList(words []string) wordList {
	seen := map[string]bool{}
	var l wordList
	for _, w := range words {
		w = strings.ToLower(w)
		if w != "" && !seen[w] {
			seen[w] = true
			l = append(l, w)
		}
	}
	sort.Slice(l, func(i, j int) bool {
		if len(l[i]) != len(l[j]) {
			return len(l[i]) > len(l[j])
		}
		return l[i] < l[j]
	})
	return l
}

// prefixAt returns the longest word of l that s[i:] begins with (case
// folded for ASCII letters), ending at a word boundary when the word ends
// in an ASCII letter.
func (l wordList) prefixAt(s string, i int) string {
	for _, w := range l {
		if len(s)-i < len(w) || !strings.EqualFold(s[i:i+len(w)], w) {
			continue
		}
		if isASCIILetter(w[len(w)-1]) && i+len(w) < len(s) && isASCIILetter(s[i+len(w)]) {
			continue
		}
		return w
	}
	return ""
}

// suffixAt returns the longest word of l that s[:i] ends with, starting at
// a word boundary when the word begins with an ASCII letter.
func (l wordList) suffixAt(s string, i int) string {
	for _, w := range l {
		if i < len(w) || !equalFoldUnicode(s[i-len(w):i], w) {
			continue
		}
		if isASCIILetter(w[0]) && i-len(w) > 0 && isASCIILetter(s[i-len(w)-1]) {
			continue
		}
		return w
	}
	return ""
}

func equalFoldUnicode(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	return strings.ToLower(a) == b
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// The words of package analysis, as lists to look up in running text.
var (
	currencyList  wordList
	scaleList     wordList
	scaleValue    map[string]float64
	qualifierList wordList
	qualifierOf   map[string]analysis.Qualifier
)

// notScales are scale words of analysis that read as something else in
// running text ("one company").
var notScales = map[string]bool{"one": true, "unit": true, "units": true, "m": true, "b": true, "k": true, "千": true}

// notQualifiers are qualifier words that, in running text, are mostly not
// bounds ("some", signs and "min").
var notQualifiers = map[string]bool{"some": true, "min": true, "max": true, "exact": true, "exactly": true, "minimum": true, "maximum": true, "~": true}

// isoCodes are the ISO codes read before or after a number in text.
var isoCodes = []string{"USD", "HKD", "CNY", "RMB", "EUR", "GBP", "JPY", "SGD", "TWD", "MOP", "AUD", "CAD", "CHF"}

func init() {
	words := analysis.CurrencyWords()
	for _, c := range isoCodes {
		words = append(words, strings.ToLower(c))
	}
	currencyList = newWordList(words)
	all, values := analysis.ScaleWords()
	var scales []string
	for _, w := range all {
		if !notScales[w] {
			scales = append(scales, w)
		}
	}
	scaleList, scaleValue = newWordList(scales), values
	qualifierOf = analysis.QualifierWords()
	var quals []string
	for w := range qualifierOf {
		if !notQualifiers[w] {
			quals = append(quals, w)
		}
	}
	qualifierList = newWordList(quals)
}

// percentWords follow a number that is a percentage.
var percentWords = newWordList([]string{"%", "％", "per cent", "percent", "prozent", "pct"})

// Number words, English and German; "one" and "ein" are left out, as they
// are mostly articles and pronouns.
var numberWords = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
	"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
	"elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100,
}

var numberWordList = func() wordList {
	var ws []string
	for w := range numberWords {
		ws = append(ws, w)
	}
	return newWordList(ws)
}()

// Ordinal words, for ranks.
var ordinalWords = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
}

// chineseDigits are the values of Chinese numerals.
var chineseDigits = map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// chineseUnits are the place values of Chinese numerals below 万.
var chineseUnits = map[rune]int{'十': 10, '百': 100, '千': 1000}

// Words that say a following number is no figure of its own: a licence or
// list number, an article id, a phone number.
var idWords = newWordList([]string{"no.", "no", "nr.", "nr", "#", "id", "id:", "article", "artikel", "tel", "tel.", "tel:", "phone", "phone:", "telefon", "telefon:", "fax", "fax:", "电话", "電話", "编号", "編號", "代码", "代碼", "stock code", "wkn", "isin", "股票代码", "股份代號", "hkex:", "sehk:", "nyse:", "nasdaq:"})

// Units after a number that are not figures of this tool: durations,
// times and measures.
var durationWords = map[string]bool{
	"year": true, "years": true, "month": true, "months": true, "week": true, "weeks": true, "day": true, "days": true,
	"hour": true, "hours": true, "minute": true, "minutes": true, "quarter": true, "quarters": true, "decade": true, "decades": true,
	"jahr": true, "jahre": true, "jahren": true, "jahres": true, "monat": true, "monate": true, "monaten": true, "woche": true, "wochen": true,
	"tag": true, "tage": true, "tagen": true, "stunden": true, "quartal": true, "quartale": true,
	"and": true, "or": true, "to": true, "of": true, "und": true, "oder": true, "bis": true, "per": true, "a": true, "an": true, "the": true,
	"in": true, "on": true, "at": true, "for": true, "by": true, "from": true, "times": true, "mal": true, "is": true, "are": true, "was": true, "were": true,
	"im": true, "am": true, "der": true, "die": true, "das": true, "den": true,
}

// countNouns after a scaled number make it a count of people or things
// rather than money.
var countNouns = map[string]bool{"people": true, "users": true, "menschen": true, "nutzer": true, "人": true, "用户": true, "用戶": true}

// Chinese measure words that make a count.
var measureWords = []string{"人", "家", "项", "項", "名", "位", "款", "间", "間", "所", "座", "条", "條", "个", "個"}

// ordinalBlocked follow 第N when it is a period or a number, not a rank.
var ordinalBlocked = []string{"季", "次", "届", "屆", "期", "批", "天", "年", "号", "號", "轮", "輪", "章", "部", "条", "條", "个", "個", "月", "日", "周", "週", "大"}

// pledgeWords in a sentence make a new amount of money a pledge.
var pledgeWords = []string{"invest", "fund", "spend", "plan", "scheme", "pledge", "commit", "budget", "allocate", "capex",
	"投资", "投資", "投入", "基金", "计划", "計劃", "承诺", "承諾", "拨款", "撥款", "资助", "資助",
	"investition", "investier", "fonds", "programm", "förder", "ausgeben"}

// metricWords in a sentence make an amount of money a metric: a level
// measured, not money promised.
var metricWords = []string{"revenue", "profit", "ebita", "sales", "valued", "valuation", "worth", "income", "earnings", "market cap",
	"营收", "營收", "收入", "利润", "利潤", "估值", "市值", "umsatz", "gewinn", "bewertung", "wert"}

// rankVerbs before an ordinal make it a rank.
var rankVerbs = newWordList([]string{"ranks", "ranked", "rank", "ranking", "placed", "rangiert", "platz", "rang", "排名", "位列", "位居", "排"})

// targetWords before a year make it a target year.
var targetWords = newWordList([]string{"by", "bis", "until", "till", "到", "至", "by the end of", "before"})

// perWords before a recipient make an amount per unit.
var perWords = newWordList([]string{"per", "each", "je", "pro", "a"})

// shareWords after "per" make an amount a share price.
var shareWords = map[string]bool{"share": true, "aktie": true, "股": true}

// shareWordsInSentence make an amount without a scale in the sentence a
// share price.
var shareWordsInSentence = []string{"share", "股价", "股價", "aktie"}

// superlatives after an ordinal and a hyphen make a rank: third-largest.
var superlatives = map[string]bool{"largest": true, "biggest": true, "highest": true, "best": true, "most": true}
