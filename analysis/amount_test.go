package analysis

import (
	"errors"
	"math"
	"testing"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in       string
		value    float64
		currency string
		q        Qualifier
		percent  bool
		signed   bool
		err      error
		msg      string
	}{
		{in: "more than US$50 billion", value: 50e9, currency: "USD", q: MoreThan},
		{in: "at least 380 billion yuan", value: 380e9, currency: "CNY", q: AtLeast},
		{in: "HK$10 billion", value: 10e9, currency: "HKD"},
		{in: "0.15 billion", value: 0.15e9},
		{in: "3800亿元", value: 380e9, currency: "CNY"},
		{in: "超过3800亿元", value: 380e9, currency: "CNY", q: MoreThan},
		{in: "1.5亿美元", value: 150e6, currency: "USD"},
		{in: "2801.5亿元", value: 280.15e9, currency: "CNY"},
		{in: "less than US$13 billion", value: 13e9, currency: "USD", q: LessThan},
		{in: "about 5.3", value: 5.3, q: About},
		{in: "approximately US$5.3 billion", value: 5.3e9, currency: "USD", q: About},
		{in: "$4 trillion", value: 4e12, currency: "USD"},
		{in: "HK$3 Milliarden", value: 3e9, currency: "HKD"},
		{in: "0.1 million HKD", value: 1e5, currency: "HKD"},
		{in: "€2 bn", value: 2e9, currency: "EUR"},
		{in: "£750m", value: 750e6, currency: "GBP"},
		{in: "US$ 32.0B", value: 32e9, currency: "USD"},
		{in: "1,234,567.5", value: 1234567.5},
		{in: "41%", value: 41, percent: true},
		{in: "+8%", value: 8, percent: true, signed: true},
		{in: "-4.5%", value: -4.5, percent: true, signed: true},
		{in: "over 200", value: 200, q: MoreThan},
		{in: "200以上", value: 200, q: AtLeast},
		{in: "undisclosed"},
		{in: "about 5,3 billion", err: ErrNumber, msg: `cannot read "5,3" as a number; use 5.3`},
		{in: "1.234,5", err: ErrNumber, msg: `cannot read "1.234,5" as a number; use 1234.5`},
		{in: "", err: ErrRequired},
		{in: "lots", err: ErrNumber},
		{in: "XY$5", err: ErrUnknownCurrency},
		{in: "5 zillion", err: ErrUnknownUnit},
		{in: "US$5 billion yuan", err: ErrConflict},
	}
	for _, tt := range tests {
		got, err := ParseAmount(tt.in)
		if tt.err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("ParseAmount(%q) error = %v, want %v", tt.in, err, tt.err)
			} else if tt.msg != "" && err.Error() != tt.msg {
				t.Errorf("ParseAmount(%q) message = %q, want %q", tt.in, err.Error(), tt.msg)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseAmount(%q) error: %v", tt.in, err)
			continue
		}
		if tt.in == "undisclosed" {
			if !got.Undisclosed {
				t.Errorf("ParseAmount(%q) not undisclosed", tt.in)
			}
			continue
		}
		if math.Abs(got.Value-tt.value) > 1e-6*math.Abs(tt.value) || got.Currency != tt.currency || got.Qualifier != tt.q ||
			got.Percent != tt.percent || got.Signed != tt.signed {
			t.Errorf("ParseAmount(%q) = %+v, want value %g %s %v percent=%v signed=%v", tt.in, got, tt.value, tt.currency, tt.q, tt.percent, tt.signed)
		}
	}
}

