package sheets

import (
	"math"
	"math/rand"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/sheets/internal/xlsxscan"
)

// TestShortestNumber checks the texts shortestNumber takes as they are
// against formatNumber: each must be its own formatNumber, and many
// numbers formatNumber writes are taken.
func TestShortestNumber(t *testing.T) {
	rnd := rand.New(rand.NewSource(1))
	texts := []string{"0", "5", "45712", "53.7", "0.41", "0.0001", "999999999999999", "99999999999999.9", "0.00000000000001",
		"1234567890123456", "123456789012345.6", "5.0", "5.", ".5", "05", "00", "0.50", "-5", "1E3", "1e-3", " 5", "5 ", "", "0x10", "Inf", "NaN", "1_000"}
	const chars = "0123456789.0-eE "
	for range 200_000 {
		b := make([]byte, 1+rnd.Intn(18))
		for i := range b {
			b[i] = chars[rnd.Intn(len(chars))]
			if rnd.Intn(3) > 0 {
				b[i] = '0' + byte(rnd.Intn(10))
			}
		}
		texts = append(texts, string(b))
	}
	for range 50_000 { // numbers as formatNumber writes them
		v := math.Round(rnd.Float64()*math.Pow(10, float64(rnd.Intn(15)))) / math.Pow(10, float64(rnd.Intn(15)))
		texts = append(texts, formatNumber(v))
	}
	taken := 0
	for _, s := range texts {
		if !shortestNumber([]byte(s)) {
			continue
		}
		taken++
		v, ok := parseNumberBytes([]byte(s))
		if !ok || formatNumber(v) != s {
			t.Fatalf("%q taken as it is, but formatNumber writes %q (parsed %v)", s, formatNumber(v), ok)
		}
		c := cell{Kind: xlsxscan.Number, Bytes: []byte(s)}
		c2 := cell{Kind: xlsxscan.Number, Str: s}
		if got, want := numberText(&c, false), numberText(&c2, false); got != want {
			t.Fatalf("%q: numberText %q, without the shortcut %q", s, got, want)
		}
	}
	if taken < 50_000 {
		t.Errorf("only %d of %d texts taken as they are", taken, len(texts))
	}
}

// TestSerialDate checks serialDate against excelize.ExcelDateToTime in
// both date systems: every whole serial up to 100,000 (the year 2173),
// many after it, and serials with a time of day.
func TestSerialDate(t *testing.T) {
	viaExcelize := func(v float64, date1904 bool) string {
		d, err := excelize.ExcelDateToTime(v, date1904)
		if err != nil {
			return err.Error()
		}
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC).String()
	}
	rnd := rand.New(rand.NewSource(1))
	for _, date1904 := range []bool{false, true} {
		check := func(v float64) {
			got, ok := serialDate(v, date1904)
			if want := viaExcelize(v, date1904); !ok || got.String() != want {
				t.Fatalf("serial %v (1904 %v): %v %v, excelize %s", v, date1904, got, ok, want)
			}
		}
		for n := 1; n <= maxSerial; n++ {
			check(float64(n))
			if n >= 100_000 {
				n += 36
			}
		}
		check(maxSerial)
		for range 20_000 {
			v := 1 + rnd.Float64()*(maxSerial-1)
			if rnd.Intn(2) == 0 {
				v = math.Trunc(v) + []float64{0.5, 0.9999999, 0.999999999, 1e-9, 0.25}[rnd.Intn(5)]
			}
			check(min(v, maxSerial))
		}
	}
	for _, v := range []float64{0, 0.5, -1, maxSerial + 1, math.NaN()} {
		if _, ok := serialDate(v, false); ok {
			t.Errorf("serial %v read as a date", v)
		}
	}
}
