package analysis

import (
	"maps"
	"testing"
)

func TestLocalGroupNames(t *testing.T) {
	es := []Entity{
		{Name: "Alibaba Group", Short: "Alibaba", ShortHant: "阿里巴巴", ShortHans: "阿里巴巴"},
		{Name: "Alibaba Cloud", Group: "Alibaba Group", ShortHant: "阿里雲"}, // a member's name serves only when the group's row gives none
		{Name: "Tencent Holdings", ShortHans: "腾讯"},
		{Name: "Huawei", ShortHans: "腾讯"},              // the same name for two groups: neither is shown by it
		{Name: "Baidu", ShortHant: "Tencent Holdings"}, // another group's name: left out
		{Name: "SenseTime"},
	}
	probs := &Problems{}
	r := &Report{entities: newEntityIndex(es, probs)}
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	if got, want := r.LocalGroupNames(true), map[string]string{"Alibaba": "阿里巴巴"}; !maps.Equal(got, want) {
		t.Errorf("zh-Hant names = %v, want %v", got, want)
	}
	if got, want := r.LocalGroupNames(false), map[string]string{"Alibaba": "阿里巴巴"}; !maps.Equal(got, want) {
		t.Errorf("zh-Hans names = %v, want %v", got, want)
	}
	if got := (&Report{}).LocalGroupNames(true); len(got) != 0 {
		t.Errorf("no Entities sheet: %v", got)
	}
}
