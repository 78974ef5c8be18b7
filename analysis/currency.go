package analysis

import (
	"strings"

	"golang.org/x/text/currency"
)

// currencyWords maps symbols and words analysts use to ISO 4217 codes. A
// bare "$" is the US dollar; "¥" is the Chinese yuan, as in this tool's
// field of work, but it is also the yen sign: AmbiguousCurrency says so.
var currencyWords = map[string]string{
	"$": "USD", "us$": "USD", "u.s.$": "USD", "usd": "USD", "us dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD",
	"dollar": "USD", "dollars": "USD", "美元": "USD", "美金": "USD", "us-dollar": "USD", "us-dollars": "USD",
	"hk$": "HKD", "hkd": "HKD", "hong kong dollar": "HKD", "hong kong dollars": "HKD", "hk-dollar": "HKD", "hongkong-dollar": "HKD", "港元": "HKD", "港币": "HKD", "港幣": "HKD",
	"rmb": "CNY", "cny": "CNY", "yuan": "CNY", "renminbi": "CNY", "元": "CNY", "人民币": "CNY", "人民幣": "CNY", "¥": "CNY", "￥": "CNY", "rmb¥": "CNY", "cn¥": "CNY", "cn￥": "CNY",
	"€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
	"£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "pounds sterling": "GBP",
	"jpy": "JPY", "yen": "JPY", "日元": "JPY", "jp¥": "JPY", "jp￥": "JPY",
	"s$": "SGD", "sgd": "SGD", "singapore dollar": "SGD", "singapore dollars": "SGD", "新加坡元": "SGD",
	"nt$": "TWD", "a$": "AUD", "c$": "CAD", "mop$": "MOP", "澳门元": "MOP",
}

// isoCode returns the ISO 4217 code t names, in upper case, from
// golang.org/x/text's table of codes; the codes for no currency and for
// testing are not money.
func isoCode(t string) (string, bool) {
	if len(t) != 3 {
		return "", false
	}
	u, err := currency.ParseISO(t)
	if err != nil {
		return "", false
	}
	c := u.String()
	return c, c != "XXX" && c != "XTS"
}

// ParseCurrency reads a currency code, symbol or word ("US$", "HK$",
// "RMB", "yuan", "元", "€", "£", "HKD") and returns its ISO 4217 code.
func ParseCurrency(s string) (string, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", errorf(ErrUnknownCurrency, "empty currency; use an ISO code such as USD, HKD, CNY")
	}
	if c, ok := isoCode(t); ok {
		return c, nil
	}
	if c, ok := currencyWords[strings.ToLower(t)]; ok {
		return c, nil
	}
	return "", errorf(ErrUnknownCurrency, "unknown currency; use an ISO code such as USD, HKD, CNY, EUR, GBP, or a symbol such as US$, HK$, €, £")
}

// AmbiguousCurrency reports, as an error of kind ErrAmbiguousCurrency
// meant as a warning, that an amount or currency text uses a bare ¥ (or
// the full-width ￥), which is read as the Chinese yuan but is also the
// yen sign. It returns nil for any other text, including CN¥, RMB¥ and
// JP¥.
func AmbiguousCurrency(text string) error {
	for i := 0; i < len(text); {
		j := strings.IndexAny(text[i:], "¥￥")
		if j < 0 {
			return nil
		}
		j += i
		before := strings.ToLower(text[:j])
		if !strings.HasSuffix(before, "cn") && !strings.HasSuffix(before, "rmb") && !strings.HasSuffix(before, "jp") {
			return errorf(ErrAmbiguousCurrency, "¥ is read as the Chinese yuan, but it is also the yen sign; write CNY or JPY to be exact")
		}
		i = j + 1
	}
	return nil
}

// Symbol returns the short prefix used when displaying an amount in code.
func Symbol(code string) string {
	switch code {
	case "USD":
		return "US$"
	case "HKD":
		return "HK$"
	case "CNY":
		return "CN¥"
	case "EUR":
		return "€"
	case "GBP":
		return "£"
	}
	return code + " "
}
