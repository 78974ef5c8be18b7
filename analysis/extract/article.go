package extract

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/unicode"
)

// Article is one article's text, ready to be read for figures.
type Article struct {
	File string    // the name the article goes by in the candidates
	Text string    // the text, without markup
	Date time.Time // the article's date, when its text or metadata gives one; zero when not
}

// Problems with an article file. Each is wrapped with what was found.
var (
	ErrEmpty    = errors.New("empty article")
	ErrBinary   = errors.New("not a text file")
	ErrEncoding = errors.New("unknown text encoding")
)

// Extensions are the file name endings read as articles.
var Extensions = []string{".txt", ".md", ".html", ".htm"}

// IsArticle reports whether a file name ends in one of Extensions.
func IsArticle(name string) bool {
	lower := strings.ToLower(name)
	for _, e := range Extensions {
		if strings.HasSuffix(lower, e) {
			return true
		}
	}
	return false
}

// Decode reads an article file's bytes: UTF-8 (with or without a byte
// order mark) or UTF-16 with a byte order mark; an .html or .htm file (or
// text that begins as HTML) has its text taken out of the tags, entities
// decoded, scripts and styles left out, and its date read from its
// metadata.
func Decode(name string, data []byte) (Article, error) {
	a := Article{File: name}
	text, err := decodeText(data)
	if err != nil {
		return a, err
	}
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm") || looksLikeHTML(text) {
		var meta time.Time
		raw := text
		text, meta = htmlText(text)
		if meta.IsZero() {
			// Structured data in a script: "datePublished": "2025-02-24T...".
			if m := jsonLDDate.FindStringSubmatch(raw); m != nil {
				meta = ymd(m[1], m[2], m[3])
			}
		}
		a.Date = meta
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	if strings.TrimSpace(text) == "" {
		return a, fmt.Errorf("%w: the file holds no text; save the article's text in it, or remove the file", ErrEmpty)
	}
	a.Text = text
	if a.Date.IsZero() {
		a.Date = textDate(text)
	}
	return a, nil
}

// decodeText turns bytes into UTF-8 text.
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", fmt.Errorf("%w: the UTF-16 text cannot be read (%v); save the article as UTF-8", ErrEncoding, err)
		}
		return string(out), nil
	}
	if bytes.IndexByte(data, 0) >= 0 {
		if len(data) >= 2 && (data[0] == 0 || data[1] == 0) {
			return "", fmt.Errorf("%w: the text looks like UTF-16 without a byte order mark; save the article as UTF-8", ErrEncoding)
		}
		return "", fmt.Errorf("%w: the file holds binary data (a PDF, a picture or a word-processor file?); save the article's text as .txt, .md or .html", ErrBinary)
	}
	if !utf8.Valid(data) {
		return "", fmt.Errorf("%w: the text is not UTF-8 (GBK, Big5 or Latin-1?); save the article as UTF-8", ErrEncoding)
	}
	return string(data), nil
}

func looksLikeHTML(s string) bool {
	head := strings.ToLower(strings.TrimSpace(s[:min(len(s), 512)]))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

// blockTags end a line of text in HTML.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "tr": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "title": true, "article": true, "section": true, "header": true,
	"footer": true, "blockquote": true, "table": true, "ul": true, "ol": true, "td": true, "th": true, "figcaption": true,
}

// dateMeta are the metadata names that give an article's date.
var dateMeta = map[string]bool{
	"article:published_time": true, "og:published_time": true, "date": true, "pubdate": true,
	"publishdate": true, "datepublished": true, "dc.date": true, "dc.date.issued": true, "publication_date": true,
}

