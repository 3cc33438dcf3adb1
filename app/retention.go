package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/subject"
)

// Retention: how long records are kept after a person's last request
// closes. None unless set; the window notes who is past it, on their page
// and in the list, and never erases anyone by itself.

func init() { settingKeys = append(settingKeys, subject.SettingRetentionYears) }

// retentionYears is the period in years, or 0 for none.
func (c *caseload) retentionYears() int {
	return subject.ParseYears(c.settings[subject.SettingRetentionYears])
}

// pastRetention says whether the person is past the period, and since when.
func (s *shell) pastRetention(p data.Person) (subject.Past, bool) {
	years := s.cl.retentionYears()
	if years == 0 {
		return subject.Past{}, false
	}
	var reqs []data.Request
	var steps []data.Step
	for _, r := range s.cl.requestsOf(p.ID) {
		reqs = append(reqs, r.forRules())
		steps = s.cl.digest(r.ID).timeline(r.ID, steps)
	}
	past := subject.PastRetention([]data.Person{p}, reqs, steps, years, s.today())
	if len(past) == 0 {
		return subject.Past{}, false
	}
	return past[0], true
}

// retentionLine is the short note for the list of people; "" when not past.
func (s *shell) retentionLine(p data.Person) string {
	if _, ok := s.pastRetention(p); ok {
		return "past the retention period"
	}
	return ""
}

// retentionNote is the note on a person's page, or nil.
func (s *shell) retentionNote(p data.Person) fyne.CanvasObject {
	past, ok := s.pastRetention(p)
	if !ok {
		return nil
	}
	years := s.cl.retentionYears()
	why := fmt.Sprintf("Their last request closed on %s", past.Closed.Long())
	if past.NoRequests {
		why = fmt.Sprintf("They have no requests and were added on %s", past.Closed.Long())
	}
	l := widget.NewLabel(fmt.Sprintf("%s: records are kept for %s after that, so theirs were due to go on %s. "+
		"If nothing else needs them, save their own copy if they want one, then erase them, or anonymise them to keep "+
		"their requests in the figures without anything that says who they are.",
		why, plural(years, "year", "years"), past.Due.Long()))
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	return l
}

func checkRetention(v string) string {
	v = strings.TrimSpace(v)
	if v == "" || subject.ParseYears(v) > 0 {
		return ""
	}
	return fmt.Sprintf("Please give a number of years from 1 to %d, or leave it blank to keep records until you erase them.",
		subject.LimitRetentionYears)
}

func newRetentionField(c *caseload) *field {
	f := newField("RetentionYears", "Keep records for (years)",
		"Years after a person's last request closes. Blank: no period. Nothing is erased by itself: "+
			"the people past it are marked, for you to decide.", checkRetention)
	if n := c.retentionYears(); n > 0 {
		f.set(fmt.Sprint(n))
	}
	return f
}

// retention is the Settings section for the retention period.
func (ss *settingsScreen) retention() fyne.CanvasObject {
	return container.NewVBox(subheading("How long records are kept"),
		quiet("An advocacy service or practice usually keeps records for a set time after a case closes (often 6 years); "+
			"after that they should be erased."),
		fieldRows(ss.keepYears))
}
