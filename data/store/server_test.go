package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"secondopinion/data"
	"secondopinion/data/demo"
	"secondopinion/data/store"
	"secondopinion/data/store/pgtest"
	"secondopinion/data/vault"
)

var bg = context.Background()

func newServerCaseload(t testing.TB) (*store.Store, string) {
	t.Helper()
	url := pgtest.Start(t).NewDatabase(t)
	s, err := store.OpenServer(bg, url, t.TempDir())
	if err != nil {
		t.Fatalf("OpenServer: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, url
}

func demoFolder(t testing.TB, clients int) *store.Store {
	t.Helper()
	s, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Generate(bg, s, clients, 7, data.MustDate(2026, 12, 1)); err != nil {
		t.Fatal(err)
	}
	return s
}

// A caseload moves from a folder to a server and back whole: every row
// of every table, attachments and protection included, checked by content.
func TestCaseloadMovesToAServerAndBack(t *testing.T) {
	file := demoFolder(t, 40)
	p := data.Person{Name: "Ffion Pritchard", Nation: data.Wales, Notes: "Asked for a copy of her letters"}
	if err := file.SavePerson(bg, &p); err != nil {
		t.Fatal(err)
	}
	r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Route: data.RouteReview}
	if err := file.SaveRequest(bg, &r); err != nil {
		t.Fatal(err)
	}
	scan := []byte("%PDF-1.4 reply \x00\xff\x01")
	st := data.Step{RequestID: r.ID, On: data.MustDate(2026, 11, 30), Kind: data.StepReply, Outcome: data.OutcomeRefused}
	if err := file.AddStepWithFile(bg, &st, "reply.pdf", scan); err != nil {
		t.Fatal(err)
	}
	key, err := vault.NewRecoveryKey()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := file.Protect(bg, "a long test passphrase", key); err != nil {
		t.Fatal(err)
	}

	server, url := newServerCaseload(t)
	copied, err := file.CopyInto(bg, server, nil)
	if err != nil {
		t.Fatalf("to the server: %v", err)
	}
	counts, _ := file.Counts(bg)
	for _, c := range counts {
		if copied[c.Table] != c.N {
			t.Errorf("%s: copied %d of %d", c.Table, copied[c.Table], c.N)
		}
	}

	// A desk opening the server afterwards finds it protected, and the
	// passphrase opens the same records.
	desk, err := store.OpenServer(bg, url, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer desk.Close()
	if !desk.Locked() {
		t.Fatal("the server's copy is not protected")
	}
	if err := desk.Unlock(bg, "a long test passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := desk.Check(bg); err != nil {
		t.Errorf("check on the server: %v", err)
	}
	got, err := desk.Person(bg, p.ID)
	if err != nil || got.Name != p.Name || got.Notes != p.Notes {
		t.Fatalf("on the server: %+v, %v", got, err)
	}
	if name, content, err := desk.AttachedFile(bg, st.ID); err != nil || name != "reply.pdf" || string(content) != string(scan) {
		t.Fatalf("attachment on the server: %q %q %v", name, content, err)
	}

	// And back to an empty folder.
	back, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	if _, err := desk.CopyInto(bg, back, nil); err != nil {
		t.Fatalf("back to a folder: %v", err)
	}
	if err := file.SameRecords(bg, back); err != nil {
		t.Fatalf("the round trip changed something: %v", err)
	}
	if err := back.Unlock(bg, "a long test passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := back.Check(bg); err != nil {
		t.Errorf("check after the round trip: %v", err)
	}
}

func TestCopyRefusesATargetWithRecords(t *testing.T) {
	file := demoFolder(t, 3)
	server, _ := newServerCaseload(t)
	p := data.Person{Name: "Already There", Nation: data.England}
	if err := server.SavePerson(bg, &p); err != nil {
		t.Fatal(err)
	}
	_, err := file.CopyInto(bg, server, nil)
	if !errors.Is(err, store.ErrNotEmpty) || !strings.Contains(data.Message(err), "never merged") {
		t.Fatalf("copying into a caseload with records: %v", err)
	}
	people, _ := server.People(bg)
	if len(people) != 1 {
		t.Errorf("the target changed: %d people", len(people))
	}
}

// A backup of the server is an ordinary file backup, which restores.
func TestServerBackupIsAFileThatRestores(t *testing.T) {
	server, _ := newServerCaseload(t)
	if err := demo.Generate(bg, server, 25, 3, data.MustDate(2026, 12, 1)); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "backups", "team.db")
	if err := server.Backup(bg, dest); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(dest); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v %v", info, err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".copying-*")); len(left) > 0 {
		t.Errorf("working copies left behind: %v", left)
	}
	dir := t.TempDir()
	if _, err := store.Restore(bg, dir, dest); err != nil {
		t.Fatal(err)
	}
	restored, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if err := server.SameRecords(bg, restored); err != nil {
		t.Fatal(err)
	}
}

func TestNewerServerSchemaIsRefused(t *testing.T) {
	server, url := newServerCaseload(t)
	if err := server.SetSetting(bg, "example", "kept"); err != nil {
		t.Fatal(err)
	}
	server.Close()
	admin := serverExec(t, url)
	admin("UPDATE schema_version SET version = version + 1")
	_, err := store.OpenServer(bg, url, t.TempDir())
	if !errors.Is(err, store.ErrNewer) || !strings.Contains(data.Message(err), "newer version") {
		t.Fatalf("opening a newer schema: %v", err)
	}
}

// A word changed on the server behind the program's back is found.
func TestChangedRecordOnTheServerIsFound(t *testing.T) {
	server, url := newServerCaseload(t)
	p := data.Person{Name: "Grace Adeyemi", Nation: data.Scotland}
	if err := server.SavePerson(bg, &p); err != nil {
		t.Fatal(err)
	}
	admin := serverExec(t, url)
	admin("ALTER TABLE people DISABLE TRIGGER people_checksum")
	admin("UPDATE people SET name = 'Grace Adeyeme'")
	err := server.Check(bg)
	if !errors.Is(err, store.ErrDamaged) || strings.Contains(data.Message(err), "Grace") ||
		!strings.Contains(data.Message(err), "1 person") {
		t.Fatalf("check: %v", err)
	}
}

func TestServerAddressMustCheckTheCertificateOffThisComputer(t *testing.T) {
	for _, c := range []struct {
		address string
		refused bool
	}{
		{"postgres://desk@db.example.org/so?sslmode=disable", true},
		{"postgres://desk@db.example.org/so?sslmode=require", true},
		{"postgres://desk@db.example.org/so?sslmode=prefer", true},
		{"postgres://desk@127.0.0.1:1/so?sslmode=disable", false},
		{"postgres://desk@localhost:1/so?sslmode=disable", false},
	} {
		ctx, cancel := context.WithTimeout(bg, 2*time.Second)
		_, err := store.OpenServer(ctx, c.address, t.TempDir())
		cancel()
		refused := err != nil && strings.Contains(data.Message(err), "certificate")
		if refused != c.refused {
			t.Errorf("%s: %v", c.address, err)
		}
	}
}

// serverExec runs statements on the test database as its administrator,
// going around the program.
func serverExec(t *testing.T, url string) func(sql string) {
	return func(sql string) {
		t.Helper()
		conn, err := pgx.Connect(bg, url)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(bg)
		if _, err := conn.Exec(bg, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
}

// serverQuery reads one row on the test database as its administrator.
func serverQuery(t *testing.T, url, sql string, dest ...any) {
	t.Helper()
	conn, err := pgx.Connect(bg, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(bg)
	if err := conn.QueryRow(bg, sql).Scan(dest...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}
