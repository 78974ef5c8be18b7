package lang

import "pledgewatch/analysis"

// A word of one of analysis's closed vocabularies (a kind, a status, a
// relation, why a row is not counted), whose String is its English.
type vocabularyWord interface {
	~uint8
	String() string
}

// wordText is the catalogue's text of a word of a closed vocabulary, which
// Printer.Word finds under "word." and the word: the key and the English
// follow from the word analysis declares ("fund" serves the kind and the
// investor type alike).
func wordText[W vocabularyWord](w W, hant, hans string) Text {
	return Text{Key: "word." + w.String(), En: w.String(), Hant: hant, Hans: hans}
}

// namingText is the catalogue's text of a reason a row is not counted
// that names another pledge ("restates %s"), as the workbook words it.
func namingText(e analysis.Exclusion, hant, hans string) Text {
	return Text{Key: "word." + e.String() + " %s", En: e.String() + " %s", Hant: hant, Hans: hans}
}
