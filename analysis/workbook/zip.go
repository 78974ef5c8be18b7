package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"sort"

	"github.com/xuri/excelize/v2"
)

// sortedZip is the zip writer the workbook is saved through. It
// compresses each part as excelize hands it over, with flate's fastest
// level (a million-row sheet compresses about three times faster than at
// the default level, for a somewhat larger file), and writes the parts in
// name order when closed, so the same workbook always gives the same
// bytes. Parts named in fix get the relationship prefix normalised first.
type sortedZip struct {
	w       io.Writer
	fix     map[string]bool
	entries []*zipPart
	cur     *zipPart
	err     error
}

type zipPart struct {
	name  string
	comp  bytes.Buffer
	raw   *bytes.Buffer // parts to fix are kept whole, then compressed
	fw    *flate.Writer
	crc   hash.Hash32
	size  uint64
	fixed bool
}

var _ excelize.ZipWriter = (*sortedZip)(nil)

func newSortedZip(w io.Writer, fix map[string]bool) *sortedZip {
	return &sortedZip{w: w, fix: fix}
}

// Create starts a part.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	e := &zipPart{name: name, crc: crc32.NewIEEE(), fixed: z.fix[name]}
	if e.fixed {
		e.raw = &bytes.Buffer{}
	} else {
		fw, err := flate.NewWriter(&e.comp, flate.BestSpeed)
		if err != nil {
			return nil, err
		}
		e.fw = fw
	}
	z.entries = append(z.entries, e)
	z.cur = e
	return e, nil
}

// Write adds to the part being written.
func (e *zipPart) Write(p []byte) (int, error) {
	if e.raw != nil {
		return e.raw.Write(p)
	}
	e.crc.Write(p)
	e.size += uint64(len(p))
	return e.fw.Write(p)
}

// finish closes the part being written.
func (z *sortedZip) finish() error {
	e := z.cur
	if e == nil {
		return nil
	}
	z.cur = nil
	if e.raw != nil {
		content := bytes.ReplaceAll(e.raw.Bytes(), longRelPrefix, shortRelPrefix)
		e.raw = nil
		fw, err := flate.NewWriter(&e.comp, flate.BestSpeed)
		if err != nil {
			return err
		}
		e.fw = fw
		if _, err := e.Write(content); err != nil {
			return err
		}
	}
	return e.fw.Close()
}

// AddFS is not used by excelize when saving.
func (z *sortedZip) AddFS(fs.FS) error { return nil }

// Close writes every part, sorted by name, and the zip directory.
func (z *sortedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	sort.SliceStable(z.entries, func(i, j int) bool { return z.entries[i].name < z.entries[j].name })
	zw := zip.NewWriter(z.w)
	for _, e := range z.entries {
		out, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: e.crc.Sum32(),
			CompressedSize64: uint64(e.comp.Len()), UncompressedSize64: e.size})
		if err != nil {
			return err
		}
		if _, err := out.Write(e.comp.Bytes()); err != nil {
			return err
		}
		e.comp = bytes.Buffer{} // let it go as soon as it is written
	}
	return zw.Close()
}
