package analysis

import (
	"strings"
	"testing"
)

// TestChartSetSumsLikeThings: a total held by reference to the pledges
// of a chart (Set.Chart) is found out when the chart's pledges are of
// more than one investor type, as when its selection lets a company's
// money in among government schemes.
func TestChartSetSumsLikeThings(t *testing.T) {
	rows := []PledgeRow{
		{Pledge: &Pledge{InvestorType: InvestorGovernment, Region: "Hong Kong"}, Value: 2, Counted: true},
		{Pledge: &Pledge{InvestorType: InvestorCompany, Region: "Hong Kong"}, Value: 3, Counted: true},
	}
	r := &Report{Pledges: rows}
	saved := catalogue[ChartSchemes].Pledges
	defer func() { catalogue[ChartSchemes].Pledges = saved }()
	name := catalogue[ChartSchemes].Name
	f := TotalOfRows("words.schemes.total", Set{Name: "schemes", Size: 1, Drawn: 1, Rows: RefPledge, Chart: name}, Fact{Value: 2}, 1)
	f.Text = "the schemes total 2"
	if errs := r.checkRows(f); len(errs) > 0 {
		t.Fatalf("government schemes alone: %v", errs)
	}
	catalogue[ChartSchemes].Pledges = func(r *Report) []*PledgeRow { return []*PledgeRow{&r.Pledges[0], &r.Pledges[1]} }
	f.Set.Size, f.Result.Value = 2, 5
	errs := r.checkRows(f)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "sums unlike things: government and company money") {
		t.Errorf("a company's money among the schemes gives %v", errs)
	}
}
