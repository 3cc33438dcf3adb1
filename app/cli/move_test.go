package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"secondopinion/data/store/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// A caseload goes from a folder to a server and from the server to a new
// folder, with the same counts and the same check at the end.
func TestMoveToAServerAndBack(t *testing.T) {
	srv := pgtest.Start(t)
	t.Setenv("PGPASSWORD", pgtest.Password)
	server := srv.Address(pgtest.Admin, srv.NewDatabaseName(t))
	dir := t.TempDir()
	if code, _, stderr := runAdmin(t, "demo", "-data", dir, "-clients", "30"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	code, out, stderr := runAdmin(t, "move", "-from", dir, "-to", server)
	if code != ExitOK {
		t.Fatalf("move to the server: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "people") || !strings.Contains(out, "checked every one") || strings.Contains(out, pgtest.Password) ||
		!strings.Contains(out, "every client belongs for now to "+pgtest.Admin) {
		t.Errorf("move printed:\n%s", out)
	}
	_, folderCheck, _ := runAdmin(t, "check", "-data", dir)
	code, serverCheck, stderr := runAdmin(t, "check", "-db", server)
	if code != ExitOK {
		t.Fatalf("check on the server: %s", stderr)
	}
	if counts(folderCheck) != counts(serverCheck) {
		t.Errorf("counts differ:\nfolder:\n%s\nserver:\n%s", folderCheck, serverCheck)
	}

	back := filepath.Join(t.TempDir(), "new folder")
	code, out, stderr = runAdmin(t, "move", "-from", server, "-to", back)
	if code != ExitOK {
		t.Fatalf("move back: %s", stderr)
	}
	if !strings.Contains(out, "is not kept in a folder") {
		t.Errorf("moving to a folder does not say whom the clients belonged to is left behind:\n%s", out)
	}
	_, backCheck, _ := runAdmin(t, "check", "-data", back)
	if backCheck != folderCheck {
		t.Errorf("after the round trip:\n%s\nwant:\n%s", backCheck, folderCheck)
	}

	// Moving again into either place is refused: it holds records now.
	code, _, stderr = runAdmin(t, "move", "-from", dir, "-to", server)
	if code != ExitFailure || !strings.Contains(stderr, "never merged") {
		t.Errorf("moving into a server with records: exit %d: %s", code, stderr)
	}
	code, _, stderr = runAdmin(t, "move", "-from", server, "-to", dir)
	if code != ExitFailure || !strings.Contains(stderr, "never merged") {
		t.Errorf("moving into a folder with records: exit %d: %s", code, stderr)
	}
}

func TestMoveRefusesAPasswordInTheAddress(t *testing.T) {
	code, _, stderr := runAdmin(t, "move", "-from", t.TempDir(), "-to", "postgres://desk:secret@127.0.0.1/so")
	if code != ExitMisuse || !strings.Contains(stderr, "leave the password out") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// counts is check's output without its first line (the schema version,
// which each engine numbers for itself).
func counts(check string) string {
	_, rest, _ := strings.Cut(check, "\n")
	return rest
}
