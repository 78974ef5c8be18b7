package workbook

import (
	"archive/zip"
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// writeZip saves f as a zip on w with stable bytes. excelize writes its
// parts in map order, so it saves into a zip in a temporary file first (a
// million-row Pledges sheet compresses to well over a hundred megabytes),
// and that zip is copied to w with its parts in name order, still
// compressed. Parts carry no timestamps. Parts named in fix get the
// relationship prefix normalised on the way, and those named in tails
// their tail added before the closing tag of the worksheet.
func writeZip(w io.Writer, f *excelize.File, fix map[string]bool, tails map[string][]byte) (err error) {
	tmp, err := os.CreateTemp("", "pledgewatch-book-*.zip")
	if err != nil {
		return err
	}
	defer func() {
		tmp.Close()
		os.Remove(tmp.Name())
	}()
	bw := bufio.NewWriterSize(tmp, 1<<20)
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newZipWriter(bw) })
	// excelize saves into a buffer of its own and then copies it to w; its
	// zip writer writes to the temporary file instead, so that buffer stays
	// empty.
	if _, err := f.WriteTo(io.Discard); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	size, err := tmp.Seek(0, io.SeekCurrent)
	if err != nil {
		return err
	}
	return sortedCopy(w, tmp, size, fix, tails)
}

// newZipWriter returns a zip writer on w that deflates with klauspost's
// flate at its fastest level: on the XML of a million-row Pledges sheet
// about three times as fast as compress/flate's fastest level, to the
// same size, and faster than that level run in pieces on two cores.
func newZipWriter(w io.Writer) *zip.Writer {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, newFlateWriter)
	return zw
}

// sortedCopy copies the zip of the given size in r to w with its parts
// sorted by name. Parts are copied as they are compressed, except those
// named in fix or tails: they are unpacked, their relationship prefix
// normalised, their tail added and compressed again.
func sortedCopy(w io.Writer, r io.ReaderAt, size int64, fix map[string]bool, tails map[string][]byte) error {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return err
	}
	parts := slices.Clone(zr.File)
	slices.SortStableFunc(parts, func(a, b *zip.File) int { return cmp.Compare(a.Name, b.Name) })
	zw := newZipWriter(w)
	for _, p := range parts {
		if fix[p.Name] || tails[p.Name] != nil {
			err = copyFixed(zw, p, tails[p.Name])
		} else {
			err = copyRaw(zw, p)
		}
		if err != nil {
			return err
		}
	}
	return zw.Close()
}

// copyRaw copies part p into zw without unpacking it, under a header that
// holds only its name, method, checksum and sizes.
func copyRaw(zw *zip.Writer, p *zip.File) error {
	out, err := zw.CreateRaw(&zip.FileHeader{Name: p.Name, Method: p.Method, CRC32: p.CRC32,
		CompressedSize64: p.CompressedSize64, UncompressedSize64: p.UncompressedSize64})
	if err != nil {
		return err
	}
	in, err := p.OpenRaw()
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	return err
}

// copyFixed copies part p into zw with the relationship prefix that
// excelize writes on streamed sheets whose tables were declared before
// streaming replaced by the usual "r:", and tail, if any, added as the
// worksheet's last element.
func copyFixed(zw *zip.Writer, p *zip.File, tail []byte) error {
	in, err := p.Open()
	if err != nil {
		return err
	}
	content, err := io.ReadAll(in)
	in.Close()
	if err != nil {
		return err
	}
	out, err := zw.CreateHeader(&zip.FileHeader{Name: p.Name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	content = bytes.ReplaceAll(content, longRelPrefix, shortRelPrefix)
	if len(tail) > 0 {
		end := bytes.LastIndex(content, worksheetEnd)
		if end < 0 {
			return fmt.Errorf("%s: no %s to add to", p.Name, worksheetEnd)
		}
		content = slices.Concat(content[:end], tail, content[end:])
	}
	_, err = out.Write(content)
	return err
}

var (
	worksheetEnd   = []byte(`</worksheet>`)
	longRelPrefix  = []byte(`xmlns:relationships="http://schemas.openxmlformats.org/officeDocument/2006/relationships" relationships:`)
	shortRelPrefix = []byte(`r:`)
)

// flatePool keeps flate writers between parts and workbooks: each holds
// tables worth keeping.
var flatePool sync.Pool

// pooledFlate is a flate writer that goes back to flatePool when closed.
type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	return err
}

// newFlateWriter is the zip compressor for deflated parts.
func newFlateWriter(w io.Writer) (io.WriteCloser, error) {
	if fw, ok := flatePool.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return pooledFlate{fw}, nil
	}
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	return pooledFlate{fw}, nil
}
