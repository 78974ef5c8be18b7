package analysis

import "slices"

// The closed vocabularies of a pledge row are one-byte types: a million
// pledges hold a byte for each instead of a 16-byte string. Each type's
// words are declared once, in the order of its values, in a vocabulary;
// the reader's allowed values (Kinds, Statuses, ...), the catalogue's
// words and the input contract follow from it.

// vocabulary is the words of a one-byte type in the order of its values:
// value v is the word words[v]. The zero value's word is "" when an empty
// cell has no word of its own (a kind not given), or a word when it has
// one (an empty ai_scope is dedicated).
type vocabulary[T ~uint8] []string

// word returns the word of value t; "" for a value past the list.
func (v vocabulary[T]) word(t T) string {
	if int(t) < len(v) {
		return v[t]
	}
	return ""
}

// choices returns the words a cell may hold: every word but "".
func (v vocabulary[T]) choices() []string {
	if len(v) > 0 && v[0] == "" {
		return v[1:]
	}
	return v
}

// list returns a copy of the words a cell may hold, for an exported list
// that a caller may change without changing the vocabulary.
func (v vocabulary[T]) list() []string { return slices.Clone(v.choices()) }

// parse reads a word of the vocabulary as ParseEnum does, with its
// errors; an empty cell is the zero value.
func (v vocabulary[T]) parse(s string) (T, error) {
	w, err := ParseEnum(s, v.choices())
	if err != nil || w == "" {
		return 0, err
	}
	return T(slices.Index(v, w)), nil
}

// InvestorType is who made a pledge (see InvestorTypes); the zero
// InvestorType is none given.
type InvestorType uint8

// Investor types.
const (
	InvestorTypeUnset InvestorType = iota
	InvestorCompany
	InvestorGovernment
	InvestorFund
	InvestorIndividual
	InvestorOther
)

var investorTypeWords = vocabulary[InvestorType]{"", "company", "government", "fund", "individual", "other"}

// String returns the investor type's word: "company"; "" for none.
func (t InvestorType) String() string { return investorTypeWords.word(t) }

// ParseInvestorType reads an investor_type cell (see ParseEnum).
func ParseInvestorType(s string) (InvestorType, error) { return investorTypeWords.parse(s) }

// PledgeStatus is how far a pledge has gone (see Statuses); the zero
// PledgeStatus is none given. The reader gives an empty status cell
// PledgeAnnounced.
type PledgeStatus uint8

// Statuses of a pledge.
const (
	PledgeStatusUnset PledgeStatus = iota
	PledgeAnnounced
	PledgeCommitted
	PledgeDeployed
	PledgeWithdrawn
)

var pledgeStatusWords = vocabulary[PledgeStatus]{"", "announced", "committed", "deployed", "withdrawn"}

// String returns the status's word: "announced"; "" for none.
func (s PledgeStatus) String() string { return pledgeStatusWords.word(s) }

// ParsePledgeStatus reads a status cell (see ParseEnum).
func ParsePledgeStatus(s string) (PledgeStatus, error) { return pledgeStatusWords.parse(s) }

// Kind is what a pledge row is (see Kinds). The zero Kind, KindMoney, is
// a commitment of money of no narrower kind; KindFund to
// KindAcquisition are commitments of money too, and KindLicence to
// KindSignal are signals, listed but never counted or summed.
type Kind uint8

// Kinds of pledge rows.
const (
	KindMoney Kind = iota
	KindFund
	KindBudget
	KindScheme
	KindCapex
	KindInvestment
	KindAcquisition
	KindLicence
	KindPartnership
	KindPlan
	KindSignal
)

var kindWords = vocabulary[Kind]{"", "fund", "budget", "scheme", "capex", "investment", "acquisition", "licence", "partnership", "plan", "signal"}

// String returns the kind's word: "capex"; "" for KindMoney.
func (k Kind) String() string { return kindWords.word(k) }

// ParseKind reads a kind cell (see ParseEnum).
func ParseKind(s string) (Kind, error) { return kindWords.parse(s) }

