package sheets

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// TestBig writes a workbook of $SHEETS_BIG pledge rows (up to 1,048,575)
// to a file, reads it back from the file and reports the time and memory
// it took. The heap in use after reading is almost all the records
// themselves.
func TestBig(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("SHEETS_BIG"))
	if n == 0 {
		t.Skip("set SHEETS_BIG to a number of pledge rows")
	}
	path := filepath.Join(t.TempDir(), "pledges.xlsx")
	if err := os.WriteFile(path, pledgeWorkbook(t, n, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	var rd Reader
	if err := rd.ReadXLSX(f, "pledges.xlsx"); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if len(rd.Inputs.Pledges) != n || rd.Problems.HasErrors() {
		t.Fatalf("%d pledges, %v", len(rd.Inputs.Pledges), rd.Problems.Err())
	}
	t.Logf("%d pledges: %.1f s (%d ns/row), %d MB allocated, heap in use %d MB after reading",
		n, took.Seconds(), took.Nanoseconds()/int64(n), (ms.TotalAlloc-before.TotalAlloc)>>20, ms.HeapInuse>>20)
}
