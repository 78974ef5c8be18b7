package analysis

// entityIndex resolves the names investors and metric entities go by to
// their groups, from the Entities sheet. With no Entities sheet every
// name is its own group.
type entityIndex struct {
	byName map[string]*Entity // folded name or alias -> entity row
	short  map[string]string  // folded group name -> display name
	// local holds the Chinese short names: folded group name -> name, in
	// Traditional (0) and Simplified (1) script.
	local [2]map[string]string
	// written is each group's name as first written, by folded name.
	written map[string]string
	// seen is each name the Entities sheet does not know as first met,
	// by folded name: "PIF: Humain" after "PIF: HUMAIN" is that name.
	seen map[string]string
	// frozen is set when Build is done: seen is then only read, so that
	// renderers may look names up at once.
	frozen bool
}

// newEntityIndex checks the Entities rows and indexes them. A name or
// alias given to two different groups is an error at the second row.
func newEntityIndex(es []Entity, probs *Problems) *entityIndex {
	ix := &entityIndex{byName: map[string]*Entity{}, short: map[string]string{},
		local: [2]map[string]string{{}, {}}, written: map[string]string{}, seen: map[string]string{}}
	for i := range es {
		e := &es[i]
		group := e.Group
		if group == "" {
			group = e.Name
		}
		for j, n := range append([]string{e.Name}, e.Aliases...) {
			k := norm(n)
			if k == "" {
				continue
			}
			if prev, ok := ix.byName[k]; ok && norm(prev.groupName()) != norm(group) {
				col := "name"
				if j > 0 {
					col = "aliases"
				}
				probs.Add(e.Loc.Problem(SevError, col, n, errorf(ErrConflict,
					"%q is already a name of group %q at %s; give each name one group", n, prev.groupName(), prev.Loc.Ref())))
				continue
			}
			ix.byName[k] = e
		}
		if _, ok := ix.written[norm(group)]; !ok {
			ix.written[norm(group)] = group
		}
		for i, s := range [2]string{e.ShortHant, e.ShortHans} {
			g := norm(group)
			if _, ok := ix.local[i][g]; s != "" && (!ok || norm(e.Name) == g) {
				ix.local[i][g] = s
			}
		}
		if e.Short != "" {
			g := norm(group)
			// The group's own row names the group; a member's short name
			// serves only when the group's row gives none.
			if _, ok := ix.short[g]; !ok || norm(e.Name) == g {
				ix.short[g] = e.Short
			}
		}
	}
	ix.checkShown(es, probs)
	return ix
}

// checkShown reports two groups shown under one name: the report would
// add them together on Investors. The error is at the row of the later
// group that gives the name.
func (ix *entityIndex) checkShown(es []Entity, probs *Problems) {
	if len(ix.short) == 0 {
		return
	}
	owner := map[string]*Entity{} // folded shown name -> a row of the group shown so
	reported := map[string]bool{} // folded group names already reported
	for i := range es {
		e := &es[i]
		g := norm(e.groupName())
		shown := ix.group(e.groupName())
		k := norm(shown)
		prev, ok := owner[k]
		if !ok {
			owner[k] = e
			continue
		}
		if norm(prev.groupName()) == g || reported[g] {
			continue
		}
		reported[g] = true
		col, v := "short_name", e.Short
		if e.Short == "" || norm(e.Short) != k {
			col, v = "name", e.Name
		}
		probs.Add(e.Loc.Problem(SevError, col, v, errorf(ErrConflict,
			"group %q is shown as %q, as group %q is (at %s); the report would add the two together on Investors; give each group its own short name, or make one a member of the other",
			e.groupName(), shown, prev.groupName(), prev.Loc.Ref())))
	}
}

func (e *Entity) groupName() string {
	if e.Group != "" {
		return e.Group
	}
	return e.Name
}

// group returns the display name of the group a name belongs to: the
// group's short name where one is given, else the group's name; a name
// the Entities sheet does not know is its own group.
func (ix *entityIndex) group(name string) string {
	k := norm(name)
	g := name
	if e, ok := ix.byName[k]; ok {
		g = e.groupName()
	} else if w, ok := ix.seen[k]; ok {
		g = w // the name as first met: one group however it is spelled
	} else if !ix.frozen {
		ix.seen[k] = name
	}
	if s, ok := ix.short[norm(g)]; ok {
		return s
	}
	return g
}

// member returns the name an investor is listed under as a member: the
// Entities row it is the name or an alias of, else the name as first met,
// case and spacing folded: one rule for members and groups alike.
func (ix *entityIndex) member(name string) string {
	k := norm(name)
	if e, ok := ix.byName[k]; ok {
		return e.Name
	}
	if w, ok := ix.seen[k]; ok {
		return w
	}
	if !ix.frozen {
		ix.seen[k] = name
	}
	return name
}

// MemberOf returns the name an investor is listed under as a member of
// its group (see entityIndex.member).
func (r *Report) MemberOf(name string) string {
	if r.entities == nil {
		return name
	}
	return r.entities.member(name)
}

// groupNamed finds the display name of the group a group= filter names:
// by its display (short) name or its full name, case and spacing folded.
// names lists the groups there are, for the error of a miss.
func (r *Report) groupNamed(v string) (display string, names []string, ok bool) {
	k := norm(v)
	if r.entities != nil {
		if w, found := r.entities.written[k]; found {
			return r.entities.group(w), nil, true
		}
	}
	seen := map[string]bool{}
	for i := range r.Pledges {
		g := r.Pledges[i].Group
		if norm(g) == k {
			return g, nil, true
		}
		if !seen[g] && len(names) < 20 {
			seen[g] = true
			names = append(names, g)
		}
	}
	return "", names, false
}

// LocalGroupNames maps the display name of each group (as Group.Key and
// Pledge.Group give it) to the short name the Entities sheet gives it in
// Traditional (traditional true) or Simplified Chinese. A short name that
// two groups share, or that is another group's display name, is left out,
// so that no two groups read alike.
func (r *Report) LocalGroupNames(traditional bool) map[string]string {
	out := map[string]string{}
	if r.entities == nil {
		return out
	}
	i := 1
	if traditional {
		i = 0
	}
	display := map[string]bool{}
	for g, w := range r.entities.written {
		if s, ok := r.entities.short[g]; ok {
			w = s
		}
		display[norm(w)] = true
	}
	users := map[string]int{}
	for _, s := range r.entities.local[i] {
		users[norm(s)]++
	}
	for g, s := range r.entities.local[i] {
		w := r.entities.written[g]
		if sh, ok := r.entities.short[g]; ok {
			w = sh
		}
		if users[norm(s)] > 1 || display[norm(s)] && norm(s) != norm(w) {
			continue
		}
		out[w] = s
	}
	return out
}

// GroupOf returns the display name of the group an entity named name
// belongs to, as the report's groups of investors name it.
func (r *Report) GroupOf(name string) string {
	if r.entities == nil {
		return name
	}
	return r.entities.group(name)
}
