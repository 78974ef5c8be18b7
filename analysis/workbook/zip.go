package workbook

import (
	"archive/zip"
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"hash/crc32"
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
// compressed. Parts carry no timestamps. Parts named in edits are
// unpacked and edited on the way (see partEdit).
func writeZip(w io.Writer, f *excelize.File, edits map[string]partEdit) (err error) {
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
	return sortedCopy(w, tmp, size, edits)
}

// partEdit is what is changed in a worksheet part on its way into the
// saved zip.
type partEdit struct {
	// fix replaces the relationship prefix excelize writes on streamed
	// sheets whose tables were declared before streaming with the usual
	// "r:".
	fix bool
	// tail is added as the worksheet's last element.
	tail []byte
	// rows are added at the end of the sheet's data.
	rows *rowWriter
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
// named in edits: they are unpacked, edited and compressed again.
func sortedCopy(w io.Writer, r io.ReaderAt, size int64, edits map[string]partEdit) error {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return err
	}
	parts := slices.Clone(zr.File)
	slices.SortStableFunc(parts, func(a, b *zip.File) int { return cmp.Compare(a.Name, b.Name) })
	zw := newZipWriter(w)
	for _, p := range parts {
		if e, ok := edits[p.Name]; ok {
			err = copyEdited(zw, p, e)
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

// copyEdited copies part p into zw edited as e says.
func copyEdited(zw *zip.Writer, p *zip.File, e partEdit) error {
	in, err := p.Open()
	if err != nil {
		return err
	}
	content, err := io.ReadAll(in)
	in.Close()
	if err != nil {
		return err
	}
	if e.fix {
		content = bytes.ReplaceAll(content, longRelPrefix, shortRelPrefix)
	}
	if len(e.tail) > 0 {
		end := bytes.LastIndex(content, worksheetEnd)
		if end < 0 {
			return fmt.Errorf("%s: no %s to add to", p.Name, worksheetEnd)
		}
		content = slices.Concat(content[:end], e.tail, content[end:])
	}
	if e.rows != nil {
		return copySpliced(zw, p.Name, content, e.rows)
	}
	out, err := zw.CreateHeader(&zip.FileHeader{Name: p.Name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	_, err = out.Write(content)
	return err
}

// copySpliced writes the worksheet part name into zw from its content
// with rows added at the end of its data. The rows are compressed
// already: the content before them is compressed and flushed, so that
// the rows' compressed data can follow it in one deflate stream, and the
// content after them ends the stream; the checksums of the three pieces
// are combined into the part's.
func copySpliced(zw *zip.Writer, name string, content []byte, rows *rowWriter) error {
	end := bytes.Index(content, sheetDataEnd)
	if end < 0 {
		return fmt.Errorf("%s: no %s to add rows to", name, sheetDataEnd)
	}
	if err := rows.finish(); err != nil {
		return err
	}
	head, tail := content[:end], content[end:]
	var zhead, ztail bytes.Buffer
	fw, err := newPooledFlate(&zhead)
	if err != nil {
		return err
	}
	_, err = fw.Write(head)
	if err == nil {
		err = fw.Flush()
	}
	if err == nil {
		fw.Reset(&ztail)
		_, err = fw.Write(tail)
	}
	if e := fw.Close(); err == nil {
		err = e
	}
	if err != nil {
		return err
	}
	crc := crc32Combine(crc32.ChecksumIEEE(head), rows.crc, rows.size)
	crc = crc32Combine(crc, crc32.ChecksumIEEE(tail), int64(len(tail)))
	out, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64:   uint64(zhead.Len()) + uint64(rows.sink.size) + uint64(ztail.Len()),
		UncompressedSize64: uint64(len(head)) + uint64(rows.size) + uint64(len(tail))})
	if err != nil {
		return err
	}
	if _, err := out.Write(zhead.Bytes()); err != nil {
		return err
	}
	if _, err := io.Copy(out, rows.sink.reader()); err != nil {
		return err
	}
	_, err = out.Write(ztail.Bytes())
	return err
}

var (
	worksheetEnd   = []byte(`</worksheet>`)
	sheetDataEnd   = []byte(`</sheetData>`)
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

// release returns the writer to flatePool without ending its stream.
func (p pooledFlate) release() {
	p.Writer.Reset(io.Discard)
	flatePool.Put(p.Writer)
}

// newFlateWriter is the zip compressor for deflated parts.
func newFlateWriter(w io.Writer) (io.WriteCloser, error) { return newPooledFlate(w) }

// newPooledFlate is a flate writer on w at the zip's level, from
// flatePool when it holds one.
func newPooledFlate(w io.Writer) (pooledFlate, error) {
	if fw, ok := flatePool.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return pooledFlate{fw}, nil
	}
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	if err != nil {
		return pooledFlate{}, err
	}
	return pooledFlate{fw}, nil
}
