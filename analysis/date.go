package analysis

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// DateLayout is the one text form of a date this tool accepts.
const DateLayout = "2006-01-02"

var (
	slashDate = regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$`)
	ymdSlash  = regexp.MustCompile(`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$`)
	cjkDate   = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日$`)
)

// ParseDate reads an ISO date (2025-02-24), optionally followed by a time
// of day, which is dropped. Any other text is refused with the ISO form
// to use; 03/04/2025 is refused as ambiguous rather than guessed.
func ParseDate(text string) (time.Time, error) {
	s := strings.TrimSpace(text)
	if s == "" {
		return time.Time{}, errorf(ErrRequired, "empty date; enter a date such as 2025-02-24")
	}
	for _, layout := range []string{DateLayout, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04:05Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
			if err := CheckDate(t); err != nil {
				return time.Time{}, err
			}
			return t, nil
		}
	}
	if m := slashDate.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		y := m[3]
		switch {
		case a > 12 && b <= 12:
			return time.Time{}, errorf(ErrDate, "cannot read the date; use the ISO form %s-%02d-%02d", y, b, a)
		case b > 12 && a <= 12:
			return time.Time{}, errorf(ErrDate, "cannot read the date; use the ISO form %s-%02d-%02d", y, a, b)
		case a <= 12 && b <= 12 && a != b:
			return time.Time{}, errorf(ErrDate, "ambiguous date (day/month or month/day?); use the ISO form %s-%02d-%02d or %s-%02d-%02d", y, b, a, y, a, b)
		}
		return time.Time{}, errorf(ErrDate, "cannot read the date; use the ISO form %s-%02d-%02d", y, b, a)
	}
	if m := ymdSlash.FindStringSubmatch(s); m != nil {
		return time.Time{}, errorf(ErrDate, "cannot read the date; use the ISO form %s-%02s-%02s with hyphens", m[1], pad2(m[2]), pad2(m[3]))
	}
	if m := cjkDate.FindStringSubmatch(s); m != nil {
		return time.Time{}, errorf(ErrDate, "cannot read the date; use the ISO form %s-%s-%s", m[1], pad2(m[2]), pad2(m[3]))
	}
	for _, layout := range []string{"Jan 2, 2006", "January 2, 2006", "2 Jan 2006", "2 January 2006", "Jan 2 2006", "02-Jan-2006", "2-Jan-2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Time{}, errorf(ErrDate, "cannot read the date; use the ISO form %s", t.Format(DateLayout))
		}
	}
	return time.Time{}, errorf(ErrDate, "cannot read the date; use the ISO form year-month-day, such as 2025-02-24, or an Excel date")
}

// MinYear and MaxYear bound the years of dates and periods: a year
// outside them is a typing error (0225 for 2025), not a real date.
const (
	MinYear = 1900
	MaxYear = 2200
)

// MaxSpanYears bounds the years a pledge or a figure of a comparison
// spans: no plan runs longer, and the end of any span stays a date.
const MaxSpanYears = 100

// CheckSpan refuses a span of years beyond MaxSpanYears. A whole number
// that reads as a year (2025) is named as such: it belongs in start_year.
func CheckSpan(years float64) error {
	if years <= MaxSpanYears {
		return nil
	}
	if years == math.Trunc(years) && years >= MinYear && years <= MaxYear {
		return errorf(ErrNumber, "%s is a year, not a number of years; put the first year in start_year and the length of the span here, such as 3", ftoa(years))
	}
	return errorf(ErrNumber, "more than %d years; give how many years the span runs, such as 3 for \"over the next three years\"", MaxSpanYears)
}

// CheckDate refuses a date whose year is before MinYear or after MaxYear,
// with the fix.
func CheckDate(t time.Time) error {
	y := t.Year()
	if y >= MinYear && y <= MaxYear {
		return nil
	}
	return errorf(ErrDate, "the year %04d is %s, so it is a typing error; enter the year in four digits, such as %s",
		y, yearRange(y), t.AddDate(2025-y, 0, 0).Format(DateLayout))
}

