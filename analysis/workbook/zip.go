package workbook

import (
	"archive/zip"
	"bytes"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
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
}

type zipPart struct {
	name  string
	comp  spillBuffer
	raw   *bytes.Buffer // parts to fix are kept whole, then compressed
	fw    io.WriteCloser
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
		e.fw = newChunkedDeflate(&e.comp)
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
		e.fw = newChunkedDeflate(&e.comp)
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
	defer func() {
		for _, e := range z.entries {
			e.comp.release()
		}
	}()
	if err := z.finish(); err != nil {
		return err
	}
	sort.SliceStable(z.entries, func(i, j int) bool { return z.entries[i].name < z.entries[j].name })
	zw := zip.NewWriter(z.w)
	for _, e := range z.entries {
		out, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: e.crc.Sum32(),
			CompressedSize64: uint64(e.comp.size), UncompressedSize64: e.size})
		if err != nil {
			return err
		}
		if err := e.comp.copyTo(out); err != nil {
			return err
		}
	}
	return zw.Close()
}

// spillLimit is the compressed size above which a part moves from memory
// to a temporary file: the Pledges sheet of a million rows compresses to
// well over a hundred megabytes.
const spillLimit = 8 << 20

// spillBuffer holds a compressed part in memory, or in a temporary file
// once it grows past spillLimit.
type spillBuffer struct {
	mem  bytes.Buffer
	file *os.File
	size int64
}

func (b *spillBuffer) Write(p []byte) (int, error) {
	b.size += int64(len(p))
	if b.file == nil && b.mem.Len()+len(p) > spillLimit {
		f, err := os.CreateTemp("", "pledgewatch-part-*")
		if err != nil {
			return 0, err
		}
		b.file = f
		if _, err := f.Write(b.mem.Bytes()); err != nil {
			return 0, err
		}
		b.mem = bytes.Buffer{}
	}
	if b.file != nil {
		return b.file.Write(p)
	}
	return b.mem.Write(p)
}

// copyTo writes the held bytes to w and lets them go.
func (b *spillBuffer) copyTo(w io.Writer) error {
	if b.file == nil {
		_, err := w.Write(b.mem.Bytes())
		b.mem = bytes.Buffer{}
		return err
	}
	if _, err := b.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, b.file)
	b.release()
	return err
}

// release removes the temporary file, if any.
func (b *spillBuffer) release() {
	if b.file != nil {
		b.file.Close()
		os.Remove(b.file.Name())
		b.file = nil
	}
}
