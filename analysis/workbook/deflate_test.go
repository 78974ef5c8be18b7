package workbook

import (
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestChunkedDeflate checks that the pieces make one deflate stream that
// unpacks to the input, for sizes around the piece boundary and with
// writes of every size, and that the bytes do not depend on how the input
// was split into writes.
func TestChunkedDeflate(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var sample bytes.Buffer
	for sample.Len() < 5*chunkSize+100 {
		sample.WriteString(`<row r="` + strconv.Itoa(rng.IntN(1e6)) + `"><c r="A1" t="inlineStr"><is><t>Investor ` + strconv.Itoa(rng.IntN(5000)) + `</t></is></c></row>`)
	}
	for _, n := range []int{0, 1, 1000, chunkSize - 1, chunkSize, chunkSize + 1, 3*chunkSize + 7, 5 * chunkSize} {
		in := sample.Bytes()[:n]
		var ref []byte
		for _, step := range []int{1 << 16, 4093, chunkSize + 3} {
			var out bytes.Buffer
			d := newChunkedDeflate(&out)
			for p := in; len(p) > 0; {
				k := min(step, len(p))
				if _, err := d.Write(p[:k]); err != nil {
					t.Fatal(err)
				}
				p = p[k:]
			}
			if err := d.Close(); err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(flate.NewReader(bytes.NewReader(out.Bytes())))
			if err != nil {
				t.Fatalf("%d bytes in writes of %d: unpack: %v", n, step, err)
			}
			if !bytes.Equal(got, in) {
				t.Fatalf("%d bytes in writes of %d: unpacked %d bytes that differ", n, step, len(got))
			}
			if ref == nil {
				ref = out.Bytes()
			} else if !bytes.Equal(ref, out.Bytes()) {
				t.Errorf("%d bytes: output depends on the size of the writes", n)
			}
		}
		if n <= chunkSize {
			// One piece: exactly what one flate writer gives.
			var one bytes.Buffer
			fw, _ := flate.NewWriter(&one, flate.BestSpeed)
			fw.Write(in)
			fw.Close()
			if !bytes.Equal(one.Bytes(), ref) {
				t.Errorf("%d bytes: one piece differs from a plain flate stream", n)
			}
		}
	}
}

type failingWriter struct{ left int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.left {
		return 0, errors.New("disk full")
	}
	w.left -= len(p)
	return len(p), nil
}

// TestChunkedDeflateErrors: a failing destination stops the writes with
// its error, and a write after Close is an error, not a second stream.
func TestChunkedDeflateErrors(t *testing.T) {
	d := newChunkedDeflate(&failingWriter{left: 1000})
	piece := bytes.Repeat([]byte("<row r=\"1\"><c r=\"A1\"><v>45712</v></c></row>"), chunkSize/40)
	var err error
	for i := 0; i < 200 && err == nil; i++ {
		_, err = d.Write(piece)
	}
	if err == nil || err.Error() != "disk full" {
		t.Fatalf("writes after the destination failed: %v, want disk full", err)
	}
	if err := d.Close(); err == nil || err.Error() != "disk full" {
		t.Errorf("Close = %v, want disk full", err)
	}

	var out bytes.Buffer
	d = newChunkedDeflate(&out)
	d.Write(piece)
	d.Write(piece)
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Write(piece); !errors.Is(err, errDeflateClosed) {
		t.Errorf("write after Close = %v, want %v", err, errDeflateClosed)
	}
	if err := d.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
}
