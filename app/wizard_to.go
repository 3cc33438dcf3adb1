package app

import (
	"cmp"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/letters"
)

const (
	pickDirectory  = "From the directory"
	pickNewContact = "Someone new"
)

// contactPicker is the wizard's last page: who the letter goes to, picked
// from the directory (those suiting the letter first) or added there.
type contactPicker struct {
	s      *shell
	choice *widget.RadioGroup
	search *entry
	list   *widget.List
	// shown are the ids of the bodies listed, not their places in the
	// directory, which move when another desk adds to it: the row tapped
	// must be the body it shows.
	shown  []string
	found  []int
	picked string
	chosen *widget.Label
	advice *widget.Label
	role   data.ContactRole
	form   *contactForm
	body   *fyne.Container
	// nation is the person's: bodies serving only other nations stay
	// hidden unless others is ticked (a letter about their health sent
	// across a border is a wasted month and a privacy breach).
	nation data.Nation
	others *widget.Check
	hidden *widget.Label
}

func newContactPicker(s *shell) *contactPicker {
	cp := &contactPicker{s: s}
	cp.chosen = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	cp.advice = prose("")
	cp.search = newEntry()
	cp.search.SetPlaceHolder("Search the directory")
	cp.search.OnChanged = cp.onSearch
	cp.list = widget.NewList(func() int { return len(cp.shown) }, plainRow, cp.updateRow)
	cp.list.OnSelected = cp.onSelected
	cp.form = newContactForm(data.Contact{})
	cp.others = widget.NewCheck("Show other nations' bodies", cp.onOthers)
	cp.hidden = note("")
	cp.choice = widget.NewRadioGroup([]string{pickDirectory, pickNewContact}, cp.onChoice)
	cp.choice.Horizontal = true
	cp.body = container.NewVBox()
	return cp
}

func (cp *contactPicker) title() string { return "Who should the letter go to?" }

func (cp *contactPicker) load(r data.Request) {
	cp.picked = r.RecipientID
	if c, ok := cp.s.cl.contact(r.RecipientID); ok {
		cp.chosen.SetText(c.DisplayName())
	}
	if len(cp.s.cl.contacts) == 0 {
		cp.choice.SetSelected(pickNewContact)
		cp.choice.Disable()
	} else {
		cp.choice.SetSelected(pickDirectory)
	}
}

// suggest puts the contacts who usually receive this letter first, and
// shows only the bodies that serve the person's nation.
func (cp *contactPicker) suggest(kind string, nation data.Nation) {
	cp.nation = nation
	if cp.form.contact.ID == "" {
		cp.form.preferNation(nation)
	}
	k, ok := letters.KindByID(kind)
	if !ok {
		cp.refilter()
		return
	}
	cp.role = k.Recipient
	cp.advice.SetText("The first letter will be \u201c" + k.Title + "\u201d. It usually goes to: " + strings.ToLower(k.Recipient.Label()[:1]) + k.Recipient.Label()[1:] + ".")
	if cp.form.contact.ID == "" {
		cp.form.role.SetSelected(k.Recipient.Label())
	}
	cp.refilter()
}

func (cp *contactPicker) content() fyne.CanvasObject {
	return container.NewVBox(cp.advice, cp.choice, cp.body)
}

func (cp *contactPicker) onChoice(string) {
	if cp.choice.Selected == pickNewContact {
		cp.body.Objects = []fyne.CanvasObject{cp.form.content()}
	} else {
		cp.body.Objects = []fyne.CanvasObject{cp.search, container.New(&minHeight{h: 240}, cp.list),
			container.NewHBox(cp.others, cp.hidden), container.NewHBox(widget.NewLabel("Chosen:"), cp.chosen)}
	}
	cp.body.Refresh()
}

func (cp *contactPicker) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	c, ok := cp.s.cl.contact(cp.shown[i])
	if !ok {
		o.(*widget.Label).SetText("(no longer in the directory)")
		return
	}
	o.(*widget.Label).SetText(c.DisplayName() + "  ·  " + c.Role.Label())
}

func (cp *contactPicker) onSearch(q string) {
	cp.filter(q)
	cp.list.UnselectAll()
	cp.list.Refresh()
}

func (cp *contactPicker) onOthers(bool) { cp.refilter() }

func (cp *contactPicker) refilter() {
	cp.filter(cp.search.Text)
	cp.list.UnselectAll()
	cp.list.Refresh()
}

// filter lists the matches: the letter's usual role first, then the
// bodies known to serve the person's nation before those that record no
// nation. Bodies of other nations are left out unless asked for; the one
// already chosen always stays.
func (cp *contactPicker) filter(q string) {
	cs := cp.s.cl.contacts
	matches := searchContacts(cs, q, cp.found)
	kept, away := matches[:0], 0
	for _, i := range matches {
		c := cs[i]
		if cp.nation == "" || cp.others.Checked || c.Serves(cp.nation) || c.ID == cp.picked {
			kept = append(kept, i)
		} else {
			away++
		}
	}
	cp.found = kept
	slices.SortStableFunc(cp.found, func(a, b int) int {
		return cmp.Or(cmp.Compare(rank(cs[a].Role != cp.role), rank(cs[b].Role != cp.role)),
			cmp.Compare(rank(!cs[a].ServesOnly(cp.nation)), rank(!cs[b].ServesOnly(cp.nation))))
	})
	cp.shown = cp.shown[:0]
	for _, i := range cp.found {
		cp.shown = append(cp.shown, cs[i].ID)
	}
	cp.hidden.SetText(hiddenText(away, cp.nation))
}

// hiddenText says how many bodies of other nations the list leaves out.
func hiddenText(n int, nation data.Nation) string {
	if n == 0 {
		return ""
	}
	return plural(n, "body", "bodies") + " of other nations hidden: the letter is about someone in " + nation.Label()
}

func rank(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (cp *contactPicker) onSelected(i widget.ListItemID) {
	c, ok := cp.s.cl.contact(cp.shown[i])
	if !ok { // removed from the directory at another desk since the list was made
		cp.list.UnselectAll()
		return
	}
	cp.picked = c.ID
	cp.chosen.SetText(c.DisplayName())
	cp.chosen.Importance = widget.MediumImportance
	cp.chosen.Refresh()
}

// pending is the new contact to save before the letter, if any.
func (cp *contactPicker) pending() (data.Contact, bool) {
	if cp.choice.Selected != pickNewContact {
		return data.Contact{}, false
	}
	c, _ := cp.form.value()
	return c, true
}

func (cp *contactPicker) saved(c data.Contact) {
	cp.picked = c.ID
	cp.chosen.SetText(c.DisplayName())
	cp.form.load(c)
	cp.choice.Enable()
	cp.choice.SetSelected(pickDirectory)
	cp.refilter()
}

func (cp *contactPicker) collect(r *data.Request) bool {
	if cp.choice.Selected == pickNewContact {
		_, ok := cp.form.value()
		return ok
	}
	if cp.picked == "" {
		cp.chosen.SetText("Please choose someone from the list, or add someone new.")
		cp.chosen.Importance = widget.DangerImportance
		cp.chosen.Refresh()
		return false
	}
	r.RecipientID = cp.picked
	return true
}

func (cp *contactPicker) fields() []*field { return cp.form.fields() }
