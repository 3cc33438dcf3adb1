package data

import (
	"strings"
	"testing"
)

func TestNHSNumber(t *testing.T) {
	cases := []struct {
		in, want string // want is part of the message, "" for valid
	}{
		{"", ""},
		{"943 476 5919", ""},
		{"9434765919", ""},
		{"943-476-5919", ""},
		{"9434765918", "not a valid number"},
		{"943476591", "10 digits"},
		{"94347659190", "10 digits"},
		{"94347659ab", "10 digits"},
		{"1000000010", "not a valid"}, // the check digit would be 10
	}
	for _, c := range cases {
		got := CheckNHSNumber(c.in)
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("CheckNHSNumber(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPersonValidation(t *testing.T) {
	ok := Person{Name: "Siân Llŷr ap Dafydd", Nation: Wales}
	cases := []struct {
		name  string
		edit  func(p *Person)
		field string // "" for valid
	}{
		{"a Welsh name", func(p *Person) {}, ""},
		{"apostrophe and hyphen", func(p *Person) { p.Name = "Zoë O'Brien-Ng" }, ""},
		{"right-to-left", func(p *Person) { p.Name = "مريم الحسيني" }, ""},
		{"blank name", func(p *Person) { p.Name = "   " }, "Name"},
		{"name too long", func(p *Person) { p.Name = strings.Repeat("a", LimitName+1) }, "Name"},
		{"name on two lines", func(p *Person) { p.Name = "Ann\nBell" }, "Name"},
		{"control character", func(p *Person) { p.Name = "Ann\x07" }, "Name"},
		{"born tomorrow", func(p *Person) { p.DateOfBirth = Today().AddDays(1) }, "DateOfBirth"},
		{"born today", func(p *Person) { p.DateOfBirth = Today() }, ""},
		{"born in 1850", func(p *Person) { p.DateOfBirth = MustDate(1850, 1, 1) }, "DateOfBirth"},
		{"bad email", func(p *Person) { p.Email = "ann at example" }, "Email"},
		{"good email", func(p *Person) { p.Email = "ann.bell@example.co.uk" }, ""},
		{"bad phone", func(p *Person) { p.Phone = "call me" }, "Phone"},
		{"short phone", func(p *Person) { p.Phone = "123" }, "Phone"},
		{"good phone", func(p *Person) { p.Phone = "+44 (0)1632 960123" }, ""},
		{"bad NHS number", func(p *Person) { p.NHSNumber = "123" }, "NHSNumber"},
		{"no nation", func(p *Person) { p.Nation = "" }, "Nation"},
		{"huge notes", func(p *Person) { p.Notes = strings.Repeat("x", LimitNotes+1) }, "Notes"},
		{"a 1 MB paste in notes", func(p *Person) { p.Notes = strings.Repeat("x", LimitNotes) }, ""},
		{"invalid UTF-8", func(p *Person) { p.Address = "\xff\xfe" }, "Address"},
		{"pronouns they", func(p *Person) { p.Pronouns = PronounsThey }, ""},
		{"pronouns unknown", func(p *Person) { p.Pronouns = "xe" }, "Pronouns"},
		{"title Mx", func(p *Person) { p.Title = TitleMx }, ""},
		{"title unknown", func(p *Person) { p.Title = "Lord" }, "Title"},
		{"NHS name in another script", func(p *Person) { p.Name = "محمد عبد الله"; p.NHSName = "Mohammed Abdullah" }, ""},
		{"NHS name on two lines", func(p *Person) { p.NHSName = "Ann\nBell" }, "NHSName"},
		{"relationship", func(p *Person) { p.Relationship = "my son" }, ""},
		{"relationship too long", func(p *Person) { p.Relationship = strings.Repeat("a", LimitName+1) }, "Relationship"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := ok
			c.edit(&p)
			err := p.Validate()
			if c.field == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			ps, isProblems := err.(Problems)
			if !isProblems || ps.For(c.field) == "" {
				t.Fatalf("want a problem with %s, got %v", c.field, err)
			}
		})
	}
}

func TestMessagesAreSafeToShow(t *testing.T) {
	if got := Message(&UserError{Message: "The disk is full."}); got != "The disk is full." {
		t.Errorf("user error: %q", got)
	}
	if got := Message(Person{}.Validate()); !strings.Contains(got, "name is needed") {
		t.Errorf("problems: %q", got)
	}
	if got := Message(errString("sql: connection pool exploded at 0xc000")); strings.Contains(got, "0xc000") {
		t.Errorf("internal detail shown: %q", got)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestRequestStepAndLetterValidation(t *testing.T) {
	if err := (Request{PersonID: "p", Subject: SubjectTreatment}).Validate(); err != nil {
		t.Errorf("a bare draft should save: %v", err)
	}
	if err := (Request{PersonID: "p", Subject: "feet"}).Validate(); err == nil {
		t.Error("unknown subject accepted")
	}
	step := Step{RequestID: "r", On: MustDate(2026, 1, 10), Kind: StepReply, Outcome: OutcomeRefused}
	if err := step.Validate(); err != nil {
		t.Errorf("valid reply: %v", err)
	}
	step.DueOn = MustDate(2026, 1, 9)
	if err := step.Validate(); err == nil || err.(Problems).For("DueOn") == "" {
		t.Errorf("due before the step: %v", err)
	}
	if err := (Letter{RequestID: "r", Kind: KindPALS, Body: strings.Repeat("é", LimitLetter)}).Validate(); err != nil {
		t.Errorf("a long letter: %v", err)
	}
}

func FuzzValidatePerson(f *testing.F) {
	f.Add("Siân", "01632 960123", "a@b.cy", "943 476 5919", "21/11/1990")
	f.Fuzz(func(t *testing.T, name, phone, email, nhs, dob string) {
		d, _ := ParseDate(dob)
		p := Person{Name: name, Phone: phone, Email: email, NHSNumber: nhs, DateOfBirth: d, Nation: England}
		if err := p.Validate(); err != nil && Message(err) == "" {
			t.Fatal("an error with no message")
		}
	})
}

func TestEveryNationHasItsFactsAndSignposts(t *testing.T) {
	seen := map[string]Nation{}
	for _, n := range Nations {
		f := FactsFor(n)
		for name, v := range map[string]string{"Commissioner": f.Commissioner, "Ombudsman": f.Ombudsman,
			"FundingRequest": f.FundingRequest, "FundingTest": f.FundingTest, "CrisisHelp": f.CrisisHelp,
			"UrgentReview": f.UrgentReview, "MentalHealthAct": f.MentalHealthAct, "Advocacy": f.Advocacy} {
			if v == "" {
				t.Errorf("%s has no %s", n, name)
			}
		}
		if other, dup := seen[f.Ombudsman]; dup {
			t.Errorf("%s and %s share an ombudsman", n, other)
		}
		seen[f.Ombudsman] = n
		if f.AckWorkingDays < 2 || f.ComplaintLimitMonths < 6 || f.OmbudsmanLimitMonths < 6 {
			t.Errorf("%s: implausible deadlines %+v", n, f)
		}
	}
	if FactsFor(England).CommissionerShort != "ICB" || strings.Contains(FactsFor(England).Commissioner, "Clinical Commissioning") {
		t.Error("England's commissioner is the ICB, not a CCG")
	}
	if !strings.Contains(FactsFor(England).UrgentReview, "Martha's Rule") || strings.Contains(FactsFor(Wales).UrgentReview, "Martha") {
		t.Error("Martha's Rule is England's")
	}
}
