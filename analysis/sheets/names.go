package sheets

// Columns returns the canonical column names of the table a sheet name
// stands for (Pledges, Metrics, FX, ...), in the contract's order, or nil
// for a sheet that is no table of the contract.
func Columns(sheet string) []string {
	if s := specForSheet(sheet); s != nil {
		return s.names()
	}
	return nil
}
