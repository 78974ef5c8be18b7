package analysis

import (
	"strings"
)

// FieldError is an error that belongs to another column of the same row
// than the one being read: a currency column that contradicts the amount.
type FieldError struct {
	Column string
	Value  string
	Err    error
}

func (e *FieldError) Error() string { return e.Err.Error() }

// Unwrap returns the cause.
func (e *FieldError) Unwrap() error { return e.Err }

// PledgeAmount combines the amount, currency, unit and qualifier cells of
// a pledge into one Amount. The amount text may carry any of the other
// three ("more than US$50 billion"); a column that contradicts it is an
// error, a column that repeats it is fine. A disclosed amount needs a
// currency somewhere; a negative amount is an error.
func PledgeAmount(amount, currency, unit, qualifier string) (Amount, error) {
	a, err := ParseAmount(amount)
	if err != nil {
		return Amount{}, err
	}
	if a.Undisclosed {
		if c := strings.TrimSpace(currency); c != "" {
			a.Currency, _ = ParseCurrency(c)
		}
		return a, nil
	}
	if a.Percent {
		return Amount{}, errorf(ErrNumber, "a pledge amount cannot be a percentage; enter the amount in money")
	}
	if a.Value < 0 {
		return Amount{}, errorf(ErrNegative, "negative amount; enter the pledged amount as a positive number (use status withdrawn for a withdrawn pledge)")
	}
	if err := mergeColumns(&a, currency, unit, qualifier); err != nil {
		return Amount{}, err
	}
	if a.Currency == "" {
		return Amount{}, &FieldError{Column: "currency", Value: currency, Err: errorf(ErrUnknownCurrency,
			"no currency for the amount; put a code such as USD, HKD or CNY in the currency column, or write it in the amount (US$50 billion)")}
	}
	return a, nil
}

// mergeColumns applies the currency, unit and qualifier columns to an
// amount read from text.
func mergeColumns(a *Amount, currency, unit, qualifier string) error {
	if strings.TrimSpace(currency) != "" {
		c, err := ParseCurrency(currency)
		if err != nil {
			return &FieldError{Column: "currency", Value: currency, Err: err}
		}
		if a.Currency != "" && a.Currency != c {
			return errorf(ErrConflict, "the amount is in %s but the currency column says %s; make them agree or leave the column empty", a.Currency, c)
		}
		a.Currency = c
	}
	if strings.TrimSpace(unit) != "" {
		s, err := ParseUnit(unit)
		if err != nil {
			return &FieldError{Column: "unit", Value: unit, Err: err}
		}
		switch {
		case a.Scale == 0:
			a.Value *= s
			a.Scale = s
			if err := checkMagnitude(a.Value); err != nil {
				return err
			}
		case a.Scale != s:
			return errorf(ErrConflict, "the amount says %s but the unit column says %s; make them agree or leave the column empty", ScaleName(a.Scale), ScaleName(s))
		}
	}
	if strings.TrimSpace(qualifier) != "" {
		q, err := ParseQualifier(qualifier)
		if err != nil {
			return &FieldError{Column: "qualifier", Value: qualifier, Err: err}
		}
		if a.Qualifier != Exact && a.Qualifier != q {
			return errorf(ErrConflict, "the amount says %q but the qualifier column says %q; make them agree or leave the column empty", a.Qualifier, q.Label())
		}
		a.Qualifier = q
	}
	return nil
}

// MetricValue reads a metric's value and unit cells: "less than US$13
// billion", "41%" or "+8%" with an empty unit, or 32 with unit "USD
// billion". It returns the value in whole units, the unit (an ISO code
// for money, "%", or a lower-case word), and whether it is money.
func MetricValue(value, unit, qualifier string) (Amount, string, bool, error) {
	a, err := ParseAmount(value)
	if err != nil {
		return Amount{}, "", false, err
	}
	if a.Undisclosed {
		return Amount{}, "", false, errorf(ErrNumber, "a metric needs a value; leave the row out if the source gives none")
	}
	u := strings.TrimSpace(unit)
	word := ""
	if u == "%" {
		if a.Currency != "" {
			return Amount{}, "", false, &FieldError{Column: "unit", Value: unit, Err: errorf(ErrConflict, "the value is money (%s) but the unit column says %%; make them agree", a.Currency)}
		}
		a.Percent = true
	} else if u != "" {
		c, scale, ok := moneyUnit(u)
		switch {
		case !ok:
			word = strings.ToLower(u)
		case a.Percent:
			return Amount{}, "", false, &FieldError{Column: "unit", Value: unit, Err: errorf(ErrConflict, "the value is a percentage but the unit column says %q; use %% or leave it empty", unit)}
		default:
			if err := mergeColumns(&a, c, "", ""); err != nil {
				return Amount{}, "", false, err
			}
			if scale != 0 {
				if a.Scale != 0 && a.Scale != scale {
					return Amount{}, "", false, errorf(ErrConflict, "the value says %s but the unit column says %s; make them agree", ScaleName(a.Scale), ScaleName(scale))
				}
				if a.Scale == 0 {
					a.Value *= scale
					a.Scale = scale
					if err := checkMagnitude(a.Value); err != nil {
						return Amount{}, "", false, err
					}
				}
			}
		}
	}
	if err := mergeColumns(&a, "", "", qualifier); err != nil {
		return Amount{}, "", false, err
	}
	switch {
	case a.Percent:
		if word != "" {
			return Amount{}, "", false, &FieldError{Column: "unit", Value: unit, Err: errorf(ErrConflict, "the value is a percentage but the unit column says %q; use %% or leave it empty", unit)}
		}
		return a, "%", false, nil
	case a.Currency != "":
		if word != "" {
			return Amount{}, "", false, &FieldError{Column: "unit", Value: unit, Err: errorf(ErrConflict, "the value is money (%s) but the unit column says %q; use the currency code or leave it empty", a.Currency, unit)}
		}
		return a, a.Currency, true, nil
	}
	return a, word, false, nil
}

// moneyUnit reads a unit cell that names a currency, a scale or both:
// "USD", "billion", "USD billion", "billion USD", "亿元", "US$ bn".
func moneyUnit(u string) (currency string, scale float64, ok bool) {
	if c, err := ParseCurrency(u); err == nil {
		return c, 0, true
	}
	if s, _, rest := cutScale(u); s != 0 {
		if rest == "" {
			return "", s, true
		}
		if c, err := ParseCurrency(rest); err == nil {
			return c, s, true
		}
		return "", 0, false
	}
	if f := strings.Fields(u); len(f) >= 2 {
		if s, err := ParseUnit(f[len(f)-1]); err == nil && s != 0 {
			if c, err := ParseCurrency(strings.Join(f[:len(f)-1], " ")); err == nil {
				return c, s, true
			}
		}
	}
	return "", 0, false
}
