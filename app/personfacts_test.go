package app

import (
	"strings"
	"testing"

	"secondopinion/data"
)

// The number on the health record goes by the name the person's nation
// gives it.
func TestPersonFactsNameTheNationsRecordNumber(t *testing.T) {
	for n, want := range map[data.Nation]string{
		data.England: "NHS number 9434765919", data.Wales: "NHS number 9434765919",
		data.Scotland: "CHI number 9434765919", data.NorthernIreland: "Health and Care Number 9434765919",
		"": "NHS number 9434765919",
	} {
		got := personFacts(data.Person{NHSNumber: "9434765919", Nation: n})
		if !strings.Contains(got, want) {
			t.Errorf("%q: %q lacks %q", n, got, want)
		}
	}
}
