package charts

import (
	"fmt"
	"time"

	"pledgewatch/analysis"
)

func day(s string) time.Time {
	t, err := time.Parse(analysis.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func pledge(announced, investor, typ, program, amount string, sectors, region, source, sourceDate string) analysis.Pledge {
	a, err := analysis.PledgeAmount(amount, "", "", "")
	if err != nil {
		panic(amount + ": " + err.Error())
	}
	it, err := analysis.ParseInvestorType(typ)
	if err != nil {
		panic(typ + ": " + err.Error())
	}
	return analysis.Pledge{Announced: day(announced), Investor: investor, InvestorType: it, Program: program, AmountText: amount,
		Amount: a, Sectors: analysis.SplitSectors(sectors), Region: region, Status: analysis.PledgeAnnounced, Source: source, SourceDate: day(sourceDate)}
}

func metric(entity, name, period, value, basis, source, sourceDate string) analysis.Metric {
	a, unit, money, err := analysis.MetricValue(value, "", "")
	if err != nil {
		panic(value + ": " + err.Error())
	}
	p, err := analysis.ParsePeriod(period)
	if err != nil {
		panic(err)
	}
	return analysis.Metric{Entity: entity, Metric: name, Period: p, ValueText: value, Value: a.Value, Unit: unit, Money: money,
		Qualifier: a.Qualifier, Change: a.Signed, Basis: basis, Source: source, SourceDate: day(sourceDate)}
}

// sampleInputs is a made-up dataset shaped like the real one: more
// investors than the top 15, Chinese names and sources, undisclosed and
// lower-bound amounts, a trend with bounds, survey percentages.
func sampleInputs() analysis.Inputs {
	return analysis.Inputs{
		Rates: []analysis.Rate{
			{Currency: "CNY", PerUSD: 7.1698, Date: day("2025-02-24")},
			{Currency: "HKD", PerUSD: 7.80, Date: day("1983-10-17")},
		},
		Pledges: []analysis.Pledge{
			pledge("2025-02-24", "Alibaba Group", "company", "Cloud and AI infrastructure", "at least 380 billion yuan", "cloud computing; AI infrastructure", "Mainland China", "CNA", "2025-02-24"),
			pledge("2025-09-24", "Alibaba Group", "company", "Additional AI infrastructure spending", "more than 100 billion yuan", "AI infrastructure", "Mainland China", "ABMedia", "2025-09-25"),
			pledge("2024-12-20", "阿里巴巴创业者基金", "fund", "AI fund for Hong Kong start-ups", "1.5亿美元", "financial services; consumer retail; healthcare", "Hong Kong", "Star Daily (财联社)", "2024-12-20"),
			pledge("2022-10-19", "Hong Kong Government", "government", "RAISe+ Scheme", "HK$10 billion", "research", "Hong Kong", "SCMP", "2022-10-19"),
			pledge("2024-02-28", "Hong Kong Government", "government", "AI Subsidy Scheme", "HK$3 billion", "", "Hong Kong", "SCMP", "2024-02-28"),
			pledge("2025-02-26", "Hong Kong Government", "government", "Hong Kong AI Research and Development Institute", "HK$1 billion", "research", "Hong Kong", "Budget speech", "2025-02-26"),
			pledge("2024-12-20", "Zhang Yiming", "individual", "Type 9 licence to invest in AI", "undisclosed", "", "Hong Kong", "Star Daily (财联社)", "2024-12-20"),
			pledge("2024-06-12", "Hong Kong Investment Corporation (HKIC)", "government", "Partnership with SmartMore", "undisclosed", "AI", "Hong Kong", "HKIC", "2024-06-12"),
			pledge("2025-01-18", "National AI Industry Investment Fund", "government", "National AI fund", "60.06 billion yuan", "AI; robotics", "Mainland China", "Reuters", "2025-01-18"),
			pledge("2025-02-22", "Tencent", "company", "AI capital expenditure", "about 90 billion yuan", "AI infrastructure", "Mainland China", "Bloomberg", "2025-03-19"),
			pledge("2025-03-01", "ByteDance", "company", "AI chips and data centres", "US$12 billion", "AI infrastructure", "Global", "FT", "2025-01-02"),
			pledge("2025-04-10", "Baidu", "company", "Ernie models and cloud", "11 billion yuan", "AI models; cloud computing", "Mainland China", "Caixin", "2025-04-10"),
			pledge("2025-05-12", "上海人工智能产业投资基金", "government", "Shanghai AI fund", "22.5 billion yuan", "AI; semiconductors", "Mainland China", "新华社", "2025-05-12"),
			pledge("2025-03-12", "Beijing AI Industry Fund", "government", "Beijing AI fund", "10 billion yuan", "AI", "Mainland China", "Xinhua", "2025-03-12"),
			pledge("2025-02-05", "JD.com", "company", "AI and supply chain", "more than 10 billion yuan", "AI; logistics", "Mainland China", "SCMP", "2025-02-05"),
			pledge("2025-06-01", "Cyberport", "government", "AI Supercomputing Centre", "HK$2.7 billion", "AI infrastructure", "Hong Kong", "Cyberport", "2025-06-01"),
			pledge("2025-07-08", "Hong Kong Science Park", "government", "InnoHK AI clusters", "HK$1.2 billion", "research", "Hong Kong", "HKSTP", "2025-07-08"),
			pledge("2025-03-20", "Sequoia China (HongShan)", "fund", "AI start-up fund", "US$0.9 billion", "AI models", "Mainland China", "The Information", "2025-03-20"),
			pledge("2025-08-15", "Horizon Ventures", "fund", "Hong Kong AI start-ups", "US$0.3 billion", "AI models; healthcare", "Hong Kong", "HKEJ", "2025-08-15"),
			pledge("2025-08-20", "Meituan", "company", "AI models", "undisclosed", "AI models", "Mainland China", "36Kr", "2025-08-20"),
			pledge("2025-09-01", "SenseTime", "company", "AI data centre in Lingang", "5 billion yuan", "AI infrastructure", "Mainland China", "Yicai", "2025-09-01"),
			pledge("2025-09-05", "Xiaomi", "company", "AI research", "about 7 billion yuan", "AI models", "Mainland China", "Caixin", "2025-09-05"),
			pledge("2025-09-08", "HSBC Hong Kong", "company", "AI in banking", "HK$0.5 billion", "financial services", "Hong Kong", "HKEJ", "2025-09-08"),
		},
		Metrics: []analysis.Metric{
			metric("Alibaba, Tencent, Baidu and JD.com", "AI capital expenditure (combined)", "2023", "less than US$13 billion", "budget", "ABMedia", "2025-09-25"),
			metric("Alibaba, Tencent, Baidu and JD.com", "AI capital expenditure (combined)", "2024", "US$22 billion", "actual", "ABMedia", "2025-09-25"),
			metric("Alibaba, Tencent, Baidu and JD.com", "AI capital expenditure (combined)", "2025", "US$32 billion", "forecast", "ABMedia", "2025-09-25"),
			metric("Alibaba Group", "revenue", "FY2025Q2", "2365.0亿元", "actual", "The Paper (澎湃新闻)", "2024-11-15"),
			metric("Alibaba Group", "revenue", "FY2025Q3", "2801.5亿元", "actual", "The Paper (澎湃新闻)", "2025-02-21"),
			metric("Hong Kong companies (HKPC survey)", "share using or planning to use AI", "2023-11", "41%", "actual", "SCMP", "2023-11-20"),
			metric("Hong Kong companies (HKPC survey)", "share that found AI improved productivity", "2023-11", "66%", "actual", "SCMP", "2023-11-20"),
			metric("Hong Kong companies (HKPC survey)", "share citing a shortage of AI talent as the main obstacle to adopting AI tools", "2023-11", "more than 50%", "actual", "SCMP", "2023-11-20"),
			metric("Hong Kong companies (HKPC survey)", "growth of AI budgets", "2023-11", "+8%", "actual", "SCMP", "2023-11-20"),
			metric("Alibaba Group", "AI-related product revenue growth (YoY)", "FY2026Q1", "more than 100%", "actual", "ABMedia", "2025-09-25"),
			metric("Hong Kong start-ups", "annual growth", "2024", "about 7%", "actual", "HKTDC", "2025-01-10"),
			metric("中国企业", "使用生成式人工智能的企业比例", "2024", "45%", "actual", "中国信通院", "2024-12-01"),
			metric("中国企业", "计划增加AI投资的企业比例", "2024", "约70%", "actual", "中国信通院", "2024-12-01"),
		},
	}
}

func sampleReport() *analysis.Report {
	r, probs := analysis.Build(sampleInputs(), analysis.Options{AsOf: day("2025-09-30")})
	if probs.HasErrors() {
		panic(probs.Err())
	}
	return r
}

// latinInputs is sampleInputs with every Chinese text put in English, for
// the default fonts.
func latinInputs() analysis.Inputs {
	in := sampleInputs()
	en := func(s string) string {
		if !hasCJK(s) {
			return s
		}
		return map[string]string{
			"阿里巴巴创业者基金":        "Alibaba Entrepreneurs Fund",
			"Star Daily (财联社)": "Star Daily",
			"上海人工智能产业投资基金":     "Shanghai AI Industry Investment Fund",
			"新华社":              "Xinhua",
			"The Paper (澎湃新闻)": "The Paper",
			"中国企业":             "Chinese companies",
			"使用生成式人工智能的企业比例":   "share using generative AI",
			"计划增加AI投资的企业比例":    "share planning to raise AI investment",
			"中国信通院":            "CAICT",
		}[s]
	}
	for i := range in.Pledges {
		p := &in.Pledges[i]
		p.Investor, p.Source = en(p.Investor), en(p.Source)
	}
	for i := range in.Metrics {
		m := &in.Metrics[i]
		m.Entity, m.Metric, m.Source = en(m.Entity), en(m.Metric), en(m.Source)
	}
	return in
}

func latinReport() *analysis.Report {
	r, probs := analysis.Build(latinInputs(), analysis.Options{AsOf: day("2025-09-30")})
	if probs.HasErrors() {
		panic(probs.Err())
	}
	return r
}

// stressInputs pushes the layout: long and Chinese names, many investors,
// a long quarterly series of signed changes, many survey rows, one Hong
// Kong side only.
func stressInputs() analysis.Inputs {
	in := analysis.Inputs{Rates: []analysis.Rate{
		{Currency: "CNY", PerUSD: 7.1698, Date: day("2025-02-24")},
		{Currency: "HKD", PerUSD: 7.80, Date: day("1983-10-17")},
	}}
	names := []string{
		"The Hong Kong Special Administrative Region Government Innovation, Technology and Industry Bureau",
		"中华人民共和国国家发展和改革委员会人工智能产业发展专项基金管理委员会",
		"Alibaba Group", "Tencent", "Baidu", "JD.com", "ByteDance", "Meituan", "Xiaomi", "SenseTime",
		"iFlytek", "Zhipu AI", "Moonshot AI", "MiniMax", "Baichuan", "01.AI", "StepFun", "DeepSeek",
		"Huawei", "Lenovo", "NetEase", "Kuaishou",
	}
	for i, n := range names {
		amount := fmt.Sprintf("%d billion yuan", 3+(len(names)-i)*2)
		if i%5 == 4 {
			amount = "at least " + amount
		}
		in.Pledges = append(in.Pledges, pledge(fmt.Sprintf("2025-%02d-%02d", 1+i%9, 1+i), n, "company", "AI programme",
			amount, "AI", "Mainland China", fmt.Sprintf("Source number %d", i+1), "2025-09-01"))
	}
	in.Pledges = append(in.Pledges, pledge("2025-03-01", "Hong Kong Government", "government", "Scheme", "HK$3 billion", "", "Hong Kong", "SCMP", "2025-03-01"))
	for q := 0; q < 12; q++ {
		v := fmt.Sprintf("%.1f billion yuan", []float64{18, 21.5, 19, 26, 30.2, 28, 33, 41, 39.5, 45, 52, 60.5}[q])
		if q == 11 {
			v = "about " + v
		}
		in.Metrics = append(in.Metrics, metric("阿里云智能集团", "AI-related revenue", fmt.Sprintf("%dQ%d", 2023+q/4, 1+q%4), v, "actual", "HKSTP", "2025-09-01"))
	}
	for k := 0; k < 36; k++ {
		in.Metrics = append(in.Metrics, metric("Hong Kong", "AI job postings", fmt.Sprintf("%d-%02d", 2023+k/12, 1+k%12),
			fmt.Sprintf("%d", 1200+k*37+(k%5)*90), "actual", "JobsDB", "2025-09-01"))
	}
	for k := 0; k < 18; k++ {
		in.Metrics = append(in.Metrics, metric("Survey of 1,000 firms in the Greater Bay Area", fmt.Sprintf("share of firms reporting outcome number %d of the adoption of artificial intelligence tools", k+1),
			"2025", fmt.Sprintf("%d%%", 5*k+7), "actual", "Survey", "2025-09-01"))
	}
	return in
}

func stressReport() *analysis.Report {
	r, probs := analysis.Build(stressInputs(), analysis.Options{Currency: "HKD"})
	if probs.HasErrors() {
		panic(probs.Err())
	}
	return r
}
