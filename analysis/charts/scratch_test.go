package charts

import (
	"bytes"
	"reflect"
	"sync"
	"testing"
)

// TestScratchLetGo draws every file of the sample report's charts at
// once, as the command does: each is the same drawn in scratch memory
// reused from chart to chart as drawn on fresh memory, and after the last
// file no slot holds scratch memory any more.
func TestScratchLetGo(t *testing.T) {
	pics, err := Render(sampleReport(), Options{Font: cjkFont(t)})
	if err != nil {
		t.Fatal(err)
	}
	pool := pics[0].pool
	type result struct {
		name string
		got  []byte
	}
	results := make(chan result, 2*len(pics))
	var wg sync.WaitGroup
	for _, p := range pics {
		for _, f := range p.Files()[1:] {
			wg.Go(func() {
				got, err := f.Draw()
				if err != nil {
					t.Error(err)
				}
				results <- result{name: f.Name, got: got}
			})
		}
	}
	wg.Wait()
	close(results)
	fresh := map[string][]byte{}
	for _, p := range pics {
		p.pool = nil
		for _, f := range p.Files() {
			data, err := f.Draw()
			if err != nil {
				t.Fatal(err)
			}
			fresh[f.Name] = data
		}
	}
	n := 0
	for r := range results {
		n++
		if !bytes.Equal(r.got, fresh[r.name]) {
			t.Errorf("%s drawn in scratch memory differs from %s drawn on fresh memory", r.name, r.name)
		}
	}
	if n != 2*len(pics) {
		t.Fatalf("%d files drawn, want %d", n, 2*len(pics))
	}
	if got := pool.pending.Load(); got != 0 {
		t.Errorf("%d files still pending after all were drawn", got)
	}
	for range cap(pool.free) {
		s := <-pool.free
		if !reflect.ValueOf(*s).IsZero() {
			t.Errorf("a slot still holds scratch memory after the last file was drawn")
		}
	}
}
