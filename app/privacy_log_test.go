package app

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"secondopinion/data/store"
)

func TestPrivacyLogShowsWhoOpenedWhatWithoutNames(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOn(t, dir)

	// Name the desk, then open the person's page and their request.
	s.showSettings()
	ss := s.current.(*settingsScreen)
	test.Type(ss.deskName.entry, "Reception desk 1")
	test.Tap(ss.saveBtn)
	settle(t, s)
	s.showPeople()
	ps := s.current.(*peopleScreen)
	ps.selected = r.PersonID
	ps.showDetail()
	ps.showDetail() // drawn again: not opened again
	s.showRequest(r.ID)
	settle(t, s)

	s.showSettings()
	tapButton(t, s, "Privacy log…")
	settle(t, s)
	pl, ok := s.current.(*privacyLogScreen)
	if !ok {
		t.Fatalf("the screen is %T, want the privacy log", s.current)
	}
	if len(pl.entries) < 4 {
		t.Fatalf("the log lists %d entries", len(pl.entries))
	}
	first, second := pl.rowText(0), pl.rowText(1)
	if !strings.HasSuffix(first, " | Reception desk 1 | opened | request | "+r.ID) {
		t.Errorf("newest entry %q, want the request opened at the desk", first)
	}
	if !strings.HasSuffix(second, " | Reception desk 1 | opened | person | "+r.PersonID) {
		t.Errorf("next entry %q, want the person opened once", second)
	}
	var all []string
	for i := range pl.entries {
		all = append(all, pl.rowText(i))
	}
	text := strings.Join(all, "\n")
	for _, word := range []string{"Joseph", "Okoro", "asthma", "Patel"} {
		if strings.Contains(text, word) {
			t.Errorf("the log shows %q:\n%s", word, text)
		}
	}
	if !strings.Contains(text, "| created | person | "+r.PersonID) || !strings.Contains(pl.count.Text, "entries.") {
		t.Errorf("the log lacks the person's creation, or its count (%q):\n%s", pl.count.Text, text)
	}

	pl.action.SetSelected(store.AuditOpened)
	settle(t, s)
	if len(pl.entries) != 2 {
		t.Errorf("filtered to opened: %d entries, want 2", len(pl.entries))
	}
	for i := range pl.entries {
		if pl.entries[i].Action != store.AuditOpened {
			t.Errorf("filtered list holds %q", pl.rowText(i))
		}
	}

	path := filepath.Join(t.TempDir(), "log.csv")
	pl.saveTo(path)
	settle(t, s)
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the CSV: %v, %v", info, err)
	}
	f, _ := os.Open(path)
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(rows) != 3 || rows[1][1] != "Reception desk 1" || rows[1][2] != store.AuditOpened {
		t.Errorf("the CSV of what was opened: %q, %v", rows, err)
	}
	if !strings.Contains(pl.count.Text, path) {
		t.Errorf("the screen does not say where the CSV went: %q", pl.count.Text)
	}
	pl.action.SetSelected(store.AuditExported)
	settle(t, s)
	if len(pl.entries) != 1 || pl.entries[0].Kind != store.AuditAuditLog {
		t.Errorf("saving the log was not noted: %+v", pl.entries)
	}
}
