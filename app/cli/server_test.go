package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"secondopinion/data/store/pgtest"
)

// Every command that reads records works the same on a team's server as
// on a folder: the same output for the same caseload.
func TestCommandsOnATeamsServer(t *testing.T) {
	srv := pgtest.Start(t)
	t.Setenv("PGPASSWORD", pgtest.Password)
	server := srv.Address(pgtest.Admin, srv.NewDatabaseName(t))
	dir := t.TempDir()
	if code, _, stderr := runAdmin(t, "demo", "-data", dir, "-clients", "40", "-seed", "3"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	tryOut := srv.Address(pgtest.Admin, srv.NewDatabaseName(t))
	if code, out, stderr := runAdmin(t, "demo", "-db", tryOut, "-clients", "40", "-seed", "3"); code != ExitOK {
		t.Fatalf("demo on a server: %s", stderr)
	} else if !strings.Contains(out, "people to the team's server ") {
		t.Errorf("the demo on a server does not say where it put them:\n%s", out)
	}
	if code, _, stderr := runAdmin(t, "move", "-from", dir, "-to", server); code != ExitOK {
		t.Fatalf("move: %s", stderr)
	}
	same := func(args ...string) string {
		t.Helper()
		code, onFolder, stderr := runAdmin(t, args[0], append([]string{"-data", dir}, args[1:]...)...)
		if code != ExitOK {
			t.Fatalf("%s on the folder: %s", args[0], stderr)
		}
		code, onServer, stderr := runAdmin(t, args[0], append([]string{"-db", server}, args[1:]...)...)
		if code != ExitOK {
			t.Fatalf("%s on the server: exit %d: %s", args[0], code, stderr)
		}
		if onServer != onFolder {
			t.Errorf("%s differs:\nfolder:\n%s\nserver:\n%s", args[0], onFolder, onServer)
		}
		return onServer
	}
	requests := same("requests")
	same("agenda", "-on", "2026-12-01")
	same("report", "-from", "2026-01-01", "-to", "2026-11-30", "-on", "2026-12-01")
	same("retention", "-years", "1")

	id := strings.SplitN(requests, "\t", 2)[0]
	letter := filepath.Join(t.TempDir(), "letter.txt")
	if code, _, stderr := runAdmin(t, "letter", "-db", server, "-request", id, "-kind", "review-diagnosis", "-o", letter); code != ExitOK {
		t.Errorf("letter from the server: %s", stderr)
	}
	person := strings.Split(strings.SplitN(requests, "\n", 2)[0], "\t")[1]
	copyDir := t.TempDir()
	if code, _, stderr := runAdmin(t, "export-person", "-db", server, "-person", person, "-o", copyDir); code != ExitOK {
		t.Errorf("a person's copy from the server: %s", stderr)
	}
	if code, out, stderr := runAdmin(t, "erase-person", "-db", server, "-person", person, "-yes"); code != ExitOK {
		t.Errorf("erasing on the server: %s %s", out, stderr)
	}
	if _, after, _ := runAdmin(t, "requests", "-db", server); strings.Contains(after, person+"\t") {
		t.Error("the erased person's requests are still listed")
	}
	lines := strings.Split(strings.TrimSpace(requests), "\n")
	other := strings.Split(lines[len(lines)-1], "\t")[1]
	if code, out, stderr := runAdmin(t, "erase-person", "-db", server, "-person", other, "-anonymise", "-yes"); code != ExitOK {
		t.Errorf("anonymising on the server: %s %s", out, stderr)
	}
	backup := filepath.Join(t.TempDir(), "team.db")
	if code, out, stderr := runAdmin(t, "backup", "-db", server, "-o", backup); code != ExitOK || !strings.Contains(out, "checked") {
		t.Errorf("backup of the server: %s %s", out, stderr)
	}
	restored := t.TempDir()
	if code, _, stderr := runAdmin(t, "restore", "-data", restored, "-from", backup); code != ExitOK {
		t.Fatalf("restoring the server's backup: %s", stderr)
	}
	_, fromBackup, _ := runAdmin(t, "requests", "-data", restored)
	if code, _, stderr := runAdmin(t, "restore", "-db", server, "-from", backup); code != ExitMisuse || !strings.Contains(stderr, "move") {
		t.Errorf("restore onto a server: exit %d: %s", code, stderr)
	}
	if _, now, _ := runAdmin(t, "requests", "-db", server); fromBackup != now {
		t.Error("the server's backup does not hold the same requests")
	}
}
