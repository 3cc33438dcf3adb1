package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data/store"
	"secondopinion/data/vault"
)

const lockPass = "window sill marigold four"

// protectFolder protects the records in dir with lockPass.
func protectFolder(t *testing.T, dir string) vault.RecoveryKey {
	t.Helper()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rk, _ := vault.NewRecoveryKey()
	if _, err := st.Protect(ctx, lockPass, rk); err != nil {
		t.Fatal(err)
	}
	return rk
}

// windowText is every word the window shows, dialogs included.
func windowText(s *shell) string {
	var b strings.Builder
	all := objects(s.win.Content())
	for _, o := range s.win.Canvas().Overlays().List() {
		all = append(all, objects(o)...)
	}
	for _, o := range all {
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.RichText:
			b.WriteString(v.String() + "\n")
		case *widget.Entry:
			b.WriteString(v.Text + "\n")
		case *widget.Button:
			b.WriteString(v.Text + "\n")
		}
	}
	return b.String()
}

func unlockWith(t *testing.T, s *shell, u *unlockScreen, pass string) {
	t.Helper()
	u.pass.SetText(pass)
	test.Tap(u.unlock)
	s.jobs.wait()
}

func TestProtectedRecordsAskForThePassphraseAtStart(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	protectFolder(t, dir)
	s := openOn(t, dir)
	u, ok := s.current.(*unlockScreen)
	if !ok {
		t.Fatalf("the first screen is %T, want the unlock screen", s.current)
	}
	if strings.Contains(windowText(s), "Joseph Okoro") {
		t.Fatal("the unlock screen shows a name")
	}
	unlockWith(t, s, u, "not the passphrase")
	if _, still := s.current.(*unlockScreen); !still || !strings.Contains(u.message.Text, "does not open") {
		t.Fatalf("after a wrong passphrase: screen %T, message %q", s.current, u.message.Text)
	}
	unlockWith(t, s, u, lockPass)
	settle(t, s)
	if s.st == nil || s.cl == nil || len(s.cl.people) != 1 || s.cl.people[0].Name != "Joseph Okoro" {
		t.Fatalf("the records did not open after the right passphrase")
	}
	if u.pass.Text != "" {
		t.Error("the passphrase stays in its box")
	}
}

func TestRecoveryKeyOpensAndAsksForANewPassphrase(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	rk := protectFolder(t, dir)
	s := openOn(t, dir)
	u := s.current.(*unlockScreen)
	test.Tap(u.switchTo)
	u.recovery.SetText(strings.ToLower(strings.ReplaceAll(rk.String(), "-", " ")))
	test.Tap(u.unlock)
	s.jobs.wait()
	if s.cl == nil {
		t.Fatalf("the recovery key did not open the records: %q", u.message.Text)
	}
	if !strings.Contains(topDialogText(s), "choose a new") {
		t.Fatalf("no new passphrase was asked for:\n%s", topDialogText(s))
	}
}

func TestLockHidesEveryPersonalDetailAndComesBackAsItWas(t *testing.T) {
	s := openProtectedUnlocked(t)
	s.showPeople()
	settle(t, s)
	if !strings.Contains(windowText(s), "Joseph Okoro") {
		t.Fatal("the people screen does not show the name to begin with")
	}
	people := s.current
	before := s.win.Content()

	// Ctrl+L, as the window's own shortcut.
	s.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(
		&desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault})
	if !s.isLocked() {
		t.Fatal("Ctrl+L did not lock the window")
	}
	if txt := windowText(s); strings.Contains(txt, "Joseph") || strings.Contains(txt, "Okoro") {
		t.Fatalf("the locked window still shows the name:\n%s", txt)
	}
	// Nothing works behind the lock.
	s.onNewRequest()
	if s.current != people {
		t.Fatal("Ctrl+N worked while locked")
	}
	u := s.lock.screen
	unlockWith(t, s, u, "not the passphrase")
	if !s.isLocked() {
		t.Fatal("a wrong passphrase unlocked the window")
	}
	unlockWith(t, s, u, lockPass)
	if s.isLocked() || s.win.Content() != before || s.current != people {
		t.Fatal("unlocking did not bring back the screen as it was")
	}
	if !strings.Contains(windowText(s), "Joseph Okoro") {
		t.Fatal("the name is not back after unlocking")
	}
}

func TestLockKeepsOpenDialogsAndWhatWasTyped(t *testing.T) {
	s := openProtectedUnlocked(t)
	e := widget.NewEntry()
	e.SetText("typed about Joseph Okoro")
	d := widgetDialog(s, e)
	s.lockNow()
	if len(s.win.Canvas().Overlays().List()) != 0 || strings.Contains(windowText(s), "Okoro") {
		t.Fatal("an open dialog shows over the lock screen")
	}
	unlockWith(t, s, s.lock.screen, lockPass)
	if s.win.Canvas().Overlays().Top() == nil || e.Text != "typed about Joseph Okoro" {
		t.Fatal("the dialog, or what was typed in it, did not come back")
	}
	d.Hide()
}

// A dialog that closes while the window is locked (its save ended, say)
// does not come back with the window: hidden on top, it took every click.
func TestADialogClosedWhileLockedStaysClosed(t *testing.T) {
	s := openProtectedUnlocked(t)
	d := widgetDialog(s, widget.NewLabel("Still saving…"))
	s.lockNow()
	d.Hide()
	unlockWith(t, s, s.lock.screen, lockPass)
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog closed while locked is back on top (visible %v)", top.Visible())
	}
}

