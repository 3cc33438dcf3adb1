package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/data/store/pgtest"
	"secondopinion/data/vault"
	"secondopinion/packaging/team"
)

func TestTeamSetupPrintsTheScript(t *testing.T) {
	code, out, stderr := runAdmin(t, "team-setup", "-print")
	if code != ExitOK || out != team.SetupSQL || !strings.Contains(out, "CREATE DATABASE") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if code, _, _ := runAdmin(t, "team-setup"); code != ExitMisuse {
		t.Errorf("team-setup alone: exit %d", code)
	}
}

// The script the program prints sets up a real server: run with psql as
// its administrator, then the owner brings the tables up and adds a
// manager, who adds and removes the others; each signs in as themselves.
func TestTheSetupScriptMakesATeamThatWorks(t *testing.T) {
	srv := pgtest.Start(t)
	suffix := make([]byte, 4)
	rand.Read(suffix)
	caseload := "team_" + hex.EncodeToString(suffix)
	t.Cleanup(func() {
		srv.Admin(t, "DROP DATABASE IF EXISTS "+caseload+" WITH (FORCE)")
	})
	script := filepath.Join(t.TempDir(), "setup.sql")
	_, printed, _ := runAdmin(t, "team-setup", "-print")
	if err := os.WriteFile(script, []byte(printed), 0o600); err != nil {
		t.Fatal(err)
	}
	psql := exec.Command(filepath.Join(srv.Bin(), "psql"), "-X", "-q", "-h", "127.0.0.1", "-p", strconv.Itoa(srv.Port),
		"-U", pgtest.Admin, "-d", "postgres", "-v", "caseload="+caseload, "-v", "no_password_prompt=1", "-f", script)
	psql.Env = append(os.Environ(), "PGPASSWORD="+pgtest.Password)
	if out, err := psql.CombinedOutput(); err != nil {
		t.Fatalf("psql -f setup.sql: %v\n%s", err, out)
	}
	owner := caseload + "_owner"
	srv.Admin(t, "ALTER ROLE "+owner+" PASSWORD '"+pgtest.Password+"'")
	t.Setenv("PGPASSWORD", pgtest.Password)
	ownerAt := srv.Address(owner, caseload)

	code, out, stderr := runAdmin(t, "team-setup", "-db", ownerAt)
	if code != ExitOK || !strings.Contains(out, "is ready") || !strings.Contains(out, "add the first manager") {
		t.Fatalf("team-setup -db: exit %d: %s%s", code, out, stderr)
	}

	// The new members' passwords come from a file here; they are the test
	// server's one password, so that PGPASSWORD signs each of them in.
	passFile := filepath.Join(t.TempDir(), "password")
	if err := os.WriteFile(passFile, []byte(pgtest.Password+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	boss, adv, desk := caseload+".boss", caseload+".adv", caseload+".desk"
	boss, adv, desk = strings.ReplaceAll(boss, "_", "-"), strings.ReplaceAll(adv, "_", "-"), strings.ReplaceAll(desk, "_", "-")
	if code, out, stderr := runAdmin(t, "member", "add", "-db", ownerAt, "-name", boss, "-kind", "manager",
		"-password-file", passFile); code != ExitOK || !strings.Contains(out, "Added "+boss) {
		t.Fatalf("the owner adding a manager: exit %d: %s%s", code, out, stderr)
	}
	bossAt := srv.Address(boss, caseload)
	for _, m := range [][2]string{{adv, "advocate"}, {desk, "receptionist"}} {
		if code, _, stderr := runAdmin(t, "member", "add", "-db", bossAt, "-name", m[0], "-kind", m[1],
			"-password-file", passFile); code != ExitOK {
			t.Fatalf("the manager adding %s: %s", m[0], stderr)
		}
	}
	code, out, _ = runAdmin(t, "member", "list", "-db", bossAt)
	want := strings.Join([]string{adv + "\tadvocate", boss + "\tmanager", desk + "\treceptionist"}, "\n") + "\n"
	if code != ExitOK || out != want {
		t.Errorf("member list:\n%s\nwant:\n%s", out, want)
	}

	// An advocate adds no one; the desk's work is the desk's.
	advAt := srv.Address(adv, caseload)
	code, _, stderr = runAdmin(t, "member", "add", "-db", advAt, "-name", "someone", "-kind", "manager", "-password-file", passFile)
	if code != ExitFailure || !strings.Contains(stderr, "Only a manager") {
		t.Errorf("an advocate adding a member: exit %d: %s", code, stderr)
	}
	ctx := context.Background()
	deskStore, err := store.SignIn(ctx, srv.Address(desk, caseload), pgtest.Password, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer deskStore.Close()
	p := data.Person{Name: "Grace Adeyemi", Nation: data.Scotland}
	if err := deskStore.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	advStore, err := store.SignIn(ctx, advAt, pgtest.Password, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer advStore.Close()
	if people, _ := advStore.People(ctx); len(people) != 0 {
		t.Errorf("the advocate sees the desk's %d people", len(people))
	}
	// The manager hands all the desk's people to the advocate at once.
	code, out, stderr = runAdmin(t, "member", "hand-over", "-db", bossAt, "-from", caseload+"_receptionist", "-to", adv)
	if code != ExitOK || !strings.Contains(out, "Handed 1 client over") {
		t.Fatalf("member hand-over: exit %d: %s%s", code, out, stderr)
	}
	if people, _ := advStore.People(ctx); len(people) != 1 {
		t.Errorf("after the hand-over the advocate sees %d people, want the desk's one", len(people))
	}
	if code, _, stderr = runAdmin(t, "member", "hand-over", "-db", advAt, "-from", adv, "-to", boss); code != ExitFailure ||
		!strings.Contains(stderr, "Only a manager") {
		t.Errorf("an advocate handing clients over: exit %d: %s", code, stderr)
	}

	if code, _, stderr := runAdmin(t, "member", "remove", "-db", bossAt, "-name", adv); code != ExitOK {
		t.Fatalf("member remove: %s", stderr)
	}
	if code, _, _ := runAdmin(t, "member", "list", "-db", advAt); code != ExitFailure {
		t.Errorf("a removed member still signs in: exit %d", code)
	}
	if code, _, _ := runAdmin(t, "member", "add", "-db", bossAt); code != ExitMisuse {
		t.Errorf("member add without -name: exit %d", code)
	}
}

// On protected team records, a manager adding a member gives them their
// own passphrase, and removing them takes it away.
func TestAddingAMemberToProtectedRecordsGivesThemAPassphrase(t *testing.T) {
	srv := pgtest.Start(t)
	t.Setenv("PGPASSWORD", pgtest.Password)
	db := srv.NewDatabaseName(t)
	server := srv.Address(pgtest.Admin, db)
	dir := t.TempDir()
	if code, _, stderr := runAdmin(t, "demo", "-data", dir, "-clients", "5"); code != ExitOK {
		t.Fatal(stderr)
	}
	if code, _, stderr := runAdmin(t, "move", "-from", dir, "-to", server); code != ExitOK {
		t.Fatal(stderr)
	}
	files := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(files, name)
		if err := os.WriteFile(path, []byte(text+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	st, err := store.OpenServer(context.Background(), srv.URL(pgtest.Admin, db), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	key, _ := vault.NewRecoveryKey()
	if _, err := st.Protect(context.Background(), "the manager's passphrase", key); err != nil {
		t.Fatal(err)
	}
	st.Close()

	code, out, stderr := runAdmin(t, "member", "add", "-db", server, "-name", "ceri.jones", "-kind", "advocate",
		"-password-file", write("pw", "ceri's password"), "-passphrase-file", write("own", "the manager's passphrase"),
		"-member-passphrase-file", write("theirs", "ceri's own passphrase"))
	if code != ExitOK || !strings.Contains(out, "opens the protected records") {
		t.Fatalf("member add: exit %d: %s%s", code, out, stderr)
	}
	t.Cleanup(func() { runAdmin(t, "member", "remove", "-db", server, "-name", "ceri.jones") })
	ceri, err := store.SignIn(context.Background(), srv.Address("ceri.jones", db), "ceri's password", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer ceri.Close()
	if err := ceri.Unlock(context.Background(), "ceri's own passphrase"); err != nil {
		t.Fatalf("the new member's passphrase: %v", err)
	}
	if code, _, stderr := runAdmin(t, "member", "remove", "-db", server, "-name", "ceri.jones"); code != ExitOK {
		t.Fatal(stderr)
	}
}
