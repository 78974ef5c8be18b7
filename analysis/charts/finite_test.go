package charts

import (
	"math"
	"strings"
	"testing"
)

// TestDrawRefusesNonFinite checks the guard at the door: a value that is
// not a finite number is an error, never handed to the rasteriser.
func TestDrawRefusesNonFinite(t *testing.T) {
	for _, v := range []float64{math.Inf(1), math.Inf(-1), math.NaN()} {
		s := &spec{name: "capex", title: "t"}
		s.scale, s.bars = 1e9, []bar{{label: "Alibaba", value: 5e9}, {label: "Tencent", value: v}}
		_, err := newDrawer(DefaultWidth, DefaultHeight, nil).draw(s)
		if err == nil || !strings.Contains(err.Error(), `chart capex: the value of "Tencent" is not a finite number`) {
			t.Errorf("value %v: error %v; want the value refused", v, err)
		}
	}
}
