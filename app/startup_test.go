package app

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
)

// objects lists everything drawn under o, widgets' insides included.
func objects(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, objects(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			out = append(out, objects(c)...)
		}
	}
	return out
}

// topDialogText is every label's text in the dialog on top, or "".
func topDialogText(s *shell) string {
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range objects(top) {
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.RichText:
			b.WriteString(v.String() + "\n")
		}
	}
	return b.String()
}

// tapInDialog taps the button with this text in the dialog on top.
func tapInDialog(t *testing.T, s *shell, text string) {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is open to tap %q in", text)
	}
	for _, o := range objects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("the dialog has no %q button", text)
}

// openPlain opens the window without failing on the screen it shows.
func openPlain(t *testing.T, dir string) *shell {
	t.Helper()
	a := test.NewTempApp(t)
	s := newShell(a, dir)
	s.jobs.queued = true
	s.start()
	s.jobs.wait()
	t.Cleanup(func() { s.closeStore(); s.win.Close() })
	return s
}

func TestSecondCopyIsToldTheRecordsAreInUse(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	first := openOn(t, dir)
	if first.st == nil {
		t.Fatal("the first copy did not open the records")
	}
	second := openPlain(t, dir)
	ss, ok := second.current.(*startupScreen)
	if !ok {
		t.Fatalf("the second copy shows %T, want the in-use screen", second.current)
	}
	if second.st != nil {
		t.Fatal("the second copy opened the records as well")
	}
	if !strings.Contains(ss.title, "already open") || !strings.Contains(ss.message.Text, "already open") {
		t.Errorf("the second copy says %q: %q", ss.title, ss.message.Text)
	}

	// Once the first copy closes, Try again opens the records.
	first.closeStore()
	second.start()
	second.jobs.wait()
	if second.st == nil || len(second.cl.people) != 1 {
		t.Fatalf("after the first copy closed, Try again did not open the records")
	}
}

// damage writes junk into the middle of the database file.
func damage(t *testing.T, dir string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(dir, store.FileName), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(bytes.Repeat([]byte("\xde\xad\xbe\xef"), 1024), 4096*2); err != nil {
		t.Fatal(err)
	}
}

func TestDamagedRecordsOfferTheNewestGoodBackup(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 150; i++ { // enough pages for the damage to land in the records
		p := data.Person{Name: strings.Repeat("Bethan ", 15), Nation: data.Wales}
		if err := st.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.AutoBackup(ctx, 10); err != nil {
		t.Fatal(err)
	}
	st.Close()
	damage(t, dir)
	before, _ := os.ReadFile(filepath.Join(dir, store.FileName))

	s := openPlain(t, dir)
	ss, ok := s.current.(*startupScreen)
	if !ok || !strings.Contains(ss.title, "damaged") {
		t.Fatalf("a damaged database shows %T, want the damaged screen", s.current)
	}
	if s.st != nil {
		t.Fatal("the damaged records were opened")
	}
	after, _ := os.ReadFile(filepath.Join(dir, store.FileName))
	if !bytes.Equal(before, after) {
		t.Fatal("the damaged file was written to")
	}
	if ss.restore.Disabled() || !strings.HasPrefix(ss.restore.Text, "Restore the backup from") {
		t.Fatalf("the restore button says %q (disabled %v)", ss.restore.Text, ss.restore.Disabled())
	}

	test.Tap(ss.restore)
	s.jobs.wait()
	if s.st == nil || len(s.cl.people) != 151 {
		t.Fatalf("after restoring, the records did not open with the backup's 151 people")
	}
	if _, ok := s.current.(*todayScreen); !ok {
		t.Errorf("after restoring the screen is %T, want Today", s.current)
	}
	msg := topDialogText(s)
	if !strings.Contains(msg, "before-restore") {
		t.Errorf("the restored message does not say where the old records are:\n%s", msg)
	}
	aside, _ := filepath.Glob(filepath.Join(dir, store.FileName+".before-restore-*"))
	if len(aside) == 0 {
		t.Fatal("the damaged records were not kept aside")
	}
	kept, _ := os.ReadFile(aside[0])
	if !bytes.Equal(kept, before) {
		t.Error("the damaged records kept aside are not the file as it was")
	}
}

func TestNewerRecordsAreRefusedUnchanged(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	db, err := sql.Open("sqlite", filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(filepath.Join(dir, store.FileName))

	s := openPlain(t, dir)
	ss, ok := s.current.(*startupScreen)
	if !ok || s.st != nil {
		t.Fatalf("newer records show %T, want the could-not-open screen", s.current)
	}
	if !strings.Contains(ss.message.Text, "newer version") || !strings.Contains(ss.message.Text, "Nothing has been changed") {
		t.Errorf("the screen says %q", ss.message.Text)
	}
	if !strings.Contains(ss.title, "newer Second Opinion") {
		t.Errorf("the title is %q", ss.title)
	}
	after, _ := os.ReadFile(filepath.Join(dir, store.FileName))
	if !bytes.Equal(before, after) {
		t.Error("the newer records were changed")
	}
}
