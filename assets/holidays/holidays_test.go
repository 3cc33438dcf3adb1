package holidays

import (
	"reflect"
	"testing"
)

// The shipped file is what the rules give: a change to either must be
// made in both (edit rules.go, then go generate).
func TestDataMatchesRules(t *testing.T) {
	f, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, div := range Divisions {
		var want []Holiday
		for y := f.FirstYear; y <= f.LastYear; y++ {
			want = append(want, Project(div, y)...)
		}
		if !reflect.DeepEqual(f.Divisions[div], want) {
			t.Errorf("%s: shipped dates differ from the rules; run go generate", div)
		}
	}
}

func TestCheck(t *testing.T) {
	if Check(Scotland) != nil || Check("wales") == nil {
		t.Error("Check accepts only GOV.UK's three divisions")
	}
}
