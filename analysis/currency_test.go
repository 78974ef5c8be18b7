package analysis

import (
	"errors"
	"testing"
)

// TestParseCurrency reads ISO codes in any case from the full ISO 4217
// table, and the symbols and words analysts write; the codes for no
// currency and for testing, and unknown codes, are errors.
func TestParseCurrency(t *testing.T) {
	for in, want := range map[string]string{
		"USD": "USD", "hkd": "HKD", " CNY ": "CNY", "CNH": "CNH", "XOF": "XOF", "krw": "KRW", "MOP": "MOP",
		"US$": "USD", "HK$": "HKD", "元": "CNY", "RMB": "CNY", "€": "EUR", "£": "GBP", "yen": "JPY",
	} {
		got, err := ParseCurrency(in)
		if err != nil || got != want {
			t.Errorf("ParseCurrency(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "XXX", "XTS", "ABC", "US", "dollarz"} {
		if got, err := ParseCurrency(in); !errors.Is(err, ErrUnknownCurrency) {
			t.Errorf("ParseCurrency(%q) = %q, %v; want an unknown currency", in, got, err)
		}
	}
}
