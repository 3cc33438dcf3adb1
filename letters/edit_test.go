package letters

import (
	"reflect"
	"strings"
	"testing"

	"secondopinion/data"
)

func TestEditRoundTrip(t *testing.T) {
	for name, in := range goldenCases() {
		l, err := Compose(in)
		if err != nil {
			t.Fatal(err)
		}
		back := l.WithEditedText(l.EditableText())
		if !reflect.DeepEqual(back, l) {
			t.Errorf("%s: the letter changed on a round trip through its editable text\n got: %#v\nwant: %#v", name, back, l)
		}
		if RenderText(back) != RenderText(l) {
			t.Errorf("%s: renders differently after a round trip", name)
		}
	}
}

func TestEditedText(t *testing.T) {
	l, err := Compose(fullInput(data.KindReviewTreatment, data.England, false))
	if err != nil {
		t.Fatal(err)
	}
	edited := "Please look again at my lithium\r\n" +
		"\r\n" +
		"Dear Dr Rahman,\r\n\r\n" +
		"I would like to talk about:\n" +
		"- the tremor\n" +
		"* my weight,\n" +
		"   which has gone up\n" +
		"• sleeping all day\n" +
		"Thank you.\n\n\n" +
		"Kind regards\n" +
		"Zoë\n"
	got := l.WithEditedText(edited)
	if got.Subject != "Please look again at my lithium" || got.Salutation != "Dear Dr Rahman," {
		t.Errorf("subject %q, greeting %q", got.Subject, got.Salutation)
	}
	wantBody := []Block{
		para("I would like to talk about:"),
		list("the tremor", "my weight, which has gone up", "sleeping all day"),
		para("Thank you."),
	}
	if !reflect.DeepEqual(got.Body, wantBody) {
		t.Errorf("body %#v, want %#v", got.Body, wantBody)
	}
	if got.Closing != "Kind regards" || !reflect.DeepEqual(got.Signature, []string{"Zoë"}) {
		t.Errorf("closing %q, signature %q", got.Closing, got.Signature)
	}
	// The addresses and date always come from the records.
	if !reflect.DeepEqual(got.From, l.From) || !reflect.DeepEqual(got.To, l.To) || got.Date != l.Date {
		t.Error("editing changed the addresses or the date")
	}
	text := RenderText(got)
	for _, w := range []string{"• the tremor\n", "• my weight, which has gone up\n", "• sleeping all day\n"} {
		if !strings.Contains(text, w) {
			t.Errorf("edited bullet %q not rendered as a bullet:\n%s", w, text)
		}
	}
}

func TestEditedTextOddShapes(t *testing.T) {
	l, _ := Compose(emptyInput(data.KindPALS, data.England))
	for _, s := range []string{"", "\n", "Only a subject", "Subject\n\nJust one paragraph, no greeting or closing.", "\n\n\n- \n*\n•"} {
		got := l.WithEditedText(s)
		if strings.Contains(RenderText(got), "\n\n\n\n") {
			t.Errorf("%q renders with a run of blank lines", s)
		}
	}
}
