package lang

// The units money columns of the workbook are shown in, named in their
// headers (key "unit." and the scale's word; %s is the currency: its
// symbol in English, its name in Chinese), and the texts of the printed
// pages, the native charts' notes and the Pivot sheet (key "print.").
func init() {
	register([]Text{
		{Key: "unit.", En: "%s", Hant: "%s", Hans: "%s"},
		{Key: "unit.thousand", En: "%s k", Hant: "千%s", Hans: "千%s"},
		{Key: "unit.million", En: "%s m", Hant: "百萬%s", Hans: "百万%s"},
		{Key: "unit.billion", En: "%s bn", Hant: "十億%s", Hans: "十亿%s"},
		{Key: "unit.trillion", En: "%s tn", Hant: "萬億%s", Hans: "万亿%s"},
	})
}
