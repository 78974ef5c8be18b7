// Package extract finds the figures in news articles and sets them
// against the inputs: every amount of money, percentage, count, rank,
// share price and target year, with the text it was read from, its
// sentence and the article's date, marked as already in the inputs, as
// differing from a row there, or as new.
//
// It is pure: Decode turns an article file's bytes into text, Figures
// reads the figures of one article, and Match sets them against
// analysis.Inputs. Amounts are read by analysis.ParseAmount, with the
// currency, scale and qualifier words of package analysis; nothing here
// keeps a list of its own of those. Every figure keeps the substring of
// the article it came from, and nothing is guessed: a sentence that
// names no investor gives a row with the investor empty.
package extract
