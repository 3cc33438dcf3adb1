package letters

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"secondopinion/data"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenCases are every kind for a full and a nearly empty request, in
// England (the patient's own voice) and Wales (written on their behalf).
func goldenCases() map[string]Input {
	cases := map[string]Input{}
	for _, k := range data.LetterKinds {
		cases[k+"-full-england"] = fullInput(k, data.England, false)
		cases[k+"-full-wales"] = fullInput(k, data.Wales, true)
		cases[k+"-empty-england"] = emptyInput(k, data.England)
		cases[k+"-empty-wales"] = emptyInput(k, data.Wales)
	}
	return cases
}

func TestGolden(t *testing.T) {
	for name, in := range goldenCases() {
		t.Run(name, func(t *testing.T) {
			l, err := Compose(in)
			if err != nil {
				t.Fatal(err)
			}
			got := RenderText(l)
			path := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./letters -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("letter differs from %s (run with -update if the change is intended)\n--- got ---\n%s", path, got)
			}
		})
	}
}

func TestKinds(t *testing.T) {
	ks := Kinds()
	if len(ks) != len(data.LetterKinds) {
		t.Fatalf("%d kinds, want %d", len(ks), len(data.LetterKinds))
	}
	for i, k := range ks {
		if k.ID != data.LetterKinds[i] {
			t.Errorf("kind %d is %q, want %q (the ladder's order)", i, k.ID, data.LetterKinds[i])
		}
		if k.Title == "" || k.Description == "" || k.Recipient == "" {
			t.Errorf("kind %q is missing a title, description or recipient", k.ID)
		}
		if _, ok := builders[k.ID]; !ok {
			t.Errorf("kind %q has no composer", k.ID)
		}
	}
	if _, err := Compose(Input{Kind: "thank-you-note"}); err == nil {
		t.Error("an unknown kind composed without an error")
	}
}

// Signs that an empty part left a hole in a sentence.
var holes = regexp.MustCompile(`  | \.|\( |\(\)| ,|: \.|\b(of|for|since|about|is|on|to|by) [.,]|\.\.|'s [.,]`)

func TestNoHolesWhenPartsAreEmpty(t *testing.T) {
	for _, k := range data.LetterKinds {
		for _, nation := range data.Nations {
			// The empty request, and the full one with each part removed in turn.
			inputs := []Input{emptyInput(k, nation), {Kind: k, Date: letterDate}}
			full := fullInput(k, nation, true)
			for _, clear := range partClearers {
				in := full
				clear(&in)
				inputs = append(inputs, in)
			}
			for _, in := range inputs {
				l, err := Compose(in)
				if err != nil {
					t.Fatal(err)
				}
				checkNoHoles(t, k, l)
			}
		}
	}
}

var partClearers = []func(*Input){
	func(in *Input) { in.Request.Condition = "" },
	func(in *Input) { in.Request.Treatment = "" },
	func(in *Input) { in.Request.Reason = "" },
	func(in *Input) { in.Request.OutcomeWanted = "" },
	func(in *Input) {
		in.Request.UnwellSince = ""
		in.Request.Admissions = ""
		in.Request.MedicationsTried = ""
	},
	func(in *Input) {
		in.Request.CurrentMedication = ""
		in.Request.SideEffects = ""
		in.Request.Problems = ""
	},
	func(in *Input) { in.Request.AlreadyTried = ""; in.Request.RaisedWithDoctor = false },
	func(in *Input) { in.Person.DateOfBirth = data.Date{}; in.Person.NHSNumber = "" },
	func(in *Input) { in.Person.Address = ""; in.Sender.Address = "" },
	func(in *Input) { in.Steps = nil },
	func(in *Input) { in.Recipient = data.Contact{} },
	func(in *Input) { in.Sender = data.Sender{} },
}

func checkNoHoles(t *testing.T, kind string, l Letter) {
	t.Helper()
	if l.Subject == "" || l.Salutation == "" || l.Closing == "" || len(l.Body) == 0 {
		t.Errorf("%s: letter lacks a subject, greeting, closing or body:\n%s", kind, RenderText(l))
	}
	for _, b := range l.Body {
		texts := b.Items
		if !b.IsList() {
			texts = strings.Split(b.Text, "\n")
		}
		for _, s := range texts {
			if strings.TrimSpace(s) == "" || holes.MatchString(s) {
				t.Errorf("%s: a part is missing from %q", kind, s)
			}
		}
		if !b.IsList() && strings.HasSuffix(b.Text, ":") {
			// An introduction must be followed by its list.
			if i := indexOf(l.Body, b); i == len(l.Body)-1 || !l.Body[i+1].IsList() {
				t.Errorf("%s: %q introduces nothing", kind, b.Text)
			}
		}
	}
}

