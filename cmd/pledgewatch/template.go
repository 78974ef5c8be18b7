package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"pledgewatch/analysis/sheets"
)

// template writes a blank inputs workbook to start one's own files from.
// It never replaces a file.
func (c *config) template(args []string) error {
	fl := flag.NewFlagSet("pledgewatch template", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	out := fl.String("out", "pledgewatch-template.xlsx", "file to write, or - for standard output; an existing file is never replaced")
	fl.Usage = func() {
		fmt.Fprint(c.stderr, "Usage: pledgewatch template [--out FILE]\n\nWrites a blank inputs workbook: every sheet and column, a note on each header,\ndropdowns for the closed lists, and one example row per sheet.\n\nFlags:\n")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{err.Error()}
	}
	if fl.NArg() > 0 {
		return &usageError{fmt.Sprintf("unexpected argument %q", fl.Arg(0))}
	}
	var buf bytes.Buffer
	if err := sheets.WriteTemplate(&buf); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	if *out == "-" {
		if _, err := c.stdout.Write(buf.Bytes()); err != nil {
			return fmt.Errorf("template: write to standard output: %w", err)
		}
		return nil
	}
	f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("template: %s already exists; give another name with --out, or move the file away first", *out)
	}
	if err != nil {
		return fmt.Errorf("template: %w", err)
	}
	_, err = f.Write(buf.Bytes())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(*out)
		return fmt.Errorf("template: %w", err)
	}
	fmt.Fprintf(c.stdout, "wrote %s: fill in its sheets and put it in your inputs folder. Its example rows come from the default dataset: replace or delete them, or they count with your own.\n", *out)
	return nil
}
