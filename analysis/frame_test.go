package analysis

import (
	"strings"
	"testing"
)

func TestRankGroups(t *testing.T) {
	gs := []Group{
		{Key: "Zhang", Total: 0, Count: 1},
		{Key: "Alibaba Group", Total: 53e9, Count: 1},
		{Key: "HK", Total: 1.6e9, Count: 2},
		{Key: "Fund B", Total: 0.15e9, Count: 1},
		{Key: "Fund A", Total: 0.15e9, Count: 1},
		{Key: "Fund C", Total: 0.15e9, Count: 3},
	}
	var got []string
	for _, g := range rankGroups(gs) {
		got = append(got, g.Key)
	}
	want := "Alibaba Group,HK,Fund C,Fund A,Fund B,Zhang"
	if strings.Join(got, ",") != want {
		t.Errorf("rank = %s, want %s", strings.Join(got, ","), want)
	}
}

func TestOrderSeries(t *testing.T) {
	got := orderSeries([]string{"b", "a", "a", "a"}, []string{"x", "y", "x", "x"}, []string{"USD", "USD", "USD", "%"})
	want := []int{3, 2, 1, 0}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order = %v, want %v", got, want)
		}
	}
}