// yearRange says which bound a year is out of.
func yearRange(y int) string {
	if y < MinYear {
		return fmt.Sprintf("before %d", MinYear)
	}
	return fmt.Sprintf("after %d", MaxYear)
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// PeriodKind says what span a Period covers.
type PeriodKind int

// Period kinds.
const (
	PeriodYear PeriodKind = iota + 1
	PeriodFiscalYear
	PeriodHalf
	PeriodQuarter
	PeriodFiscalQuarter
	PeriodMonth
	PeriodDay
)

// Period is the span a metric value belongs to: a year (2025), a fiscal
// year (FY2025), a half (2024H1), a quarter (2024Q4), a fiscal quarter
// (FY2025Q3), a month (2024-12) or a day (2025-02-24).
type Period struct {
	Kind PeriodKind
	Year int
	N    int       // half, quarter or month number
	Day  time.Time // for PeriodDay
}

var (
	reYear     = regexp.MustCompile(`^(\d{4})$`)
	reFY       = regexp.MustCompile(`^FY ?(\d{4})$`)
	reHalf     = regexp.MustCompile(`^(\d{4}) ?H([12])$`)
	reQuarter  = regexp.MustCompile(`^(\d{4}) ?-?Q([1-4])$`)
	reQuarter2 = regexp.MustCompile(`^Q([1-4]) ?(\d{4})$`)
	reFQ       = regexp.MustCompile(`^FY ?(\d{4}) ?-?Q([1-4])$`)
	reMonth    = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
)

// ParsePeriod reads a period text. It is case-insensitive and allows a
// space between parts ("FY2025 Q3").
func ParsePeriod(text string) (Period, error) {
	s := strings.ToUpper(strings.TrimSpace(text))
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	p, err := parsePeriod(s, text, atoi)
	if err == nil && (p.Year < MinYear || p.Year > MaxYear) {
		return Period{}, errorf(ErrPeriod, "the year %04d is %s, so it is a typing error; use a four-digit year such as 2025", p.Year, yearRange(p.Year))
	}
	return p, err
}

func parsePeriod(s, text string, atoi func(string) int) (Period, error) {
	if s == "" {
		return Period{}, errorf(ErrRequired, "empty period; enter a year (2025), a quarter (2024Q4), a fiscal quarter (FY2025Q3) or a date (2025-02-24)")
	}
	if m := reYear.FindStringSubmatch(s); m != nil {
		return Period{Kind: PeriodYear, Year: atoi(m[1])}, nil
	}
	if m := reFY.FindStringSubmatch(s); m != nil {
		return Period{Kind: PeriodFiscalYear, Year: atoi(m[1])}, nil
	}
	if m := reHalf.FindStringSubmatch(s); m != nil {
		return Period{Kind: PeriodHalf, Year: atoi(m[1]), N: atoi(m[2])}, nil
	}
	if m := reQuarter.FindStringSubmatch(s); m != nil {
		return Period{Kind: PeriodQuarter, Year: atoi(m[1]), N: atoi(m[2])}, nil
	}
	if m := reQuarter2.FindStringSubmatch(s); m != nil {
		return Period{Kind: PeriodQuarter, Year: atoi(m[2]), N: atoi(m[1])}, nil
	}
	if m := reFQ.FindStringSubmatch(s); m != nil {
		return Period{Kind: PeriodFiscalQuarter, Year: atoi(m[1]), N: atoi(m[2])}, nil
	}
	if m := reMonth.FindStringSubmatch(s); m != nil {
		if n := atoi(m[2]); n >= 1 && n <= 12 {
			return Period{Kind: PeriodMonth, Year: atoi(m[1]), N: n}, nil
		}
	}
	if t, err := ParseDate(text); err == nil {
		return DayPeriod(t), nil
	} else if !strings.Contains(err.Error(), "use the ISO form year-month-day") {
		return Period{}, errorf(ErrPeriod, "%v", err)
	}
	return Period{}, errorf(ErrPeriod, "cannot read the period; use a year (2025), a quarter (2024Q4), a half (2024H1), a fiscal year or quarter (FY2025, FY2025Q3), a month (2024-12) or a date (2025-02-24)")
}

// DayPeriod returns the period of one day.
func DayPeriod(t time.Time) Period {
	return Period{Kind: PeriodDay, Year: t.Year(), Day: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}
}

// String returns the period in its canonical text form.
func (p Period) String() string {
	switch p.Kind {
	case PeriodYear:
		return strconv.Itoa(p.Year)
	case PeriodFiscalYear:
		return fmt.Sprintf("FY%d", p.Year)
	case PeriodHalf:
		return fmt.Sprintf("%dH%d", p.Year, p.N)
	case PeriodQuarter:
		return fmt.Sprintf("%dQ%d", p.Year, p.N)
	case PeriodFiscalQuarter:
		return fmt.Sprintf("FY%dQ%d", p.Year, p.N)
	case PeriodMonth:
		return fmt.Sprintf("%d-%02d", p.Year, p.N)
	case PeriodDay:
		return p.Day.Format(DateLayout)
	}
	return ""
}

// Yearly reports whether the period is a whole (calendar or fiscal) year.
func (p Period) Yearly() bool { return p.Kind == PeriodYear || p.Kind == PeriodFiscalYear }

// ordinal returns a number that orders periods of one kind.
func (p Period) ordinal() int {
	switch p.Kind {
	case PeriodYear, PeriodFiscalYear:
		return p.Year * 10000
	case PeriodHalf:
		return p.Year*10000 + p.N*600
	case PeriodQuarter, PeriodFiscalQuarter:
		return p.Year*10000 + p.N*300
	case PeriodMonth:
		return p.Year*10000 + p.N*100
	case PeriodDay:
		return p.Year*10000 + int(p.Day.Month())*100 + p.Day.Day()
	}
	return 0
}

// Less orders periods: by kind, then in time.
func (p Period) Less(q Period) bool {
	if p.Kind != q.Kind {
		return p.Kind < q.Kind
	}
	return p.ordinal() < q.ordinal()
}

// YearsBetween returns how many years separate two yearly periods of the
// same kind, and false for any other pair.
func YearsBetween(from, to Period) (int, bool) {
	if !from.Yearly() || from.Kind != to.Kind {
		return 0, false
	}
	return to.Year - from.Year, true
}

// Next reports whether q is the period right after p, of the same kind:
// 2024 after 2023, 2025 H1 after 2024 H2, 2025-01 after 2024-12, a day
// after the day before. A line drawn from p to q then passes through no
// period for which no value was given.
func (p Period) Next(q Period) bool {
	if p.Kind != q.Kind {
		return false
	}
	per := 0 // periods in a year
	switch p.Kind {
	case PeriodYear, PeriodFiscalYear:
		return q.Year == p.Year+1
	case PeriodHalf:
		per = 2
	case PeriodQuarter, PeriodFiscalQuarter:
		per = 4
	case PeriodMonth:
		per = 12
	case PeriodDay:
		return !p.Day.IsZero() && q.Day.Equal(p.Day.AddDate(0, 0, 1))
	default:
		return false
	}
	return q.Year*per+q.N-1 == p.Year*per+p.N
}
