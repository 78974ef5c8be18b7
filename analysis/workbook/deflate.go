package workbook

import (
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
)

// chunkSize is how much of a part is compressed as one piece.
const chunkSize = 1 << 20

// chunkedDeflate compresses a stream in pieces of chunkSize bytes on all
// cores and writes the pieces in order: each piece but the last ends in a
// sync flush, which ends its data on a byte boundary without ending the
// stream, so the pieces together are one valid deflate stream. Pieces
// start with no dictionary, which costs a little size; the bytes depend
// only on the input, never on timing. A part shorter than one piece gives
// exactly what a single flate writer gives.
type chunkedDeflate struct {
	w      io.Writer
	buf    []byte
	queue  chan *deflateJob // pieces in order, to the writing loop
	done   chan error
	failed atomic.Bool // the writing loop met an error: stop compressing
	closed bool
	err    error
}

// errDeflateClosed is the error of a write after Close.
var errDeflateClosed = errors.New("write to a closed deflate stream")

type deflateJob struct {
	raw   []byte
	out   bytes.Buffer
	err   error
	last  bool
	ready chan struct{}
}

var (
	flatePool = sync.Pool{New: func() any {
		fw, _ := flate.NewWriter(nil, flate.BestSpeed)
		return fw
	}}
	chunkPool = sync.Pool{New: func() any { b := make([]byte, 0, chunkSize); return &b }}
)

func newChunkedDeflate(w io.Writer) *chunkedDeflate {
	return &chunkedDeflate{w: w, buf: getChunk()}
}

func (d *chunkedDeflate) Write(p []byte) (int, error) {
	if d.closed {
		return 0, errDeflateClosed
	}
	n := len(p)
	for len(p) > 0 {
		if d.err == nil && d.failed.Load() {
			d.err = d.finish()
		}
		if d.err != nil {
			return 0, d.err
		}
		k := copy(d.buf[len(d.buf):cap(d.buf)], p)
		d.buf = d.buf[:len(d.buf)+k]
		p = p[k:]
		if len(d.buf) == cap(d.buf) && len(p) > 0 {
			d.submit(false)
		}
	}
	return n, d.err
}

// submit hands the filled piece to a compressing goroutine; the queue's
// capacity bounds the pieces in memory.
func (d *chunkedDeflate) submit(last bool) {
	if d.queue == nil {
		if last {
			// One piece only: compress it here.
			d.err = compressPiece(d.w, d.buf, true)
			putChunk(d.buf)
			d.buf = nil
			return
		}
		d.queue = make(chan *deflateJob, 2*runtime.GOMAXPROCS(0))
		d.done = make(chan error, 1)
		go d.writeLoop()
	}
	j := &deflateJob{raw: d.buf, last: last, ready: make(chan struct{})}
	d.queue <- j
	go func() {
		j.err = compressPiece(&j.out, j.raw, j.last)
		putChunk(j.raw)
		j.raw = nil
		close(j.ready)
	}()
	if last {
		d.buf = nil
	} else {
		d.buf = getChunk()
	}
}

// writeLoop writes the compressed pieces in order.
func (d *chunkedDeflate) writeLoop() {
	var err error
	for j := range d.queue {
		<-j.ready
		if err == nil {
			err = j.err
		}
		if err == nil {
			_, err = d.w.Write(j.out.Bytes())
		}
		if err != nil {
			d.failed.Store(true)
		}
	}
	d.done <- err
}

// finish ends the writing loop after it failed and returns its error.
func (d *chunkedDeflate) finish() error {
	close(d.queue)
	d.queue = nil
	putChunk(d.buf)
	d.buf = nil
	return <-d.done
}

// Close compresses what is left, ends the stream and waits for every
// piece to be written.
func (d *chunkedDeflate) Close() error {
	if d.closed || d.buf == nil {
		d.closed = true
		return d.err
	}
	d.closed = true
	d.submit(true)
	if d.queue != nil {
		close(d.queue)
		if err := <-d.done; err != nil && d.err == nil {
			d.err = err
		}
	}
	return d.err
}

// compressPiece writes p to w as deflate data: ended with a sync flush, or
// with the end of the stream when last.
func compressPiece(w io.Writer, p []byte, last bool) error {
	fw := flatePool.Get().(*flate.Writer)
	defer flatePool.Put(fw)
	fw.Reset(w)
	if _, err := fw.Write(p); err != nil {
		return err
	}
	if last {
		return fw.Close()
	}
	return fw.Flush()
}

// getChunk takes an empty piece buffer from the pool. The pool holds
// pointers to slices, so that putting one back allocates nothing.
func getChunk() []byte { return (*chunkPool.Get().(*[]byte))[:0] }

// putChunk gives a piece buffer back to the pool.
func putChunk(b []byte) {
	if b == nil {
		return
	}
	b = b[:0]
	chunkPool.Put(&b)
}