func TestWindowLocksWhenIdle(t *testing.T) {
	s := openProtectedUnlocked(t)
	s.stopIdle() // the test drives the clock itself
	l := s.locker()
	now := time.Now()
	l.now = func() time.Time { return now }
	l.stopped = false
	l.used()
	s.checkIdle()
	now = now.Add(4 * time.Minute)
	s.checkIdle()
	if s.isLocked() {
		t.Fatal("locked before the idle time")
	}
	// Typing counts as use.
	s.showPeople()
	now = now.Add(2 * time.Minute)
	s.checkIdle()
	if s.isLocked() {
		t.Fatal("locked although the screen changed")
	}
	now = now.Add(5 * time.Minute)
	s.checkIdle()
	if !s.isLocked() {
		t.Fatal("not locked after five idle minutes")
	}
}

func TestUnprotectedRecordsDoNotLock(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	s := openOn(t, dir)
	settle(t, s)
	s.lockNow()
	if s.isLocked() {
		t.Fatal("records without a passphrase were locked: nothing could unlock them")
	}
}

func TestProtectingFromSettings(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	s := openOn(t, dir)
	settle(t, s)
	s.onProtect()
	top := s.win.Canvas().Overlays().Top()
	var boxes []*widget.Entry
	var next *widget.Button
	for _, o := range objects(top) {
		switch v := o.(type) {
		case *widget.Entry:
			boxes = append(boxes, v)
		case *widget.Button:
			if v.Text == "Next" {
				next = v
			}
		}
	}
	boxes[0].SetText(lockPass)
	boxes[1].SetText(lockPass + "x")
	test.Tap(next)
	if !strings.Contains(topDialogText(s), "not the same") {
		t.Fatalf("different passphrases were accepted:\n%s", topDialogText(s))
	}
	boxes[1].SetText(lockPass)
	test.Tap(next)
	var rd *recoveryKeyDialog
	for _, o := range objects(s.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Monospace {
			rd = &recoveryKeyDialog{key: l}
		}
	}
	if rd == nil {
		t.Fatal("no recovery key was shown")
	}
	groups := strings.Fields(rd.key.Text)
	if len(groups) != vault.RecoveryGroups {
		t.Fatalf("recovery key %q", rd.key.Text)
	}
	var confirm *widget.Entry
	var turnOn *widget.Button
	for _, o := range objects(s.win.Canvas().Overlays().Top()) {
		switch v := o.(type) {
		case *widget.Entry:
			confirm = v
		case *widget.Button:
			if v.Text == "Turn protection on" {
				turnOn = v
			}
		}
	}
	confirm.SetText("AAAAA")
	if !turnOn.Disabled() {
		t.Fatal("protection can be turned on without showing the key was kept")
	}
	confirm.SetText(strings.ToLower(groups[len(groups)-1]))
	if turnOn.Disabled() {
		t.Fatal("typing the last group did not allow turning protection on")
	}
	test.Tap(turnOn)
	s.jobs.wait()
	if !s.st.Protected() {
		t.Fatalf("not protected: %s", topDialogText(s))
	}
	if !strings.Contains(topDialogText(s), "now protected") {
		t.Fatalf("no word that protection is on:\n%s", topDialogText(s))
	}
	// The recovery key typed from the screen opens the records.
	s.closeStore()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.UnlockWithRecovery(ctx, strings.Join(groups, "")); err != nil {
		t.Fatalf("the key shown does not open the records: %v", err)
	}
}

// widgetDialog opens a dialog holding o through the window's own helper.
func widgetDialog(s *shell, o fyne.CanvasObject) dialog.Dialog {
	d := dialog.NewCustom("Note", "Close", o, s.win)
	s.showDialog(d)
	return d
}

func TestRestoringAProtectedBackupAsksForItsPassphrase(t *testing.T) {
	s := openProtectedUnlocked(t)
	backup, err := s.st.AutoBackup(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	s.restoreFrom(backup)
	s.jobs.wait()
	if !strings.Contains(topDialogText(s), "This backup is protected") && !strings.Contains(topDialogText(s), "passphrase these records had") {
		t.Fatalf("no passphrase was asked for:\n%s", topDialogText(s))
	}
	box, restore := inTopDialog(t, s, "Restore")
	box.SetText("not the passphrase")
	test.Tap(restore)
	s.jobs.wait()
	if !strings.Contains(topDialogText(s), "does not open this backup") {
		t.Fatalf("a wrong passphrase was not refused:\n%s", topDialogText(s))
	}
	box.SetText(lockPass)
	test.Tap(restore)
	s.jobs.wait()
	u, ok := s.current.(*unlockScreen)
	if !ok {
		t.Fatalf("after restoring, the screen is %T, want the unlock screen", s.current)
	}
	unlockWith(t, s, u, lockPass)
	if s.cl == nil || len(s.cl.people) != 1 {
		t.Fatal("the restored records did not open")
	}
}

// openProtectedUnlocked opens a caseload protected with lockPass, and
// unlocks it.
func openProtectedUnlocked(t *testing.T) *shell {
	t.Helper()
	dir := t.TempDir()
	seedRequest(t, dir)
	protectFolder(t, dir)
	s := openOn(t, dir)
	unlockWith(t, s, s.current.(*unlockScreen), lockPass)
	settle(t, s)
	return s
}
