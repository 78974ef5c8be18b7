package main

import (
	"context"
	"io"
	"os"
)

// The stages of a run, in the order it enters them.
const (
	stageReading   = "reading inputs"
	stageComputing = "computing totals and trends"
	stageDrawing   = "drawing charts"
	stageWriting   = "writing the workbook and charts"
	stageWritten   = "workbook written" // the rest of the files may still be writing; the report is not yet in place
)

// stages lists the stages a successful run enters, in order.
var stages = []string{stageReading, stageComputing, stageDrawing, stageWriting, stageWritten}

// stageFileEnv names the environment variable that, when set, names a
// file the run appends each stage it enters to, one name a line. Only
// tests set it: unset, reporting a stage costs nothing.
const stageFileEnv = "PLEDGEWATCH_STAGE_FILE"

// stageFile is the file named by stageFileEnv, or "".
var stageFile = os.Getenv(stageFileEnv)

// stage reports that the run enters the named stage: on the progress
// line, and as a line appended to stageFile when that is set. When
// stageFile is a named pipe the run then waits, until the reader
// acknowledges by opening the pipe for writing and closing it, or until
// ctx is cancelled; a test thus holds a run at a known stage and can
// signal it there. Nothing more is reported once ctx is cancelled.
func (c *config) stage(ctx context.Context, name string) {
	c.prog.stage(name)
	if stageFile == "" || ctx.Err() != nil {
		return
	}
	f, err := os.OpenFile(stageFile, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return
	}
	_, _ = io.WriteString(f, name+"\n")
	f.Close()
	if info, err := os.Stat(stageFile); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		return
	}
	ack := make(chan struct{})
	go func() {
		// Left waiting when ctx ends first: the run is ending then.
		if f, err := os.Open(stageFile); err == nil {
			_, _ = io.Copy(io.Discard, f)
			f.Close()
		}
		close(ack)
	}()
	select {
	case <-ack:
	case <-ctx.Done():
	}
}
