//go:build unix

package app

import (
	"os"
	"strings"
	"testing"
)

// A data folder others could open is made private on opening, and the
// window says so once.
func TestAFolderOthersCouldOpenIsMadePrivateAndSaid(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s := openOn(t, dir)
	if !strings.Contains(bannerText(s), "could open your data folder") || !strings.Contains(bannerText(s), "yours alone") {
		t.Fatalf("no banner about the folder; banners say:\n%s", bannerText(s))
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o700 {
		t.Errorf("the folder is %v, want 0700", info.Mode().Perm())
	}
	s.dismiss(bannerFolder)()
	if strings.Contains(bannerText(s), "data folder") {
		t.Error("the banner stays after it was put away")
	}
}

// A folder of another user's is left alone, with a warning that stays
// until it is put away.
func TestAFolderOfAnotherUserShowsAWarning(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("giving a folder to another user needs root")
	}
	dir := t.TempDir()
	seedRequest(t, dir)
	os.Chmod(dir, 0o750)
	if err := os.Chown(dir, 65534, 65534); err != nil {
		t.Skip("cannot give the folder to another user:", err)
	}
	s := openOn(t, dir)
	if !strings.Contains(bannerText(s), "Other people who use this computer may be able to open your data folder") {
		t.Fatalf("no warning about the folder; banners say:\n%s", bannerText(s))
	}
	s.showPeople()
	if !strings.Contains(bannerText(s), "readable by you alone") {
		t.Error("the warning went when the screen changed")
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o750 {
		t.Errorf("another user's folder was changed to %v", info.Mode().Perm())
	}
}