// Relation is how a pledge stands to the one its RelatedTo names (see
// Relations). The zero Relation is none written, which is new money as
// RelationNew is; only RelationNew says so explicitly, which silences the
// warning about likely repeats.
type Relation uint8

// Relations of one pledge to another.
const (
	RelationUnset Relation = iota
	RelationNew
	RelationTopUp
	RelationRestates
	RelationPartOf
	RelationReplaces
)

var relationWords = vocabulary[Relation]{"", "new", "top-up", "restates", "part of", "replaces"}

// String returns the relation's word: "top-up"; "" for none written.
func (r Relation) String() string { return relationWords.word(r) }

// ParseRelation reads a relation cell (see ParseEnum).
func ParseRelation(s string) (Relation, error) { return relationWords.parse(s) }

// DateBasis says where a pledge's announced date comes from (see
// DateBases). The zero DateBasis is none written, which is stated by the
// source as DateStated is.
type DateBasis uint8

// Date bases. DateBefore and DateUnknown are dates the source does not
// give: before a date (the announced date is the latest it can be), or
// unknown (the announced date is the source's, standing in only to place
// the pledge in a month and pick its exchange rate). Such pledges count in
// totals but sit in no year.
const (
	DateBasisUnset DateBasis = iota
	DateStated
	DateReportDate
	DateElsewhere
	DateBefore
	DateUnknown
)

var dateBasisWords = vocabulary[DateBasis]{"", "stated", "report date", "elsewhere", "before", "unknown"}

// String returns the date basis's word: "report date"; "" for none
// written.
func (b DateBasis) String() string { return dateBasisWords.word(b) }

// ParseDateBasis reads a date_basis cell (see ParseEnum).
func ParseDateBasis(s string) (DateBasis, error) { return dateBasisWords.parse(s) }

// AIScope says how much of a pledge's amount is for AI (see AIScopes).
// The zero AIScope is ScopeDedicated, the meaning of an empty cell and of
// every pledge of a file without the column.
type AIScope uint8

// AI scopes.
const (
	ScopeDedicated AIScope = iota
	ScopeBroader
	ScopeNotAI
)

var aiScopeWords = vocabulary[AIScope]{"dedicated", "broader", "not AI"}

// String returns the scope's word: "dedicated", "broader" or "not AI".
func (s AIScope) String() string { return aiScopeWords.word(s) }

// ParseAIScope reads an ai_scope cell (see ParseEnum); empty is
// ScopeDedicated.
func ParseAIScope(s string) (AIScope, error) { return aiScopeWords.parse(s) }

// Exclusion is why a pledge row is not counted (see PledgeRow.Excluded);
// the zero Exclusion is none. ExcludedRestates, ExcludedPartOf and
// ExcludedReplaced name another pledge, which PledgeRow.ExcludedBy
// gives.
type Exclusion uint8

// Reasons a pledge row is not counted.
const (
	NotExcluded Exclusion = iota
	ExcludedCutoff
	ExcludedWithdrawn
	ExcludedTwice
	ExcludedSignal
	ExcludedPer
	// ExcludedBroader is a broader programme that includes AI, with no AI
	// share stated: listed beside the AI totals, never added to them.
	ExcludedBroader
	ExcludedNotAI
	ExcludedRestates
	ExcludedPartOf
	ExcludedReplaced
)

var exclusionWords = vocabulary[Exclusion]{"", "after the cut-off", "withdrawn", "entered twice", "not money", "per recipient", "broader programme", "not AI", "restates", "part of", "replaced by"}

// String returns the reason's word: "entered twice", "restates"; "" for
// none.
func (e Exclusion) String() string { return exclusionWords.word(e) }

// NamesPledge reports whether the reason names another pledge after its
// word ("restates alibaba-ai-infra-2025").
func (e Exclusion) NamesPledge() bool {
	return e == ExcludedRestates || e == ExcludedPartOf || e == ExcludedReplaced
}
