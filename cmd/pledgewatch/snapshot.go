package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"sort"

	"pledgewatch/analysis"
)

// snapshotName is the file, beside the workbook, that keeps what the next
// month's report compares against.
func snapshotName(month string) string { return "pledgewatch-" + month + ".json.gz" }

// encodeSnapshot writes the report's snapshot to w as gzipped JSON, one
// entry (and line) at a time, so that a million pledges are never held
// twice. The result decodes as an analysis.Snapshot. The gzip header
// carries no time, so equal snapshots give equal bytes; the fastest
// compression level keeps a million-row snapshot to seconds.
func encodeSnapshot(w io.Writer, r *analysis.Report, month string) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestSpeed)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(zw, 64<<10)
	head, err := json.Marshal(r.SnapshotHead(month))
	if err != nil {
		return err
	}
	// head ends in `"pledges":null,"metrics":null}`: write it without those
	// and stream the two lists after it.
	tail := []byte(`,"pledges":null,"metrics":null}`)
	if !bytes.HasSuffix(head, tail) {
		return fmt.Errorf("snapshot head %q does not end in its entry lists", head)
	}
	bw.Write(head[:len(head)-len(tail)])
	enc := json.NewEncoder(bw)
	for _, list := range []struct {
		name    string
		entries iter.Seq[analysis.SnapshotEntry]
	}{{"pledges", r.PledgeEntries()}, {"metrics", r.MetricEntries()}} {
		fmt.Fprintf(bw, ",%q:[\n", list.name)
		sep := false
		for e := range list.entries {
			if sep {
				bw.WriteByte(',')
			}
			if err := enc.Encode(e); err != nil {
				return err
			}
			sep = true
		}
		bw.WriteString("]")
	}
	bw.WriteString("}\n")
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func decodeSnapshot(path string) (analysis.Snapshot, error) {
	var s analysis.Snapshot
	f, err := os.Open(path)
	if err != nil {
		return s, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return s, err
	}
	err = json.NewDecoder(zr).Decode(&s)
	return s, err
}

// earlierSnapshots reads the snapshots of every report in the output
// folder for a month before c.Month, oldest first. A snapshot that cannot
// be read is skipped with a warning in the log.
func (c *config) earlierSnapshots() []analysis.Snapshot {
	entries, err := os.ReadDir(c.Out)
	if err != nil {
		return nil
	}
	var months []string
	for _, e := range entries {
		if e.IsDir() && monthRE.MatchString(e.Name()) && e.Name() < c.Month {
			months = append(months, e.Name())
		}
	}
	sort.Strings(months)
	var out []analysis.Snapshot
	for _, m := range months {
		p := filepath.Join(c.Out, m, snapshotName(m))
		s, err := decodeSnapshot(p)
		if err != nil {
			if !isNotExist(err) {
				c.log.Warn("earlier report skipped", "file", p, "err", fmt.Sprint(err))
			}
			continue
		}
		s.Month = m
		if len(out) > 0 { // only the latest earlier report is compared entry by entry
			out[len(out)-1].Pledges, out[len(out)-1].Metrics = nil, nil
		}
		out = append(out, s)
	}
	return out
}

// compareWithEarlier fills r.Changes and r.History from the earlier
// reports. Of the earlier snapshots only the latest keeps its entries.
func (c *config) compareWithEarlier(r *analysis.Report) {
	earlier := c.earlierSnapshots()
	ch := analysis.Changes{}
	if len(earlier) > 0 {
		ch = analysis.CompareReport(earlier[len(earlier)-1], r, c.Month)
	}
	r.Changes = &ch
	r.History = analysis.History(earlier, r.SnapshotHead(c.Month))
	r.PrependChanges()
}
