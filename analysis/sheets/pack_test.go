package sheets

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// TestPackTexts reads sheets with the texts of each row packed into one
// string and copied one by one, on one goroutine and on two: records and
// problems must be the same.
func TestPackTexts(t *testing.T) {
	books := map[string][]byte{"split sheet": splitSheet(3000).Bytes(t), "pledges": pledgeWorkbook(t, 3000, 7)}
	read := func(data []byte, pack bool, split int64) *Reader {
		oldPack, oldSplit := packRowTexts, splitFrom
		packRowTexts, splitFrom = pack, split
		defer func() { packRowTexts, splitFrom = oldPack, oldSplit }()
		rd := &Reader{}
		if err := rd.ReadXLSX(bytes.NewReader(data), "in.xlsx"); err != nil {
			t.Fatal(err)
		}
		return rd
	}
	for name, data := range books {
		for _, split := range []int64{1, 1 << 62} {
			one, packed := read(data, false, split), read(data, true, split)
			if len(one.Inputs.Pledges) < 1000 {
				t.Fatalf("%s: %d pledges", name, len(one.Inputs.Pledges))
			}
			for i := range one.Inputs.Pledges {
				if i >= len(packed.Inputs.Pledges) || !reflect.DeepEqual(one.Inputs.Pledges[i], packed.Inputs.Pledges[i]) {
					t.Fatalf("%s: pledge %d differs:\n%+v\n%+v", name, i, one.Inputs.Pledges[i], packed.Inputs.Pledges[min(i, len(packed.Inputs.Pledges)-1)])
				}
			}
			if !reflect.DeepEqual(one.Inputs, packed.Inputs) {
				t.Fatalf("%s: inputs differ", name)
			}
			a, b := problemLines(&one.Problems), problemLines(&packed.Problems)
			if strings.Join(a, "\n") != strings.Join(b, "\n") {
				t.Errorf("%s: problems differ:\none by one:\n%s\npacked:\n%s", name, strings.Join(a, "\n"), strings.Join(b, "\n"))
			}
		}
	}
}
