package app

import (
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/data/store"
)

func TestBackUpNowWritesAFileRestoreAccepts(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	s := openOn(t, dir)
	dest := filepath.Join(t.TempDir(), "Second Opinion backup.db")
	s.backupTo(dest)
	s.jobs.wait()
	if msg := topDialogText(s); !strings.Contains(msg, "checked") || !strings.Contains(msg, dest) {
		t.Fatalf("after Back up now the dialog says:\n%s", msg)
	}
	if s.lastBackup.IsZero() || s.backupReminder() != "" {
		t.Errorf("the backup was not remembered: last %v, reminder %q", s.lastBackup, s.backupReminder())
	}

	elsewhere := t.TempDir()
	if _, err := store.Restore(ctx, elsewhere, dest); err != nil {
		t.Fatalf("Restore refused the backup: %v", err)
	}
	st, err := store.Open(elsewhere)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	people, _ := st.People(ctx)
	if len(people) != 1 || people[0].Name != "Joseph Okoro" {
		t.Errorf("the restored records hold %+v", people)
	}
}

func TestRestoreFromTheMenuKeepsTheOldRecordsAside(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	s := openOn(t, dir)
	dest := filepath.Join(t.TempDir(), "backup.db")
	s.backupTo(dest)
	s.jobs.wait()
	s.dialogs[len(s.dialogs)-1].Hide()

	// Someone added after the backup is not in the restored records.
	p := data.Person{Name: "Added Later", Nation: data.Scotland}
	if err := s.st.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	s.confirmRestore(dest)
	if msg := topDialogText(s); !strings.Contains(msg, "kept aside") {
		t.Fatalf("the restore is not explained before it happens:\n%s", msg)
	}
	tapInDialog(t, s, "Restore")
	s.jobs.wait()
	if s.st == nil || len(s.cl.people) != 1 || s.cl.people[0].Name != "Joseph Okoro" {
		t.Fatalf("after restoring the window shows %d people", len(s.cl.people))
	}
	if msg := topDialogText(s); !strings.Contains(msg, "before-restore") || strings.Contains(msg, "privacy log") {
		t.Errorf("the user is not told where the old records are, or told their log was not carried over:\n%s", msg)
	}
	all, _ := filepath.Glob(filepath.Join(dir, store.FileName+".before-restore-*"))
	var aside []string
	for _, f := range all {
		if !strings.HasSuffix(f, "-commits") { // the count of commits moves with its records
			aside = append(aside, f)
		}
	}
	if len(aside) != 1 {
		t.Fatalf("old records kept aside: %v", aside)
	}
	db, err := sql.Open("sqlite", "file:"+aside[0]+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM people WHERE name = 'Added Later'").Scan(&n); err != nil || n != 1 {
		t.Errorf("the records kept aside lack the person added after the backup: %d, %v", n, err)
	}
}

func TestClosingMakesAnAutomaticBackupAndKeepsN(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var before []string
	for i := 0; i < 3; i++ {
		p, err := st.AutoBackup(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		before = append(before, p)
	}
	if err := st.SetSetting(ctx, settingBackupKeep, "2"); err != nil {
		t.Fatal(err)
	}
	st.Close()

	s := newShell(test.NewTempApp(t), dir) // the window closes itself here
	s.jobs.queued = true
	s.start()
	s.jobs.wait()
	s.onClose()
	s.jobs.wait()
	if s.st != nil {
		t.Fatal("the records are still open after closing")
	}
	list, _ := store.Backups(dir)
	if len(list) != 2 {
		t.Fatalf("after closing there are %d automatic backups, want 2", len(list))
	}
	if slices.Contains(before, list[0].Path) {
		t.Errorf("the newest backup %s is an old one: none was made on closing", list[0].Path)
	}
	if list[1].Path != before[2] {
		t.Errorf("kept %s as the second, want the newest old one %s", list[1].Path, before[2])
	}
	if _, err := store.Restore(ctx, t.TempDir(), list[0].Path); err != nil {
		t.Errorf("the automatic backup cannot be restored: %v", err)
	}
}
