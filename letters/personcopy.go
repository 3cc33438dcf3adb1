package letters

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"secondopinion/data"
	"secondopinion/data/subject"
)

// A person's own copy of their records is set like a letter to them: the
// same fonts, scripts, page layout and marks on every page, so that a page
// come loose names whose it is.

// FillCopy gives every letter in the copy its text as it reads: composed
// from the records as the program prints it (a sent letter as of the day
// it went), with the user's own words where they edited it.
func FillCopy(c *subject.Copy) {
	recs := c.Records
	contacts := map[string]data.Contact{}
	for _, ct := range recs.Contacts {
		contacts[ct.ID] = ct
	}
	for i := range c.Requests {
		if i >= len(recs.Requests) {
			break
		}
		req := recs.Requests[i]
		saved := recs.Letters[req.ID]
		for j := range c.Requests[i].Letters {
			if j >= len(saved) {
				break
			}
			l := saved[j]
			recipientID := l.RecipientID
			if recipientID == "" {
				recipientID = RecipientFor(l.Kind, req, recs.Person.Nation, recs.Contacts)
			}
			date := data.DateOf(c.MadeAt.Local())
			if l.Sent() {
				date = l.SentOn
			}
			composedLetter, err := Compose(Input{Kind: l.Kind, Person: recs.Person, Request: req,
				Recipient: contacts[recipientID], Sender: recs.Sender, Date: date, Steps: recs.Steps[req.ID],
				LetterID: l.ID, ReplyDays: recs.ChaseDays})
			out := &c.Requests[i].Letters[j]
			if out.Recipient == "" {
				out.Recipient = contacts[recipientID].DisplayName()
			}
			switch {
			case err != nil && l.Edited():
				out.Text = l.Body // the user's words, without the addresses
			case err != nil:
				out.Text = "" // a kind this version cannot write; the copy says so
			case l.Edited():
				out.Text = RenderText(composedLetter.WithEditedText(l.Body))
			default:
				out.Text = RenderText(composedLetter)
			}
		}
	}
}

// CopyFiles gathers everything held about a person and returns it as JSON
// and, when asked, as a PDF: the files of their own copy.
func CopyFiles(ctx context.Context, src subject.Source, personID string, now time.Time, withPDF bool) (jsonBytes, pdfBytes []byte, err error) {
	c, err := subject.Gather(ctx, src, personID, now)
	if err != nil {
		return nil, nil, err
	}
	FillCopy(&c)
	if jsonBytes, err = c.JSON(); err != nil {
		return nil, nil, err
	}
	if !withPDF {
		return jsonBytes, nil, nil
	}
	pdfBytes, err = RenderCopyPDF(c)
	var ue *UnprintableError
	if errors.As(err, &ue) {
		return nil, nil, &data.UserError{Message: "The PDF could not be made: " + err.Error(), Err: err}
	}
	return jsonBytes, pdfBytes, err
}

// RenderCopyPDF sets the person's copy of their records as an A4 PDF, in
// plain words, addressed to them. Attached files are listed by name, size
// and date; their content is in the JSON.
func RenderCopyPDF(c subject.Copy) ([]byte, error) {
	return RenderPDF(copyDocument(c), PDFOptions{})
}

