package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"secondopinion/data"
)

// colleaguePage holds what a clinician's referral to a colleague needs
// beyond the patient's own account: tests and assessments, the risk
// assessment, the questions to answer and the timescale. All optional; a
// patient or carer can leave it blank.
type colleaguePage struct {
	tests, risk, questions, timescale *field
}

func newColleaguePage() *colleaguePage {
	p := &colleaguePage{
		tests:     newTextField("TestsAndAssessments", "Tests and assessments", "One a line, with dates: results, scans, rating scales.", 4),
		risk:      newTextField("RiskAssessment", "Risk assessment", "A short summary of the current risk assessment.", 3),
		questions: newTextField("Questions", "Questions to answer", "One question a line. Left blank, the letter asks about diagnosis, treatment and risk.", 4),
		timescale: newField("Timescale", "Timescale", "For example: within four weeks, or before the review on 3 March.", checkLength(data.LimitLine)),
	}
	for _, f := range []*field{p.tests, p.risk, p.questions} {
		f.check = checkLength(data.LimitText)
	}
	return p
}

func (p *colleaguePage) title() string { return "For a clinician's referral to a colleague" }

func (p *colleaguePage) content() fyne.CanvasObject {
	return container.NewVBox(
		prose("Only needed when a clinician writes to a colleague for a second opinion. Anything left blank is left out of the letter."),
		fieldRows(p.tests, p.risk, p.questions, p.timescale))
}

func (p *colleaguePage) load(r data.Request) {
	p.tests.set(r.TestsAndAssessments)
	p.risk.set(r.RiskAssessment)
	p.questions.set(r.Questions)
	p.timescale.set(r.Timescale)
}

func (p *colleaguePage) collect(r *data.Request) bool {
	ok := true
	for _, f := range p.fields() {
		ok = f.validate() && ok
	}
	if !ok {
		return false
	}
	r.TestsAndAssessments = strings.TrimSpace(p.tests.text())
	r.RiskAssessment = strings.TrimSpace(p.risk.text())
	r.Questions = strings.TrimSpace(p.questions.text())
	r.Timescale = strings.TrimSpace(p.timescale.text())
	return true
}

func (p *colleaguePage) fields() []*field { return []*field{p.tests, p.risk, p.questions, p.timescale} }