func indexOf(bs []Block, b Block) int {
	for i := range bs {
		if bs[i].Text == b.Text && len(bs[i].Items) == len(b.Items) {
			return i
		}
	}
	return -1
}

func TestVoice(t *testing.T) {
	for _, k := range data.LetterKinds {
		self, _ := Compose(fullInput(k, data.England, false))
		behalf, _ := Compose(fullInput(k, data.England, true))
		switch k {
		case data.KindClinicianReferral:
			if self.Signature[0] != "Dr Aisha Rahman" || !strings.Contains(RenderText(self), "Date of birth: 3 March 1985") {
				t.Errorf("%s: not from the clinician with the patient's details:\n%s", k, RenderText(self))
			}
		case data.KindReceptionReceipt:
			if self.To[0] != "Zoë O'Brien-Ng" || self.From[0] != "Hyde Park Surgery" || !strings.Contains(RenderText(self), "NHS 111") {
				t.Errorf("%s: not from the surgery to the patient:\n%s", k, RenderText(self))
			}
		default:
			if self.Signature[0] != "Zoë O'Brien-Ng" || self.From[0] != "Zoë O'Brien-Ng" {
				t.Errorf("%s: the patient's own letter is not from the patient", k)
			}
			text := behalf.EditableText()
			head := text[:min(len(text), 400)]
			if behalf.From[0] != "Siân Llŷr ap Dafydd" || !strings.Contains(head, "I am writing to support a request from Zoë O'Brien-Ng (date of birth 3 March 1985, NHS number 485 777 3456).") {
				t.Errorf("%s: the letter on her behalf does not name her near the top:\n%s", k, head)
			}
		}
	}
}

// The facts that differ between the nations reach the letters.
func TestNations(t *testing.T) {
	tests := []struct {
		kind   string
		nation data.Nation
		want   []string
	}{
		{data.KindComplaint, data.England, []string{"NHS complaints procedure", "3 working days", "six months", "Parliamentary and Health Service Ombudsman", "12-month"}},
		{data.KindComplaint, data.Wales, []string{"Putting Things Right", "2 working days", "30 working days", "Public Services Ombudsman for Wales"}},
		{data.KindComplaint, data.Scotland, []string{"3 working days", "20 working days", "Scottish Public Services Ombudsman", "6-month"}},
		{data.KindComplaint, data.NorthernIreland, []string{"stage 1", "5 working days", "acknowledged within 3 working days", "20 working days", "Northern Ireland Public Services Ombudsman"}},
		{data.KindOmbudsman, data.Wales, []string{"Public Services Ombudsman for Wales"}},
		{data.KindOmbudsman, data.Scotland, []string{"Scottish Public Services Ombudsman"}},
		{data.KindIFRRequest, data.England, []string{"individual funding request (IFR)", "Integrated Care Board (ICB)", "clinically exceptional", "only a GP or consultant"}},
		{data.KindIFRRequest, data.Wales, []string{"individual patient funding request (IPFR)", "local health board"}},
		{data.KindIFRRequest, data.Scotland, []string{"out-of-area referral", "NHS board", "why the NHS board's own services cannot meet the need"}},
		{data.KindIFRRequest, data.Wales, []string{"significant clinical benefit", "value for money"}},
		{data.KindIFRRequest, data.NorthernIreland, []string{"extra-contractual referral (ECR)", "Strategic Planning and Performance Group", "not available from health and social care services in Northern Ireland"}},
		{data.KindIFRReconsideration, data.England, []string{"IFR", "28 days", "that the case is clinically exceptional"}},
		{data.KindIFRReconsideration, data.Wales, []string{"IPFR", "28 days", "significant clinical benefit and be reasonable value for money"}},
		{data.KindAdvocacy, data.Wales, []string{"Llais"}},
		{data.KindAdvocacy, data.Scotland, []string{"Patient Advice and Support Service (PASS)"}},
		{data.KindRecordsRequest, data.England, []string{"UK GDPR", "no charge", "one calendar month"}},
		{data.KindReceptionReceipt, data.Wales, []string{"Llais", "Putting Things Right", "NHS 111 Wales", "999", "116 123"}},
		{data.KindReceptionReceipt, data.NorthernIreland, []string{"Lifeline on 0808 808 8000", "GP out-of-hours", "116 123", "practice manager"}},
		{data.KindReceptionReceipt, data.England, []string{"practice manager", "NHS complaints advocacy"}},
	}
	for _, tt := range tests {
		l, err := Compose(fullInput(tt.kind, tt.nation, false))
		if err != nil {
			t.Fatal(err)
		}
		text := RenderText(l)
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s in %s: missing %q:\n%s", tt.kind, tt.nation, w, text)
			}
		}
		if strings.Contains(text, "CCG") || strings.Contains(text, "Clinical Commissioning") {
			t.Errorf("%s: names a body that no longer exists", tt.kind)
		}
		if tt.nation == data.NorthernIreland && strings.Contains(text, "NHS 111") {
			t.Errorf("%s: there is no NHS 111 in Northern Ireland:\n%s", tt.kind, text)
		}
		if strings.Contains(text, "PACS") {
			t.Errorf("%s in %s: PACS Tier 2 is for medicines, never a second opinion", tt.kind, tt.nation)
		}
	}
}

