package letters

import (
	"strings"
	"testing"

	"secondopinion/data"
)

// A letter on someone's behalf says who they are to the writer, in the
// writer's words, before their name.
func TestBehalfLetterSaysTheRelationship(t *testing.T) {
	in := fullInput(data.KindSecondOpinionDiagnosis, data.England, true)
	in.Person.Relationship = "My mother"
	l, err := Compose(in)
	if err != nil {
		t.Fatal(err)
	}
	text := RenderText(l)
	if !strings.Contains(text, "from my mother, "+in.Person.Name) {
		t.Errorf("the letter does not say the relationship:\n%s", text)
	}
	in.Person.Relationship = ""
	l, _ = Compose(in)
	if strings.Contains(RenderText(l), "my mother") {
		t.Error("with no relationship recorded the letter still names one")
	}
}