func copyDocument(c subject.Copy) Letter {
	p := c.Records.Person
	made := data.DateOf(c.MadeAt.Local())
	d := &doc{}
	holds := "these records hold"
	if h := c.Holder; h != nil {
		holds = holderName(*h) + " holds"
	}
	d.para(fmt.Sprintf("This is a copy of everything %s about %s, made on %s. "+
		"It comes with a second file, in JSON (a form computers can read), that holds the same and every "+
		"attached file in full.", holds, p.Name, made.Long()))
	if h := c.Holder; h != nil {
		d.heading("Who holds these records")
		d.list(field("Organisation", h.Organisation), field("Name", h.Name), field("Role", h.Role),
			field("Address", strings.Join(lines(h.Address), ", ")), field("Phone", h.Phone), field("Email", h.Email))
		d.para("To ask about anything in this copy, or to have something put right, contact " + holderName(*h) + ".")
	}

	d.heading("Personal details")
	d.list(
		field("Name", p.Name),
		field("Name on the health record", p.NHSName),
		field("Title", titleWord(p.Title)),
		field("Pronouns", pronounWords(p.Pronouns)),
		field("Date of birth", p.DateOfBirth.Long()),
		field(upperFirst(data.FactsFor(p.Nation).PatientNumber), nhsNumber(p.NHSNumber)),
		field("Lives in", p.Nation.Label()),
		field("Address", strings.Join(lines(p.Address), ", ")),
		field("Phone", p.Phone),
		field("Email", p.Email),
		field("Who they are to the user", p.Relationship),
		field("Labels", strings.Join(p.Flags, ", ")),
		field("Notes", p.Notes),
		field("Added to the records", dateOf(p.CreatedAt)),
		field("Last changed", dateOf(p.UpdatedAt)),
	)
	d.heading("Consent")
	if p.HasConsent() || p.ConsentScope != "" {
		d.list(field("Written consent given on", p.ConsentOn.Long()), field("What it covers", p.ConsentScope))
	} else {
		d.para("No written consent is recorded.")
	}

	if len(c.Requests) == 0 {
		d.heading("Requests")
		d.para("There are no requests.")
	}
	var files []string
	for i, r := range c.Records.Requests {
		if i >= len(c.Requests) {
			break
		}
		out := c.Requests[i]
		d.heading(fmt.Sprintf("Request %d of %d: %s", i+1, len(c.Requests), r.Title()))
		d.list(
			field("Where it stands", out.Status),
			field("Route", r.Route.Label()),
			field("Asked by", r.AskedBy.Label()),
			field("Asked", r.AskedHow.Label()),
			field("Reason", r.ReasonCategory.Label()),
			yesIf(r.OnBehalf, "Letters are written on their behalf"),
			field("To", out.Recipient),
			field("Condition", r.Condition),
			field("Treatment", r.Treatment),
			yesIf(r.RaisedWithDoctor, "Already raised with the doctor"),
			field("Why", r.Reason),
			field("Hoped for", r.OutcomeWanted),
			field("Unwell since", r.UnwellSince),
			field("Hospital admissions", r.Admissions),
			field("Medication tried", r.MedicationsTried),
			field("Medication now", r.CurrentMedication),
			field("What the illness stops them doing", r.Problems),
			field("Side effects", r.SideEffects),
			field("Already tried", r.AlreadyTried),
			field("Reply by", r.ReplyMethod.Label()),
			field("Tests and assessments", r.TestsAndAssessments),
			field("Risk assessment", r.RiskAssessment),
			field("Questions", r.Questions),
			field("Timescale", r.Timescale),
			field("Started", dateOf(r.CreatedAt)),
		)
		steps := c.Records.Steps[r.ID]
		if len(steps) > 0 {
			d.subheading("What happened")
			var items []string
			for k, st := range steps {
				items = append(items, stepLine(st, out.Steps[k].Attachment))
				if a := out.Steps[k].Attachment; a != nil {
					files = append(files, fileLine(a))
				}
			}
			d.list(items...)
		}
		for k, l := range out.Letters {
			d.subheading(letterHeading(l, c.Records.Letters[r.ID][k]))
			if strings.TrimSpace(l.Text) == "" {
				d.para("(This version of the program cannot show this letter's words.)")
				continue
			}
			for _, block := range strings.Split(strings.TrimSpace(l.Text), "\n\n") {
				d.para(block)
			}
		}
	}
	d.heading("Attached files")
	if len(files) == 0 {
		d.para("No files are attached.")
	} else {
		d.para("The files themselves are in the JSON file, in full.")
		d.list(files...)
	}
	return Letter{
		Kind: "person-copy", Person: p.Name, Date: made, From: holderLines(c.Holder),
		To:      append([]string{p.Name}, lines(p.Address)...),
		Subject: "Your records: everything held about " + p.Name,
		Body:    d.blocks,
	}
}

// holderName is how the copy names who holds the records: their
// organisation, or else the person.
func holderName(h subject.Holder) string {
	if strings.TrimSpace(h.Organisation) != "" {
		return strings.TrimSpace(h.Organisation)
	}
	return strings.TrimSpace(h.Name)
}

