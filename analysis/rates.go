package analysis

import (
	"sort"
	"time"
)

// Rates holds exchange rates by currency, each list sorted by date.
type Rates struct {
	by map[string][]Rate
}

// NewRates indexes rates. Two rows for one currency and date with
// different values are an error at the second row.
func NewRates(rates []Rate) (*Rates, []*Problem) {
	r := &Rates{by: map[string][]Rate{}}
	var probs []*Problem
	for _, x := range rates {
		r.by[x.Currency] = append(r.by[x.Currency], x)
	}
	for c, list := range r.by {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Date.Before(list[j].Date) })
		out := list[:0]
		for i, x := range list {
			if i > 0 && x.Date.Equal(list[i-1].Date) {
				if x.PerUSD != list[i-1].PerUSD {
					probs = append(probs, x.Loc.Problem(SevError, "per_usd", ftoa(x.PerUSD),
						errorf(ErrConflict, "a second %s rate for %s differs from row %d (%s); keep one row per currency and date",
							c, x.Date.Format(DateLayout), list[i-1].Loc.Row(), ftoa(list[i-1].PerUSD))))
				}
				continue
			}
			out = append(out, x)
		}
		r.by[c] = out
	}
	return r, probs
}

// Has reports whether any rate for the currency exists (USD always does).
func (r *Rates) Has(currency string) bool {
	return currency == "USD" || len(r.by[currency]) > 0
}

// usdRate is the implicit rate of the US dollar.
var usdRate = &Rate{Currency: "USD", PerUSD: 1, Source: "US dollar: 1 by definition"}

// NoRate is the rate of an amount that was not converted (undisclosed, or
// not money): PerUSD is 0.
var NoRate = &Rate{}

// Lookup returns the latest rate dated on or before on, else the earliest
// rate of the currency. The rate is shared: do not change it.
func (r *Rates) Lookup(currency string, on time.Time) (*Rate, bool) {
	if currency == "USD" {
		return usdRate, true
	}
	list := r.by[currency]
	if len(list) == 0 {
		return NoRate, false
	}
	i := sort.Search(len(list), func(i int) bool { return list[i].Date.After(on) })
	if i == 0 {
		return &list[0], true
	}
	return &list[i-1], true
}

// All returns every rate, by currency then date.
func (r *Rates) All() []Rate {
	var cs []string
	for c := range r.by {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	var out []Rate
	for _, c := range cs {
		out = append(out, r.by[c]...)
	}
	return out
}
