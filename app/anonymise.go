package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2/dialog"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/data/subject"
)

// Anonymising someone past the retention period: their requests stay for
// the figures, and everything that says who they are or what they said
// goes (see store.AnonymisePerson).

// onAnonymisePerson counts what is theirs, then asks.
func (s *shell) onAnonymisePerson(p data.Person) {
	st := s.st
	background(s, func(ctx context.Context) (subject.Holdings, error) { return subject.Count(ctx, st, p.ID) },
		func(h subject.Holdings) { s.confirmAnonymise(p, h) })
}

func (s *shell) confirmAnonymise(p data.Person, h subject.Holdings) *nameDialog {
	keep := "• " + counted(h.Requests, "request") + ", with when they were made, their route, subject and reason, " +
		"who asked and how, what happened and every date"
	gone := "• their name, date of birth, NHS number, address, phone, email, notes and consent\n" +
		"• what was written in their requests\n" +
		"• the words of " + counted(h.Letters, "letter") + " (letters never sent are deleted)\n" +
		"• what was noted on " + counted(h.Steps, "step") + "\n" +
		"• " + counted(h.Files, "attached file")
	return s.confirmByName(p, "Anonymise "+p.Name+"?", "Anonymise for good", "To anonymise them, type their full name:",
		func() { s.anonymisePerson(p) },
		prose("Anonymising keeps what the figures count and takes away who "+p.Name+" is. Kept:"),
		prose(keep),
		prose("Taken away, overwritten in the records file:"),
		prose(gone),
		prose("They are then listed as \u201c"+store.AnonymisedName+"\u201d. This cannot be undone. Backups are not changed now: "+
			"next you are told which still hold their details."))
}

// anonymised is what anonymising did and left.
type anonymised struct {
	a       store.Anonymised
	holding []store.BackupFile
	cl      *caseload
}

// anonymisePerson anonymises them in the background, reads the caseload
// again, then says which backups still hold their details.
func (s *shell) anonymisePerson(p data.Person) {
	st, dir, today := s.st, s.st.Dir(), s.today()
	background(s, func(ctx context.Context) (anonymised, error) {
		var out anonymised
		var err error
		if out.a, err = st.AnonymisePerson(ctx, p.ID, today); err != nil {
			return out, err
		}
		if out.holding, _, err = store.BackupsHolding(ctx, dir, p.ID); err != nil {
			return out, err
		}
		out.cl, err = loadCaseload(ctx, st)
		return out, err
	}, func(out anonymised) {
		s.useCaseload(out.cl)
		if s.deskDraft != nil && s.deskDraft.personID == p.ID {
			s.deskDraft = nil
		}
		ps := newPeopleScreen(s)
		ps.selected = p.ID
		s.show(ps, navPeople)
		s.showAnonymised(p, out)
	})
}

func (s *shell) showAnonymised(p data.Person, out anonymised) {
	lines := []string{p.Name + " is anonymised: " + counted(out.a.Requests, "request") + " kept for the figures, without " +
		"their words; " + counted(out.a.Letters, "letter") + " kept without their words, " + counted(out.a.Drafts, "unsent letter") +
		" and " + counted(out.a.Attachments, "attached file") + " deleted."}
	if !out.a.LogCleared {
		lines = append(lines, "One last copy of the change is kept in the records' log until the program closes.")
	}
	if len(out.holding) == 0 {
		s.showDialog(dialog.NewInformation("Anonymised", strings.Join(lines, "\n\n"), s.win))
		return
	}
	var list []string
	for _, b := range out.holding {
		list = append(list, "• "+b.ModTime.Local().Format("2 January 2006 15:04"))
	}
	lines = append(lines, upperFirst(counted(len(out.holding), "backup"))+" in the backups folder still "+
		map[bool]string{true: "holds", false: "hold"}[len(out.holding) == 1]+" their details:\n\n"+strings.Join(list, "\n")+
		"\n\nA backup cannot be anonymised the same way, so replacing it makes it again without "+firstName(p.Name)+
		" at all, keeping everyone else.")
	s.offerToReplaceBackups("Anonymised", p, out.holding, lines)
}