// htmlText takes the text out of HTML, and the date from its metadata.
func htmlText(s string) (string, time.Time) {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	var date time.Time
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String(), date
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text()) // entities decoded
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			switch tag {
			case "script", "style", "noscript", "template":
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			if blockTags[tag] {
				b.WriteByte('\n')
			}
			if !hasAttr || !date.IsZero() || (tag != "meta" && tag != "time") {
				continue
			}
			attrs := map[string]string{}
			for {
				k, v, more := z.TagAttr()
				attrs[strings.ToLower(string(k))] = string(v)
				if !more {
					break
				}
			}
			key := strings.ToLower(attrs["property"] + attrs["name"] + attrs["itemprop"])
			if tag == "time" {
				date = isoDate(attrs["datetime"])
			} else if dateMeta[key] {
				date = isoDate(attrs["content"])
			}
		}
	}
}

var (
	isoPrefix  = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})`)
	jsonLDDate = regexp.MustCompile(`"datePublished"\s*:\s*"(\d{4})-(\d{2})-(\d{2})`)
)

func isoDate(s string) time.Time {
	m := isoPrefix.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return time.Time{}
	}
	return ymd(m[1], m[2], m[3])
}

func ymd(y, m, d string) time.Time {
	yy, _ := strconv.Atoi(y)
	mm, _ := strconv.Atoi(m)
	dd, _ := strconv.Atoi(d)
	if yy < 1990 || yy > 2100 || mm < 1 || mm > 12 || dd < 1 || dd > 31 {
		return time.Time{}
	}
	t := time.Date(yy, time.Month(mm), dd, 0, 0, 0, 0, time.UTC)
	if t.Day() != dd {
		return time.Time{}
	}
	return t
}

// Full dates in running text: ISO, Chinese, English and German forms.
var (
	textISO   = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	textCJK   = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	textMDY   = regexp.MustCompile(`\b([A-Z][a-z]{2,8})\.? (\d{1,2})(?:st|nd|rd|th)?, (\d{4})\b`)
	textDMY   = regexp.MustCompile(`\b(\d{1,2})\.? ([A-Z][a-zä]{2,8})\.? (\d{4})\b`)
	monthName = map[string]int{}
)

func init() {
	for i, names := range [][]string{
		{"jan", "january", "januar"}, {"feb", "february", "februar"}, {"mar", "march", "märz"},
		{"apr", "april"}, {"may", "mai"}, {"jun", "june", "juni"}, {"jul", "july", "juli"},
		{"aug", "august"}, {"sep", "sept", "september"}, {"oct", "october", "okt", "oktober"},
		{"nov", "november"}, {"dec", "december", "dez", "dezember"},
	} {
		for _, n := range names {
			monthName[n] = i + 1
		}
	}
}

// dateHead is how much of an article's start is searched for its date:
// the headline, byline and first paragraph.
const dateHead = 600

// textDate returns the first full date (with its year) near the start of
// an article, or a date on a line labelled as the article's date.
func textDate(text string) time.Time {
	head := text[:min(len(text), dateHead)]
	for !utf8.ValidString(head) {
		head = head[:len(head)-1]
	}
	best, at := time.Time{}, len(head)+1
	try := func(i int, t time.Time) {
		if !t.IsZero() && i < at {
			best, at = t, i
		}
	}
	if m := textISO.FindStringSubmatchIndex(head); m != nil {
		try(m[0], ymd(head[m[2]:m[3]], head[m[4]:m[5]], head[m[6]:m[7]]))
	}
	if m := textCJK.FindStringSubmatchIndex(head); m != nil {
		try(m[0], ymd(head[m[2]:m[3]], head[m[4]:m[5]], head[m[6]:m[7]]))
	}
	if m := textMDY.FindStringSubmatchIndex(head); m != nil {
		if mon := monthName[strings.ToLower(head[m[2]:m[3]])]; mon > 0 {
			try(m[0], ymd(head[m[6]:m[7]], strconv.Itoa(mon), head[m[4]:m[5]]))
		}
	}
	if m := textDMY.FindStringSubmatchIndex(head); m != nil {
		if mon := monthName[strings.ToLower(head[m[4]:m[5]])]; mon > 0 {
			try(m[0], ymd(head[m[6]:m[7]], strconv.Itoa(mon), head[m[2]:m[3]]))
		}
	}
	return best
}
