package extract

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, bigEndian bool) []byte {
	units := utf16.Encode([]rune(s))
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestDecode(t *testing.T) {
	const text = "阿里巴巴将投入超过3800亿元。"
	cases := []struct {
		name string
		file string
		data []byte
		want string // a substring of the text, or "" when err is set
		err  error
	}{
		{"utf-8", "a.txt", []byte(text), text, nil},
		{"utf-8 with bom", "a.md", append([]byte{0xEF, 0xBB, 0xBF}, text...), text, nil},
		{"utf-16 le with bom", "a.txt", utf16Bytes(text, false), text, nil},
		{"utf-16 be with bom", "a.txt", utf16Bytes(text, true), text, nil},
		{"html entities", "a.html", []byte("<p>R&amp;D of US$5&nbsp;million &ndash; more</p>"), "R&D of US$5\u00a0million – more", nil},
		{"html scripts and styles left out", "a.htm", []byte("<style>p{}</style><script>x=1</script><p>kept</p>"), "kept", nil},
		{"html found by its start", "a.txt", []byte("<!DOCTYPE html><html><body><p>US$5 million</p></body></html>"), "US$5 million", nil},
		{"empty", "a.txt", nil, "", ErrEmpty},
		{"only spaces", "a.txt", []byte(" \n\t\n"), "", ErrEmpty},
		{"html without text", "a.html", []byte("<html><script>var a = 1;</script></html>"), "", ErrEmpty},
		{"binary", "a.txt", []byte("%PDF-1.7\x00\x01\x02binary"), "", ErrBinary},
		{"utf-16 without bom", "a.txt", []byte{'a', 0, 'b', 0}, "", ErrEncoding},
		{"gbk", "a.txt", []byte{0xB0, 0xA2, 0xC0, 0xEF}, "", ErrEncoding},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Decode(c.file, c.data)
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("error %v, want %v", err, c.err)
				}
				if msg := err.Error(); strings.ToLower(msg[:1]) != msg[:1] {
					t.Errorf("error %q does not begin in lower case", msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Text, c.want) {
				t.Errorf("text %q, want it to hold %q", a.Text, c.want)
			}
		})
	}
}

func TestArticleDate(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Headline\nPublished 2025-02-24 08:00\nBody", "2025-02-24"},
		{"标题\n2025年2月24日 10:30\n正文", "2025-02-24"},
		{"Headline\nFebruary 24, 2025\nBody", "2025-02-24"},
		{"Titel\n24. Februar 2025\nText", "2025-02-24"},
		{"Headline\nDec 20 08:20\nBody with no year", "0001-01-01"},
		{"Headline\n2025-02-30 is no date\n", "0001-01-01"},
		{`<html><head><meta name="date" content="2024-12-20"></head><body><p>Text</p></body></html>`, "2024-12-20"},
		{`<html><body><time datetime="2024-12-21T10:00:00Z">Sat</time><p>Text</p></body></html>`, "2024-12-21"},
		{`<html><head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-12-22T09:00:00+08:00"}</script></head><body><p>Text</p></body></html>`, "2024-12-22"},
	}
	for _, c := range cases {
		a, err := Decode("a.txt", []byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Date.Format("2006-01-02"); got != c.want {
			t.Errorf("date of %q: %s, want %s", c.text, got, c.want)
		}
	}
}