func TestPledgeAmount(t *testing.T) {
	tests := []struct {
		amount, currency, unit, qualifier string
		value                             float64
		cur                               string
		q                                 Qualifier
		err                               error
		col                               string
	}{
		{"380", "CNY", "billion", "at least", 380e9, "CNY", AtLeast, nil, ""},
		{"0.15", "US$", "bn", "", 0.15e9, "USD", Exact, nil, ""},
		{"10", "HK$", "亿", "", 1e9, "HKD", Exact, nil, ""},
		{"HK$10 billion", "HKD", "billion", "", 10e9, "HKD", Exact, nil, ""},
		{"3800亿元", "", "", "more than", 380e9, "CNY", MoreThan, nil, ""},
		{"5", "$", "", "", 5, "USD", Exact, nil, ""},
		{"HK$10 billion", "USD", "", "", 0, "", 0, ErrConflict, ""},
		{"10 billion", "", "million", "", 0, "", 0, ErrConflict, ""},
		{"more than 10", "USD", "", "about", 0, "", 0, ErrConflict, ""},
		{"10", "", "billion", "", 0, "", 0, ErrUnknownCurrency, "currency"},
		{"10", "dollarz", "", "", 0, "", 0, ErrUnknownCurrency, "currency"},
		{"10", "USD", "gazillion", "", 0, "", 0, ErrUnknownUnit, "unit"},
		{"-5", "USD", "", "", 0, "", 0, ErrNegative, ""},
		{"41%", "USD", "", "", 0, "", 0, ErrNumber, ""},
	}
	for _, tt := range tests {
		got, err := PledgeAmount(tt.amount, tt.currency, tt.unit, tt.qualifier)
		if tt.err != nil {
			var fe *FieldError
			col := ""
			if errors.As(err, &fe) {
				col = fe.Column
			}
			if !errors.Is(err, tt.err) || col != tt.col {
				t.Errorf("PledgeAmount(%q,%q,%q,%q) error = %v (column %q), want %v (column %q)", tt.amount, tt.currency, tt.unit, tt.qualifier, err, col, tt.err, tt.col)
			}
			continue
		}
		if err != nil || math.Abs(got.Value-tt.value) > 1e-6*tt.value || got.Currency != tt.cur || got.Qualifier != tt.q {
			t.Errorf("PledgeAmount(%q,%q,%q,%q) = %+v, %v; want %g %s %v", tt.amount, tt.currency, tt.unit, tt.qualifier, got, err, tt.value, tt.cur, tt.q)
		}
	}
}

func TestMetricValue(t *testing.T) {
	tests := []struct {
		value, unit, qualifier string
		v                      float64
		u                      string
		money                  bool
		q                      Qualifier
	}{
		{"less than US$13 billion", "", "", 13e9, "USD", true, LessThan},
		{"32", "USD billion", "", 32e9, "USD", true, Exact},
		{"2801.5亿元", "", "", 280.15e9, "CNY", true, Exact},
		{"41%", "", "", 41, "%", false, Exact},
		{"41", "%", "", 41, "%", false, Exact},
		{"8", "rank", "", 8, "rank", false, Exact},
		{"200", "count", "more than", 200, "count", false, MoreThan},
		{"140.9", "HKD", "", 140.9, "HKD", true, Exact},
	}
	for _, tt := range tests {
		a, u, money, err := MetricValue(tt.value, tt.unit, tt.qualifier)
		if err != nil || math.Abs(a.Value-tt.v) > 1e-6*tt.v || u != tt.u || money != tt.money || a.Qualifier != tt.q {
			t.Errorf("MetricValue(%q,%q,%q) = %g %q %v %v, %v; want %g %q %v %v", tt.value, tt.unit, tt.qualifier, a.Value, u, money, a.Qualifier, err, tt.v, tt.u, tt.money, tt.q)
		}
	}
	if _, _, _, err := MetricValue("41%", "USD", ""); !errors.Is(err, ErrConflict) {
		t.Errorf("percentage with currency unit: error = %v, want conflict", err)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want, msg string }{
		{"2025-02-24", "2025-02-24", ""},
		{"2025-02-24T10:00:00", "2025-02-24", ""},
		{"03/04/2025", "", "ambiguous date (day/month or month/day?); use the ISO form 2025-04-03 or 2025-03-04"},
		{"24/02/2025", "", "cannot read the date; use the ISO form 2025-02-24"},
		{"24.02.2025", "", "cannot read the date; use the ISO form 2025-02-24"},
		{"Feb 24, 2025", "", "cannot read the date; use the ISO form 2025-02-24"},
		{"2025/2/24", "", "cannot read the date; use the ISO form 2025-02-24 with hyphens"},
		{"2025年2月24日", "", "cannot read the date; use the ISO form 2025-02-24"},
		{"2025-02-30", "", "cannot read the date; use the ISO form year-month-day, such as 2025-02-24, or an Excel date"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if tt.msg != "" {
			if err == nil || err.Error() != tt.msg || !errors.Is(err, ErrDate) {
				t.Errorf("ParseDate(%q) error = %v, want %q", tt.in, err, tt.msg)
			}
			continue
		}
		if err != nil || got.Format(DateLayout) != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]string{
		"2025": "2025", "2024Q4": "2024Q4", "2024 q4": "2024Q4", "Q4 2024": "2024Q4", "FY2025Q3": "FY2025Q3",
		"FY2025 Q3": "FY2025Q3", "fy2025": "FY2025", "2024H1": "2024H1", "2024-12": "2024-12", "2025-02-24": "2025-02-24",
	} {
		p, err := ParsePeriod(in)
		if err != nil || p.String() != want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %s", in, p, err, want)
		}
	}
	for _, in := range []string{"2024Q5", "last year", "03/04/2025", "FY25"} {
		if _, err := ParsePeriod(in); !errors.Is(err, ErrPeriod) {
			t.Errorf("ParsePeriod(%q) error = %v, want ErrPeriod", in, err)
		}
	}
}