func TestNames(t *testing.T) {
	tests := []struct{ name, greet, first string }{
		{"Dr Aisha Rahman", "Dr Rahman", "Dr Rahman"},
		{"Dr Siân Llŷr ap Dafydd", "Dr ap Dafydd", "Dr ap Dafydd"},
		{"Zoë O'Brien-Ng", "Zoë O'Brien-Ng", "Zoë"},
		{"Mr Jones", "Mr Jones", "Mr Jones"},
		{"Professor Mark Ellis", "Professor Ellis", "Professor Ellis"},
	}
	for _, tt := range tests {
		if got := addressName(tt.name); got != tt.greet {
			t.Errorf("addressName(%q) = %q, want %q", tt.name, got, tt.greet)
		}
		if got := firstName(tt.name); got != tt.first {
			t.Errorf("firstName(%q) = %q, want %q", tt.name, got, tt.first)
		}
	}
}

func TestOnBehalfLettersNoteConsent(t *testing.T) {
	in := fullInput(data.KindSecondOpinionDiagnosis, data.England, true)
	in.Person.ConsentOn = data.MustDate(2026, 10, 30)
	in.Person.ConsentScope = "Letters and calls about her second opinion."
	l, err := Compose(in)
	if err != nil {
		t.Fatal(err)
	}
	text := RenderText(l)
	want := "I am writing on behalf of Zoë O'Brien-Ng (date of birth 3 March 1985, NHS number 485 777 3456). Zoë gave me written consent on 30 October 2026 to act in this matter (letters and calls about her second opinion), so you can discuss this with me. I can send you a copy of the consent."
	if !strings.Contains(text, want) {
		t.Errorf("no consent sentence in:\n%s", text)
	}
	if strings.Contains(text, "has asked me to write") || strings.Contains(text, "happy for you") {
		t.Errorf("consent is stated twice:\n%s", text)
	}
	// With her pronouns and who she is to the writer recorded.
	in.Person.Pronouns, in.Person.Relationship = data.PronounsShe, "Daughter"
	text = compose(t, in)
	want = "I am writing on behalf of my daughter, Zoë O'Brien-Ng (date of birth 3 March 1985, NHS number 485 777 3456). Zoë gave me written consent on 30 October 2026 to act for her"
	if !strings.Contains(text, want) || strings.Contains(text, "for them") {
		t.Errorf("relationship or pronouns not used:\n%s", text)
	}

	in.Person.ConsentOn = data.Date{}
	text = compose(t, in)
	if strings.Contains(text, "gave me written consent") || strings.Contains(text, "has asked me to write") || strings.Contains(text, "discuss this with me") {
		t.Errorf("consent claimed although none is recorded:\n%s", text)
	}
	want = "I am writing to support a request from my daughter, Zoë O'Brien-Ng (date of birth 3 March 1985, NHS number 485 777 3456). I do not yet have Zoë's written consent to act for her, so until I send it, please write to her directly about anything you cannot share with me."
	if !strings.Contains(text, want) {
		t.Errorf("does not say plainly that consent is not yet given:\n%s", text)
	}
	own := fullInput(data.KindSecondOpinionDiagnosis, data.England, false)
	own.Person.ConsentOn = data.MustDate(2026, 10, 30)
	l, _ = Compose(own)
	if strings.Contains(RenderText(l), "written consent") {
		t.Error("a letter in the patient's own voice should not mention consent")
	}
}