// holderLines are the holder's details at the head of the copy, as a
// letter's sender block.
func holderLines(h *subject.Holder) []string {
	if h == nil {
		return nil
	}
	var out []string
	for _, s := range append([]string{h.Organisation, h.Name}, lines(h.Address)...) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	for _, s := range []string{h.Phone, h.Email} {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// doc gathers the blocks of a document set like a letter.
type doc struct{ blocks []Block }

func (d *doc) para(s string) { d.blocks = append(d.blocks, Block{Text: s}) }
func (d *doc) heading(s string) {
	d.blocks = append(d.blocks, Block{Text: s, Heading: true})
}
func (d *doc) subheading(s string) { d.heading(s) }

// list adds the non-empty items as a bulleted list.
func (d *doc) list(items ...string) {
	var kept []string
	for _, it := range items {
		if strings.TrimSpace(it) != "" {
			kept = append(kept, it)
		}
	}
	if len(kept) > 0 {
		d.blocks = append(d.blocks, Block{Items: kept})
	}
}

// field is "Label: text", with the text exactly as held (its lines
// joined), or "" when there is none.
func field(label, text string) string {
	var ls []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			ls = append(ls, l)
		}
	}
	if len(ls) == 0 {
		return ""
	}
	return label + ": " + strings.Join(ls, " / ")
}

func yesIf(ok bool, s string) string {
	if ok {
		return s
	}
	return ""
}

func titleWord(t data.Title) string {
	if t == "" {
		return ""
	}
	return t.Label()
}

// lowerInitial lowers a label's first letter to run on in a sentence.
func lowerInitial(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func pronounWords(p data.Pronouns) string {
	if p == data.PronounsName {
		return ""
	}
	return p.Label()
}

func dateOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return data.DateOf(t.Local()).Long()
}

func stepLine(st data.Step, a *subject.Attachment) string {
	parts := []string{st.On.Long() + ": " + st.Kind.Label()}
	if st.LetterKind != "" {
		if k, ok := KindByID(st.LetterKind); ok {
			parts[0] += " (" + lowerFirst(k.Title) + ")"
		}
	}
	if st.Outcome != "" {
		parts = append(parts, st.Outcome.Label())
	}
	if st.NoReasons {
		parts = append(parts, "no reasons were given")
	}
	if st.SentHow != "" {
		parts = append(parts, "sent "+lowerInitial(st.SentHow.Label()))
	}
	if !st.ReceivedOn.IsZero() {
		parts = append(parts, "received "+st.ReceivedOn.Long())
	}
	if s := strings.TrimSpace(st.Summary); s != "" {
		parts = append(parts, s)
	}
	if !st.DueOn.IsZero() {
		due := "due by " + st.DueOn.Long()
		if st.DueWhat != "" {
			due = st.DueWhat + ", " + due
		}
		parts = append(parts, due)
	}
	if st.Minutes > 0 {
		parts = append(parts, fmt.Sprintf("%d minutes spent", st.Minutes))
	}
	if a != nil {
		parts = append(parts, "attached: "+a.Name)
	}
	return strings.Join(parts, ". ")
}

func letterHeading(out subject.Letter, l data.Letter) string {
	title := l.Kind
	if k, ok := KindByID(l.Kind); ok {
		title = k.Title
	}
	h := "Letter: " + title
	if out.Recipient != "" {
		h += ", to " + out.Recipient
	}
	if l.Sent() {
		h += ", sent " + l.SentOn.Long()
		if l.SentHow != "" {
			h += " (" + lowerInitial(l.SentHow.Label()) + ")"
		}
	} else {
		h += ", not sent"
	}
	if out.TextSource == subject.TextEdited {
		h += "; the words as the user edited them"
	}
	return h
}

func fileLine(a *subject.Attachment) string {
	if a.Missing {
		return a.Name + ": the records name this file but do not hold it"
	}
	return fmt.Sprintf("%s, %s, attached %s", a.Name, size(a.Size), addedOn(a.AddedAt))
}

func addedOn(stamp string) string {
	if d, err := data.ParseDate(strings.SplitN(stamp, "T", 2)[0]); err == nil {
		return d.Long()
	}
	return stamp
}

func size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
