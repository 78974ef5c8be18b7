package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"pledgewatch/analysis"
)

// snapshotName is the file, beside the workbook, that keeps what the next
// month's report compares against.
func snapshotName(month string) string { return "pledgewatch-" + month + ".json.gz" }

// encodeSnapshot renders a snapshot as gzipped JSON. The gzip header
// carries no time, so equal snapshots give equal bytes.
func encodeSnapshot(s analysis.Snapshot) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if err := json.NewEncoder(zw).Encode(s); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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
		out = append(out, s)
	}
	return out
}

// compareWithEarlier fills r.Changes and r.History from the earlier
// reports, and returns this month's snapshot.
func (c *config) compareWithEarlier(r *analysis.Report) analysis.Snapshot {
	cur := r.Snapshot(c.Month)
	earlier := c.earlierSnapshots()
	ch := analysis.Changes{}
	if len(earlier) > 0 {
		ch = analysis.Compare(earlier[len(earlier)-1], cur)
	}
	r.Changes = &ch
	r.History = analysis.History(earlier, cur)
	return cur
}
