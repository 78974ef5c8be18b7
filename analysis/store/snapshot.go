package store

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"pledgewatch/analysis"
)

// SnapshotName is the file, in a month's folder beside the workbook, that
// keeps what the next month's report compares against.
func SnapshotName(month string) string { return "pledgewatch-" + month + ".json.gz" }

// EncodeSnapshot writes the report's snapshot for month to w as gzipped
// JSON that decodes as the analysis.Snapshot r.Snapshot(month) returns.
// The snapshot's fields are written one after another in their order,
// each as encoding/json writes it, but for the lists of entries, which
// are written an entry (and a line) at a time, so that a million pledges
// are never held twice. The gzip header carries no time, so equal
// snapshots give equal bytes; the fastest compression level keeps a
// million-row snapshot to seconds.
func EncodeSnapshot(w io.Writer, r *analysis.Report, month string) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestSpeed)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(zw, bufferSize)
	lists := map[string]iter.Seq[analysis.SnapshotEntry]{
		"Pledges": r.PledgeEntries(),
		"Metrics": r.MetricEntries(),
	}
	if err := encodeFields(bw, r.SnapshotHead(month), lists); err != nil {
		return err
	}
	bw.WriteString("\n")
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// entryList is the type of the snapshot's lists of entries.
var entryList = reflect.TypeFor[[]analysis.SnapshotEntry]()

// encodeFields writes head as a JSON object, field by field in the order
// of the struct, under the names of their json tags. A field that is a
// list of entries is written from its sequence in lists instead, one
// entry a line. A field with tag options this writer does not apply, or a
// list with no sequence, is an error rather than a snapshot that decodes
// differently.
func encodeFields(w *bufio.Writer, head analysis.Snapshot, lists map[string]iter.Seq[analysis.SnapshotEntry]) error {
	v := reflect.ValueOf(head)
	enc := json.NewEncoder(w)
	w.WriteByte('{')
	sep := false
	for i := range v.NumField() {
		f := v.Type().Field(i)
		tag := f.Tag.Get("json")
		if !f.IsExported() || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if opts != "" {
			return fmt.Errorf("snapshot field %s: json tag options %q are not written", f.Name, opts)
		}
		if name == "" {
			name = f.Name
		}
		if sep {
			w.WriteByte(',')
		}
		sep = true
		key, _ := json.Marshal(name)
		w.Write(key)
		w.WriteByte(':')
		if f.Type == entryList {
			entries, ok := lists[f.Name]
			if !ok {
				return fmt.Errorf("snapshot field %s: no entries to write", f.Name)
			}
			if err := encodeList(w, enc, entries); err != nil {
				return err
			}
			continue
		}
		data, err := json.Marshal(v.Field(i).Interface())
		if err != nil {
			return fmt.Errorf("snapshot field %s: %w", f.Name, err)
		}
		w.Write(data)
	}
	w.WriteByte('}')
	return nil
}

// encodeList writes entries as a JSON array, an entry a line.
func encodeList(w *bufio.Writer, enc *json.Encoder, entries iter.Seq[analysis.SnapshotEntry]) error {
	w.WriteString("[\n")
	sep := false
	var buf []byte
	for e := range entries {
		if sep {
			w.WriteByte(',')
		}
		sep = true
		if !entryAppendable(e) {
			if err := enc.Encode(e); err != nil {
				return err
			}
			continue
		}
		buf = appendEntry(buf[:0], e)
		w.Write(buf)
	}
	w.WriteByte(']')
	return nil
}

// DecodeSnapshot reads a snapshot written by EncodeSnapshot.
func DecodeSnapshot(r io.Reader) (analysis.Snapshot, error) {
	var s analysis.Snapshot
	zr, err := gzip.NewReader(r)
	if err != nil {
		return s, err
	}
	err = json.NewDecoder(zr).Decode(&s)
	return s, err
}

// readSnapshot reads the snapshot file at path.
func readSnapshot(path string) (analysis.Snapshot, error) {
	f, err := os.Open(path)
	if err != nil {
		return analysis.Snapshot{}, err
	}
	defer f.Close()
	return DecodeSnapshot(f)
}

// Earlier reads the snapshots of the reports in Dir for the months before
// month, oldest first. Only the latest keeps its entries; the others give
// their headline totals. A month folder without a snapshot is passed
// over; a snapshot that cannot be read is passed over and handed to
// skipped, when not nil, with its path.
func (s Store) Earlier(month string, skipped func(path string, err error)) []analysis.Snapshot {
	entries, err := os.ReadDir(s.Dir)
	if err != nil {
		return nil
	}
	var months []string
	for _, e := range entries {
		if e.IsDir() && IsMonth(e.Name()) && e.Name() < month {
			months = append(months, e.Name())
		}
	}
	sort.Strings(months)
	var out []analysis.Snapshot
	for _, m := range months {
		p := filepath.Join(s.Dir, m, SnapshotName(m))
		snap, err := readSnapshot(p)
		if err != nil {
			if !isNotExist(err) && skipped != nil {
				skipped(p, err)
			}
			continue
		}
		snap.Month = m
		if len(out) > 0 { // only the latest earlier report is compared entry by entry
			out[len(out)-1].Pledges, out[len(out)-1].Metrics = nil, nil
		}
		out = append(out, snap)
	}
	return out
}
