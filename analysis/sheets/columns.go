package sheets

import (
	"cmp"
	"strings"
	"time"

	"pledgewatch/analysis"
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

// column declares one column of an input table. The reader takes its
// name, aliases, hints and whether it is required; the contract in
// inputs/README.md is generated from its doc (see TestContractDoc); the
// template workbook takes its kind, choices, doc and example.
type column struct {
	name string
	// aliases are other headers read as the column; hints are headers
	// that probably meant it, suggested in a warning and never read.
	aliases, hints []string
	required       bool
	// help says how to fill a required cell left empty.
	help string
	// money marks a column whose text may name a currency (see warnYen).
	money bool
	// requiredDoc overrides "yes" or "no" in the contract, for a column
	// required only with another ("with an amount").
	requiredDoc string
	kind        valueKind
	// choices is the closed list of values the reader accepts (empty for
	// open text). A loose list (open) only suggests values: the column
	// also takes others, such as currency symbols.
	choices []string
	open    bool
	// doc says what the column holds, in Markdown; example is a value of
	// the template's example row ("" leaves the cell empty).
	doc, example string
	// read stores the column's cell into its record, for a column read
	// on its own; columns read together (an amount with its currency)
	// are read by the table's record function in records.go.
	read reader
}

// reader reads field f of the current row into the record rec points to.
type reader func(tr *tableReader, f int, rec any)

// into makes the reader of a column whose cell get reads and set stores.
func into[T, V any](get func(*tableReader, int) V, set func(*T, V)) reader {
	return func(tr *tableReader, f int, rec any) { set(rec.(*T), get(tr, f)) }
}

// Readers by how the cell is read: trimmed text, text of a column whose
// values repeat (kept once), a date, one of the column's choices, a link,
// a list separated by ";".
func asText[T any](set func(*T, string)) reader     { return into((*tableReader).text, set) }
func asInterned[T any](set func(*T, string)) reader { return into((*tableReader).interned, set) }
func asDate[T any](set func(*T, time.Time)) reader  { return into((*tableReader).date, set) }
func asChoice[T any](set func(*T, string)) reader   { return into((*tableReader).enum, set) }
func asLink[T any](set func(*T, string)) reader     { return into((*tableReader).link, set) }
func asNames[T any](set func(*T, []string)) reader  { return into((*tableReader).names, set) }

// asWord is the reader of a column of a closed vocabulary whose words
// parse reads into its one-byte type (see word).
func asWord[T, V any](parse func(string) (V, error), set func(*T, V)) reader {
	return func(tr *tableReader, f int, rec any) { set(rec.(*T), word(tr, f, parse)) }
}

// valueKind is what a column holds, for the template's cell formats.
type valueKind int

const (
	kindText valueKind = iota
	kindDate
	kindNumber // a number, or text the reader turns into one
	kindYear
)

// Common choice lists of the template's dropdowns that the reader does
// not close: it takes symbols, words and other codes too.
var (
	currencyChoices  = []string{"USD", "CNY", "HKD", "EUR", "GBP", "JPY", "SGD", "TWD", "MOP"}
	unitChoices      = []string{"thousand", "million", "billion", "trillion", "万", "亿"}
	qualifierChoices = []string{"exact", "at least", "more than", "about", "less than", "at most"}
)

// Shared column documents.
const (
	docAsForPledges = "As for pledges."
	docNote         = "Free text."
)

// Field indexes of the pledges table, in the order of pledgeColumns.
const (
	pID = iota
	pAnnounced
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
	pKind
	pPer
	pRelation
	pRelatedTo
	pDateBasis
	pAIScope
	pAIShare
)

var pledgeColumns = []column{
	pID: {name: "id", read: asText(func(p *analysis.Pledge, v string) { p.ID = v }), example: "alibaba-ai-infra-2025",
		doc: "A short, unique key, such as `alibaba-ai-infra-2025`. Two rows with the same id are an error. Ids are compared without regard to case or width (see [Ids](#ids)): `SX-Fund`, `ſx-fund` and `ｓｘ-fund` are the id `sx-fund`."},
	pAnnounced: {name: "announced", read: (*tableReader).announced, required: true, help: "enter the date the pledge was announced, such as 2025-02-24, or unknown, or before 2024-12-20", kind: kindDate, example: "2025-02-24",
		hints: []string{"date", "announcement_date"},
		doc:   "The date the pledge was announced (see [Dates](#dates)). For a date the source does not give: `before 2024-12-20` (the latest it can be) or `unknown` (then `source_date` is needed). See [Dates the source does not give](#dates-the-source-does-not-give)."},
	pInvestor: {name: "investor", read: asInterned(func(p *analysis.Pledge, v string) { p.Investor = v }), required: true, help: "enter who made the pledge", example: "Alibaba Group",
		doc: "Who commits the money."},
	pInvestorType: {name: "investor_type", read: asWord(analysis.ParseInvestorType, func(p *analysis.Pledge, v analysis.InvestorType) { p.InvestorType = v }), choices: analysis.InvestorTypes, example: "company", hints: []string{"type"},
		doc: "`company`, `government`, `fund`, `individual` or `other`."},
	pProgram: {name: "program", read: asText(func(p *analysis.Pledge, v string) { p.Program = v }), required: true, help: "enter the program, plan or fund the money is for", example: "Cloud computing and AI hardware infrastructure, next three years",
		doc: "What the money is for: the plan, fund or scheme."},
	pAmount: {name: "amount", money: true, required: true, help: "enter the amount, such as 10 billion or US$10 billion, or undisclosed", kind: kindNumber, example: "380", hints: []string{"value"},
		doc: "A number, a text amount, or `undisclosed` (see [Amounts](#amounts))."},
	pCurrency: {name: "currency", money: true, choices: currencyChoices, open: true, example: "CNY",
		doc: "ISO code (`USD`, `HKD`, `CNY`, ...) or a usual symbol or word: `US$`, `$`, `HK$`, `RMB`, `yuan`, `元`, `€`, `£`. A bare `$` is the US dollar; `¥` is the yuan."},
	pUnit: {name: "unit", money: true, choices: unitChoices, open: true, example: "billion",
		doc: "`thousand`, `million`, `billion`, `trillion`, or `k`, `m`/`mn`, `bn`, `tn`; `万`, `亿`, `万亿`. Empty means the amount is in whole units."},
	pQualifier: {name: "qualifier", choices: qualifierChoices, open: true, example: "at least",
		doc: "`at least`, `more than`, `about`, `less than`, `at most`, or `exact`. Empty means exact."},
	pYears: {name: "years", kind: kindNumber, example: "3",
		doc: "How many years the commitment spans (`3` for \"over the next three years\"), more than 0 and at most 100; a year such as `2025` goes in `start_year`. Used for per-year values and the share of the span elapsed."},
	pStartYear: {name: "start_year", kind: kindYear, example: "2025", hints: []string{"year"},
		doc: "The first year of the span."},
	pSectors: {name: "sectors", example: "cloud computing; AI infrastructure", hints: []string{"sector"},
		doc: "Sectors, separated by `;`: `financial services; consumer retail; healthcare`. Where the source says how the amount is split, give each sector its share: `cloud computing 60%; AI infrastructure 40%` (every sector or none, adding up to 100%). Without shares, an amount naming several sectors is split equally, and the report marks that split as assumed."},
	pRegion: {name: "region", read: asInterned(func(p *analysis.Pledge, v string) { p.Region = v }), example: "Mainland China",
		doc: "Where the money goes: `Hong Kong`, `Mainland China`, `Global`, ..."},
	pStatus: {name: "status", read: asWord(analysis.ParsePledgeStatus, func(p *analysis.Pledge, v analysis.PledgeStatus) { p.Status = cmp.Or(v, analysis.PledgeAnnounced) }), choices: analysis.Statuses, example: "announced",
		doc: "`announced`, `committed`, `deployed` or `withdrawn`. Withdrawn pledges are listed but not counted in totals."},
	pSource: {name: "source", read: asInterned(func(p *analysis.Pledge, v string) { p.Source = v }), example: "CNA; The Paper (澎湃新闻)",
		doc: "The publication or document. A row without one gets a warning."},
	pURL: {name: "url", read: asLink(func(p *analysis.Pledge, v string) { p.URL = v }), hints: []string{"link"},
		doc: "A link to the source; only `http`, `https` and `mailto` links are accepted as links."},
	pSourceDate: {name: "source_date", read: asDate(func(p *analysis.Pledge, v time.Time) { p.SourceDate = v }), kind: kindDate, example: "2025-02-24",
		doc: "The date of the source."},
	pStatedUSD: {name: "stated_usd", money: true, aliases: []string{"stated_us$"}, hints: []string{"usd"}, example: "US$53 billion",
		doc: "A US-dollar equivalent stated by the source, such as `US$53 billion`. It is checked against the FX sheet; a difference above 5% is a warning."},
	pNote: {name: "note", read: asText(func(p *analysis.Pledge, v string) { p.Note = v }), example: "Example row from the default dataset: the company's statement via CNA; replace it with your own.",
		doc: docNote},
	pKind: {name: "kind", choices: analysis.Kinds, example: "capex",
		doc: "What the row is. Commitments of money: `fund`, `budget`, `scheme`, `capex`, `investment`, `acquisition`. Signals, which are not money: `licence`, `partnership`, `plan` (a plan without a figure), `signal`. Empty means a commitment of money. Signals are listed on Pledges but never counted or summed; a signal with an amount is an error."},
	pPer: {name: "per",
		doc: "The recipient an amount is per, such as `start-up`: the amount is what each recipient gets (HK$100,000 per start-up), shown as such and never summed. Empty for a total."},
	pRelation: {name: "relation", choices: analysis.Relations,
		doc: "How this pledge stands to the one named in `related_to`: `new` (new money; also the meaning of an empty cell), `top-up` (adds to it), `restates` (the same money reported again: not added, its sources join the original's; an amount that differs is a warning: in one currency at any difference, across currencies at more than 1% after conversion), `part of` (a component: listed, not added), `replaces` (the older pledge stops counting)."},
	pRelatedTo: {name: "related_to",
		doc: "The `id` of the pledge the relation names. A relation without it, an id no row has, a row naming itself and a chain of relations that comes back to where it began are errors."},
	pDateBasis: {name: "date_basis", choices: analysis.DateBases, example: "stated",
		doc: "Where the `announced` date comes from: `stated` by the source (also the meaning of an empty cell), `report date` (the source's own date standing in for one it does not give), or `elsewhere` (another record), `before` (the source gives no date; `announced` is the latest it can be) or `unknown` (the source gives no date; `announced` is left to the source's date). Years built on `report date` and `elsewhere` are marked as approximate (`~2024`) on Investors; `before` and `unknown` dates sit in no year. `before 2024-12-20` or `unknown` in `announced` say the same without this column."},
	pAIScope: {name: "ai_scope", choices: analysis.AIScopes, example: analysis.ScopeDedicated.String(), hints: []string{"scope"},
		doc: "How much of the amount is for AI: `dedicated` (all of it; also the meaning of an empty cell), `broader` (a broader programme that includes AI, such as a research or industry fund open to AI among other fields), or `not AI`. Totals, shares, rankings and charts count AI money only: a broader programme counts for the share `ai_share` gives, and with no share it is listed beside the totals (\"plus HK$20 billion in broader programmes that include AI\"), never added to them. A `not AI` row is listed and not counted. See [AI scope](#ai-scope)."},
	pAIShare: {name: "ai_share",
		doc: "The share of a `broader` programme's amount that a source says goes to AI, as a percentage: `40%`. Leave it empty when no source states one; it is an error on a row whose `ai_scope` is not `broader`."},
}

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

var metricColumns = []column{
	mEntity: {name: "entity", read: asInterned(func(m *analysis.Metric, v string) { m.Entity = v }), required: true, help: "enter the company, government or body the figure is about", example: "Alibaba Group", hints: []string{"company"},
		doc: "What the figure is about: `Alibaba Group`, `Hong Kong`, `Alibaba, Tencent, Baidu and JD.com`."},
	mMetric: {name: "metric", read: asInterned(func(m *analysis.Metric, v string) { m.Metric = v }), required: true, help: "enter what is measured, such as capex or revenue",
		example: "three-year cloud and AI infrastructure plan as a multiple of the past decade's cloud and AI spending",
		doc:     "What is measured: `revenue`, `AI capital expenditure (combined)`. Rows with the same entity, metric and unit form a series, compared over time."},
	mPeriod: {name: "period", required: true, help: "enter the period, such as 2025, 2024Q4, FY2025 or 2025-02-24", example: "2025-02-24", hints: []string{"year", "date"},
		doc: "A year `2025`, a fiscal year `FY2025`, a half `2024H1`, a quarter `2024Q4`, a fiscal quarter `FY2025Q3`, a month `2024-12`, or a date `2025-02-24`."},
	mValue: {name: "value", money: true, required: true, help: "enter the figure, such as 32 billion or 41%", kind: kindNumber, example: "more than 1", hints: []string{"amount"},
		doc: "A number, or a text such as `less than US$13 billion`, `2801.5亿元`, `41%`, `+8%`. A leading `+` or `-` marks a change rather than a level."},
	mUnit: {name: "unit", money: true, choices: []string{"USD", "CNY", "HKD", "USD billion", "%", "count", "rank", "x"}, open: true, example: "x",
		doc: "A currency code (`USD`, `CNY`, `HKD`), a currency with a scale (`USD billion`), `%`, or a word such as `count`, `rank`, `x` (a multiple)."},
	mBasis: {name: "basis", read: asChoice(func(m *analysis.Metric, v string) { m.Basis = v }), choices: analysis.Bases, example: "plan",
		doc: "`actual`, `estimate`, `plan`, `budget` or `forecast`."},
	mQualifier:  {name: "qualifier", choices: qualifierChoices, open: true, example: "more than", doc: docAsForPledges},
	mSource:     {name: "source", read: asInterned(func(m *analysis.Metric, v string) { m.Source = v }), example: "CNA; The Paper (澎湃新闻)", doc: docAsForPledges},
	mURL:        {name: "url", read: asLink(func(m *analysis.Metric, v string) { m.URL = v }), hints: []string{"link"}, doc: docAsForPledges},
	mSourceDate: {name: "source_date", read: asDate(func(m *analysis.Metric, v time.Time) { m.SourceDate = v }), kind: kindDate, example: "2025-02-24", doc: docAsForPledges},
	mNote: {name: "note", read: asText(func(m *analysis.Metric, v string) { m.Note = v }), example: "Example row from the default dataset: both reports say the plan exceeds the past ten years' total; replace it with your own.",
		doc: docAsForPledges},
}

// Field indexes of the FX table.
const (
	fCurrency = iota
	fPerUSD
	fDate
	fSource
	fNote
)

var fxColumns = []column{
	fCurrency: {name: "currency", money: true, required: true, help: "enter a currency code such as HKD, CNY or EUR", choices: currencyChoices, open: true, example: "CNY", hints: []string{"code"},
		doc: "ISO code or a usual symbol or word, as for pledges."},
	fPerUSD: {name: "per_usd", required: true, help: "enter how many units of the currency buy one US dollar, such as 7.8", kind: kindNumber, example: "7.1698",
		aliases: []string{"rate", "units_per_usd", "per_us$"}, hints: []string{"per_dollar", "usd"},
		doc: "Units of that currency for one US dollar: `7.80` for HKD."},
	fDate: {name: "date", read: asDate(func(r *analysis.Rate, v time.Time) { r.Date = v }), required: true, help: "enter the date of the rate, such as 2025-02-24", kind: kindDate, example: "2025-02-24", hints: []string{"as_of"},
		doc: "The date the rate applies from."},
	fSource: {name: "source", read: asInterned(func(r *analysis.Rate, v string) { r.Source = v }), example: "implied by CNA 2025-02-24: 380 billion yuan (US$53 billion)",
		doc: "Where the rate comes from."},
	fNote: {name: "note", read: asText(func(r *analysis.Rate, v string) { r.Note = v }), example: "Example row from the default dataset: 380 / 53 = 7.1698; replace it with your own.", doc: docNote},
}

// Field indexes of the entities table.
const (
	eName = iota
	eAliases
	eGroup
	eShortName
	eShortHant
	eShortHans
	eType
	eRegion
	eNote
)

var entityColumns = []column{
	eName: {name: "name", read: asText(func(e *analysis.Entity, v string) { e.Name = v }), required: true, help: "enter the investor or entity name as written in Pledges or Metrics", example: "Alibaba Cloud",
		doc: "A name as written in the `investor` column of Pledges (or the `entity` column of Metrics); case and spacing are ignored."},
	eAliases: {name: "aliases", read: asNames(func(e *analysis.Entity, v []string) { e.Aliases = v }), example: "阿里云",
		doc: "Other spellings of the same name, separated by `;`."},
	eGroup: {name: "group", read: asText(func(e *analysis.Entity, v string) { e.Group = v }), example: "Alibaba Group",
		doc: "The full name of the group it belongs to. Empty means the name is a group of its own (a parent)."},
	eShortName: {name: "short_name", read: asText(func(e *analysis.Entity, v string) { e.Short = v }), aliases: []string{"short"},
		doc: "The short name the report shows for the group (`Alibaba`); given on the group's own row, or on a member's when the group has no row."},
	eShortHant: {name: "short_name_zh_hant", read: asText(func(e *analysis.Entity, v string) { e.ShortHant = v }), example: "阿里巴巴",
		doc: "The group's short name in Traditional Chinese, shown by `--lang zh-Hant` reports; empty shows the name as in English. Never machine-translated: leave it empty when no name is in use."},
	eShortHans: {name: "short_name_zh_hans", read: asText(func(e *analysis.Entity, v string) { e.ShortHans = v }), example: "阿里巴巴",
		doc: "The group's short name in Simplified Chinese, shown by `--lang zh-Hans` reports, as short_name_zh_hant."},
	eType:   {name: "type", read: asChoice(func(e *analysis.Entity, v string) { e.Type = v }), choices: analysis.InvestorTypes, example: "company", doc: "As for pledges (`investor_type`); for the reader."},
	eRegion: {name: "region", read: asInterned(func(e *analysis.Entity, v string) { e.Region = v }), example: "Mainland China", doc: "As for pledges; for the reader."},
	eNote:   {name: "note", read: asText(func(e *analysis.Entity, v string) { e.Note = v }), example: "Example row from the default dataset: Alibaba's cloud unit; replace it with your own.", doc: docNote},
}

// Field indexes of the comparisons table.
const (
	cID = iota
	cLeft
	cHow
	cRight
	cLeftYears
	cRightYears
	cLabel
	cLabelHant
	cLabelHans
	cNote
	cCaveat
)

var comparisonColumns = []column{
	cID: {name: "id", read: asText(func(c *analysis.ComparisonSpec, v string) { c.ID = v }), example: "alibaba-plan-vs-decade",
		doc: "A short key for the comparison."},
	cLeft: {name: "left", read: asText(func(c *analysis.ComparisonSpec, v string) { c.Left = v }), required: true, help: "enter the first figure, such as pledge:alibaba-ai-infra-2025",
		example: "metric:Alibaba Group|three-year cloud and AI infrastructure plan as a multiple of the past decade's cloud and AI spending|2025-02-24",
		doc:     "The first figure (see below)."},
	cHow: {name: "how", read: asChoice(func(c *analysis.ComparisonSpec, v string) { c.How = v }), required: true, help: "enter ratio, share, difference, growth, pace or pace share", choices: analysis.Hows, example: "pace",
		doc: "`ratio` (left / right), `share` (left / right as a percentage), `difference` (left - right; percentage points between two percentages), `growth` (left / right - 1), `pace` ((left / left_years) / (right / right_years)) or `pace share` (the same as a percentage)."},
	cRight: {name: "right", read: asText(func(c *analysis.ComparisonSpec, v string) { c.Right = v }), requiredDoc: "yes, but for a pace",
		doc: "The second figure. A `pace` with no right figure takes the left as a multiple (unit `x`) of a total over `right_years`, as \"more than the past decade's total\" is."},
	cLeftYears:  {name: "left_years", kind: kindNumber, example: "3", doc: "The years the left figure spans, for a pace, at most 100. A pledge's own `years` is the default for its side."},
	cRightYears: {name: "right_years", kind: kindNumber, example: "10", doc: "The years the right figure spans, for a pace, at most 100."},
	cLabel: {name: "label", read: asText(func(c *analysis.ComparisonSpec, v string) { c.Label = v }), example: "Alibaba's yearly spending pace under the 380 bn yuan plan against its yearly pace of the past decade",
		doc: "What the comparison says, as the start of its sentence."},
	cLabelHant: {name: "label_zh_hant", read: asText(func(c *analysis.ComparisonSpec, v string) { c.LabelHant = v }),
		doc: "The label in Traditional Chinese, for `--lang zh-Hant` reports; empty shows the label as entered. Never machine-translated: leave it empty unless you write it."},
	cLabelHans: {name: "label_zh_hans", read: asText(func(c *analysis.ComparisonSpec, v string) { c.LabelHans = v }),
		doc: "The label in Simplified Chinese, for `--lang zh-Hans` reports, as label_zh_hant."},
	cNote: {name: "note", read: asText(func(c *analysis.ComparisonSpec, v string) { c.Note = v }), example: "Example row from the default dataset; replace it with your own.", doc: docNote},
	cCaveat: {name: "caveat", read: asText(func(c *analysis.ComparisonSpec, v string) { c.Caveat = v }),
		doc: "How the two figures differ, when they are not alike (another measure, period or scope): `a three-year plan of one group against a one-year forecast of four`. A comparison of unlike figures is left out with a warning unless it has one; with one, its sentence ends with \"not like for like:\" and the caveat. See [Comparable figures](#comparable-figures)."},
}

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

var progressColumns = []column{
	gPledgeID: {name: "pledge_id", read: asText(func(e *analysis.Evidence, v string) { e.PledgeID = v }), required: true, help: "enter the id of the pledge the evidence is about, as in the Pledges sheet", aliases: []string{"pledge"}, example: "alibaba-ai-infra-2025",
		doc: "The `id` of the pledge in the Pledges sheet. An id no pledge has is an error."},
	gDate: {name: "date", read: asDate(func(e *analysis.Evidence, v time.Time) { e.Date = v }), required: true, help: "enter the date the evidence reports, such as 2025-06-30", kind: kindDate, example: "2025-02-24",
		doc: "The date the evidence reports. A row dated after the cut-off is left out of that month, with a warning."},
	gStage: {name: "stage", read: asChoice(func(e *analysis.Evidence, v string) { e.Stage = analysis.StageOf(v) }), required: true, help: "enter the stage reached: committed, approved, disbursed, spent, completed or cancelled", choices: analysis.Stages, example: "committed",
		doc: "`committed`, `approved`, `disbursed`, `spent`, `completed` or `cancelled`. A pledge is committed first and completed last; approvals, disbursements and spending may come in any order, as often as reported. A stage that steps back (committed after spent), or any row after a cancellation, is an error."},
	gAmount: {name: "amount", money: true, kind: kindNumber,
		doc: "The amount at that stage, as for pledges (`HK$1.5 billion`, `3800亿元`); empty when the report states none. Not allowed on a cancelled row."},
	gAmountBasis: {name: "amount_basis", read: asChoice(func(e *analysis.Evidence, v string) { e.Basis = analysis.AmountBasisOf(v) }), aliases: []string{"basis"}, requiredDoc: "with an amount", choices: analysis.AmountBases,
		doc: "`cumulative` (the total at this stage to this date) or `increment` (added since the rows before). A cumulative amount lower than the stage's total before it is an error."},
	gCurrency:  {name: "currency", money: true, choices: currencyChoices, open: true, doc: "As for pledges. An amount in a currency with no FX row is an error."},
	gUnit:      {name: "unit", money: true, choices: unitChoices, open: true, doc: docAsForPledges},
	gQualifier: {name: "qualifier", choices: qualifierChoices, open: true, doc: docAsForPledges},
	gSource:    {name: "source", read: asInterned(func(e *analysis.Evidence, v string) { e.Source = v }), example: "CNA; The Paper (澎湃新闻)", doc: "Where the evidence comes from, as for pledges."},
	gURL:       {name: "url", read: asLink(func(e *analysis.Evidence, v string) { e.URL = v }), doc: docAsForPledges},
	gNote: {name: "note", read: asText(func(e *analysis.Evidence, v string) { e.Note = v }), example: "Example row: the announcement as evidence that the money is committed, with no amount stated; replace it with your own evidence.",
		doc: docNote},
}

// Field indexes of the sector names table.
const (
	snName = iota
	snSector
	snNote
)

var sectorNameColumns = []column{
	snName:   {name: "name", read: asText(func(n *analysis.SectorName, v string) { n.Name = v }), required: true, help: "enter a sector as written in the sectors column of Pledges", example: "cloud computing", doc: "A sector as written in the `sectors` column (case and spacing ignored)."},
	snSector: {name: "sector", read: asText(func(n *analysis.SectorName, v string) { n.Sector = v }), required: true, help: "enter the sector of your own list this name belongs to", example: "AI infrastructure and cloud", doc: "The sector of your own list it counts under."},
	snNote:   {name: "note", read: asText(func(n *analysis.SectorName, v string) { n.Note = v }), example: "Example row: your own grouping of the sectors the sources name; replace it with your own.", doc: docNote},
}

// tableSpec describes one table of the input contract: its sheet name
// (or CSV file name without .csv), its columns in field order, and what
// the contract and the template say of it.
type tableSpec struct {
	table   string // pledges, metrics, fx ...
	sheet   string // Pledges, Metrics, FX ...: the name users give the sheet
	columns []column
	index   map[string]int // canonical name and aliases -> field
	hints   map[string]string
}

func newSpec(table, sheet string, columns []column) *tableSpec {
	s := &tableSpec{table: table, sheet: sheet, columns: columns,
		index: make(map[string]int, len(columns)), hints: map[string]string{}}
	for i, c := range columns {
		s.index[c.name] = i
		for _, a := range c.aliases {
			s.index[a] = i
		}
		for _, h := range c.hints {
			s.hints[h] = c.name
		}
	}
	return s
}

var (
	pledgeSpec     = newSpec(tablePledges, "Pledges", pledgeColumns)
	metricSpec     = newSpec(tableMetrics, "Metrics", metricColumns)
	fxSpec         = newSpec(tableFX, "FX", fxColumns)
	entitySpec     = newSpec(tableEntities, "Entities", entityColumns)
	comparisonSpec = newSpec(tableComparisons, "Comparisons", comparisonColumns)
	progressSpec   = newSpec(tableProgress, "Progress", progressColumns)
	sectorNameSpec = newSpec(tableSectorNames, "Sector names", sectorNameColumns)

	specs = []*tableSpec{pledgeSpec, metricSpec, fxSpec, entitySpec, comparisonSpec, progressSpec, sectorNameSpec}
)

// names lists the canonical column names of the table in field order.
func (s *tableSpec) names() []string {
	out := make([]string, len(s.columns))
	for i, c := range s.columns {
		out[i] = c.name
	}
	return out
}

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
	return -1
}

// suggest returns the column an unknown header probably meant: a hint, or
// a column name a typing slip or two away ("ammount"); "" when none is
// close.
func (s *tableSpec) suggest(header string) string {
	n := normaliseHeader(header)
	if n == "" {
		return ""
	}
	if h, ok := s.hints[n]; ok {
		return h
	}
	best, bestD := "", 3
	if len(n) <= 4 {
		bestD = 2 // one slip in a short word
	}
	for _, c := range s.columns {
		if d := editDistance(n, c.name, bestD); d < bestD {
			best, bestD = c.name, d
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
	for _, c := range s.columns {
		if c.required {
			out = append(out, c.name)
		}
	}
	return out
}
