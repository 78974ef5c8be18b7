//go:build !linux && !darwin

package store

// exchange puts folder tmp at final. Windows has no call that swaps two
// folders (MoveFileEx replaces files only), so the previous report is
// moved aside and back if need be: see exchangeAside for what a crash
// leaves and how the next run recovers it.
func exchange(tmp, final, aside string) error {
	return exchangeAside(tmp, final, aside)
}
