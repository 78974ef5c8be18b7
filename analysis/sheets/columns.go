package sheets

import (
	"strings"
)

// table names, as in analysis.TableInfo.Table.
const (
	tablePledges     = "pledges"
	tableMetrics     = "metrics"
	tableFX          = "fx"
	tableEntities    = "entities"
	tableComparisons = "comparisons"
	tableProgress    = "progress"
	tableSectorNames = "sector_names"
)

// Field indexes of the pledges table, in the order of pledgeColumns.
const (
	pAnnounced = iota
	pInvestor
	pInvestorType
	pProgram
	pAmount
	pCurrency
	pUnit
	pQualifier
	pYears
	pStartYear
	pSectors
	pRegion
	pStatus
	pSource
	pURL
	pSourceDate
	pStatedUSD
	pNote
	pID
	pKind
	pPer
	pRelation
	pRelatedTo
	pDateBasis
)

// Field indexes of the metrics table.
const (
	mEntity = iota
	mMetric
	mPeriod
	mValue
	mUnit
	mBasis
	mQualifier
	mSource
	mURL
	mSourceDate
	mNote
)

// Field indexes of the FX table.
const (
	fCurrency = iota
	fPerUSD
	fDate
	fSource
	fNote
)

// Field indexes of the entities table.
const (
	eName = iota
	eAliases
	eGroup
	eShortName
	eType
	eRegion
	eNote
)

// Field indexes of the comparisons table.
const (
	cID = iota
	cLeft
	cHow
	cRight
	cLeftYears
	cRightYears
	cLabel
	cNote
)

// Field indexes of the progress table.
const (
	gPledgeID = iota
	gDate
	gStage
	gAmount
	gAmountBasis
	gCurrency
	gUnit
	gQualifier
	gSource
	gURL
	gNote
)

// Field indexes of the sector names table.
const (
	snName = iota
	snSector
	snNote
)

// tableSpec describes one table of the input contract: its sheet name
// (or CSV file name without .csv), its columns in field order and which
// of them are required.
type tableSpec struct {
	table    string // pledges, metrics, fx
	sheet    string // Pledges, Metrics, FX: the name users give the sheet
	columns  []string
	required []bool
	index    map[string]int // canonical name -> field
}

func newSpec(table, sheet string, columns []string, required ...int) *tableSpec {
	s := &tableSpec{table: table, sheet: sheet, columns: columns, required: make([]bool, len(columns)),
		index: make(map[string]int, len(columns))}
	for i, c := range columns {
		s.index[c] = i
	}
	for _, r := range required {
		s.required[r] = true
	}
	return s
}

var (
	pledgeSpec = newSpec(tablePledges, "Pledges", []string{
		"announced", "investor", "investor_type", "program", "amount", "currency", "unit", "qualifier",
		"years", "start_year", "sectors", "region", "status", "source", "url", "source_date", "stated_usd",
		"note", "id", "kind", "per", "relation", "related_to", "date_basis",
	}, pAnnounced, pInvestor, pProgram, pAmount)
	metricSpec = newSpec(tableMetrics, "Metrics", []string{
		"entity", "metric", "period", "value", "unit", "basis", "qualifier", "source", "url", "source_date", "note",
	}, mEntity, mMetric, mPeriod, mValue)
	fxSpec = newSpec(tableFX, "FX", []string{
		"currency", "per_usd", "date", "source", "note",
	}, fCurrency, fPerUSD, fDate)

	entitySpec = newSpec(tableEntities, "Entities", []string{
		"name", "aliases", "group", "short_name", "type", "region", "note",
	}, eName)
	comparisonSpec = newSpec(tableComparisons, "Comparisons", []string{
		"id", "left", "how", "right", "left_years", "right_years", "label", "note",
	}, cLeft, cHow)

	progressSpec = newSpec(tableProgress, "Progress", []string{
		"pledge_id", "date", "stage", "amount", "amount_basis", "currency", "unit", "qualifier", "source", "url", "note",
	}, gPledgeID, gStage)

	sectorNameSpec = newSpec(tableSectorNames, "Sector names", []string{
		"name", "sector", "note",
	}, snName, snSector)

	specs = []*tableSpec{pledgeSpec, metricSpec, fxSpec, entitySpec, comparisonSpec, progressSpec, sectorNameSpec}
)

// specForSheet returns the table a sheet name stands for: Pledges,
// Metrics or FX, trimmed and in any case.
func specForSheet(name string) *tableSpec {
	n := strings.TrimSpace(name)
	for _, s := range specs {
		if strings.EqualFold(n, s.sheet) {
			return s
		}
	}
	return nil
}

// aliases are the other header names accepted for a column, after
// normalisation (lower case; spaces and hyphens read as underscores). They
// are few on purpose: a header the contract does not name is reported as
// an unknown column rather than guessed at.
var aliases = map[string]map[string]string{
	tableFX: {
		"rate":          "per_usd", // the one number an FX row holds
		"units_per_usd": "per_usd",
		"per_us$":       "per_usd",
	},
	tablePledges: {
		"stated_us$": "stated_usd",
	},
	tableEntities: {
		"short": "short_name",
	},
	tableProgress: {
		"pledge": "pledge_id",
		"basis":  "amount_basis",
	},
}

// normaliseHeader folds a header cell to the form columns are named in:
// trimmed, lower case, with runs of spaces, hyphens and underscores read
// as one underscore. "Investor Type", "investor-type" and
// "INVESTOR_TYPE" are all investor_type.
func normaliseHeader(s string) string {
	s = strings.ToLower(trimSpace(s))
	var b strings.Builder
	b.Grow(len(s))
	sep := false
	for _, r := range s {
		if r == ' ' || r == '-' || r == '_' || r == '\u00a0' || r == '\t' || r == '\n' {
			sep = true
			continue
		}
		if sep && b.Len() > 0 {
			b.WriteByte('_')
		}
		sep = false
		b.WriteRune(r)
	}
	return b.String()
}

// column returns the field a header cell names, or -1.
func (s *tableSpec) column(header string) int {
	n := normaliseHeader(header)
	if i, ok := s.index[n]; ok {
		return i
	}
	if a, ok := aliases[s.table][n]; ok {
		return s.index[a]
	}
	return -1
}

// hints name the column a header probably meant where spelling does not
// tell: a pledge's date is its announced column. They are suggestions in
// the warning, never read as the column.
var hints = map[string]map[string]string{
	tablePledges: {"date": "announced", "announcement_date": "announced", "value": "amount", "type": "investor_type",
		"link": "url", "sector": "sectors", "year": "start_year", "usd": "stated_usd"},
	tableMetrics: {"amount": "value", "year": "period", "date": "period", "link": "url", "company": "entity"},
	tableFX:      {"per_dollar": "per_usd", "usd": "per_usd", "code": "currency", "as_of": "date"},
}

// suggest returns the column an unknown header probably meant: a hint, or
// a column name a typing slip or two away ("ammount"); "" when none is
// close.
func (s *tableSpec) suggest(header string) string {
	n := normaliseHeader(header)
	if n == "" {
		return ""
	}
	if h, ok := hints[s.table][n]; ok {
		return h
	}
	best, bestD := "", 3
	if len(n) <= 4 {
		bestD = 2 // one slip in a short word
	}
	for _, c := range s.columns {
		if d := editDistance(n, c, bestD); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b, or limit when it
// is limit or more.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(rb)], limit)
}

// requiredNames lists the required columns of the table.
func (s *tableSpec) requiredNames() []string {
	var out []string
	for i, c := range s.columns {
		if s.required[i] {
			out = append(out, c)
		}
	}
	return out
}
