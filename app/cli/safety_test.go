package cli

import (
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"secondopinion/data"
	"secondopinion/data/store"
)

// A word altered inside a person's record, past the program, is reported
// by check as damage to people, with the day and the number, and never
// with the words themselves.
func TestCheckReportsAlteredWordsByKind(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runAdmin(t, "demo", "-data", dir, "-clients", "20"); code != ExitOK {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	var name string
	if err := db.QueryRow("SELECT name FROM people ORDER BY id LIMIT 1").Scan(&name); err != nil {
		t.Fatal(err)
	}
	altered := name[:len(name)-1] + "q"
	if _, err := db.Exec("UPDATE people SET name = ? WHERE name = ?", altered, name); err != nil {
		t.Fatal(err)
	}
	db.Close()

	code, out, stderr := runAdmin(t, "check", "-data", dir)
	if code != ExitFailure {
		t.Fatalf("check of altered records: exit %d\n%s%s", code, out, stderr)
	}
	if !strings.Contains(out, "damaged\tpeople\t") || !strings.HasSuffix(strings.TrimSpace(out), "\t1") {
		t.Errorf("check did not list the damaged person:\n%s", out)
	}
	if !strings.Contains(stderr, "1 person, last saved on") {
		t.Errorf("check did not say so in words: %q", stderr)
	}
	if strings.Contains(out+stderr, name) || strings.Contains(out+stderr, altered) {
		t.Errorf("check printed the person's name:\n%s%s", out, stderr)
	}
}

// When opening undid work a crash interrupted, check says so first.
func TestCheckSaysWhatWasRecovered(t *testing.T) {
	dir := t.TempDir()
	makeHotJournal(t, dir)
	code, out, stderr := runAdmin(t, "check", "-data", dir)
	if code != ExitOK {
		t.Fatalf("check after an interrupted creation: exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(out, "recovered\t") || !strings.Contains(out, "interrupted") {
		t.Errorf("check did not say what it put right:\n%s", out)
	}
	// Only once: the next check has nothing to say about it.
	if _, out, _ := runAdmin(t, "check", "-data", dir); strings.Contains(out, "recovered") {
		t.Errorf("the second check says it again:\n%s", out)
	}
}

// makeHotJournal leaves dir's database as a crash part-way through making
// it does: changed pages in the file and the journal that undoes them.
func makeHotJournal(t *testing.T, dir string) {
	t.Helper()
	src := t.TempDir()
	path := filepath.Join(src, store.FileName)
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(DELETE)&_pragma=cache_size(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	tx.Exec("CREATE TABLE half (x)")
	for i := 0; i < 200; i++ {
		tx.Exec("INSERT INTO half VALUES (zeroblob(1000))")
	}
	for _, suffix := range []string{"", "-journal"} {
		b, err := os.ReadFile(path + suffix)
		if err != nil || len(b) == 0 {
			t.Fatalf("no %s to copy: %v", suffix, err)
		}
		if err := os.WriteFile(filepath.Join(dir, store.FileName+suffix), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// readOnlyFolder makes dir read-only, as a read-only disk or a folder
// without write permission would be (for root, by a read-only mount;
// skipped where that is not allowed).
func readOnlyFolder(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() == 0 {
		if out, err := exec.Command("mount", "--bind", dir, dir).CombinedOutput(); err != nil {
			t.Skipf("root cannot be kept from writing here without a read-only mount: %v %s", err, out)
		}
		t.Cleanup(func() {
			if exec.Command("umount", dir).Run() != nil {
				exec.Command("umount", "-l", dir).Run() // still busy: detach it now, gone once let go
			}
		})
		if out, err := exec.Command("mount", "-o", "remount,ro,bind", dir).CombinedOutput(); err != nil {
			t.Skipf("cannot mount read-only here: %v %s", err, out)
		}
		return
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		os.Chmod(filepath.Join(dir, e.Name()), 0o400)
	}
	os.Chmod(dir, 0o500)
	t.Cleanup(func() {
		os.Chmod(dir, 0o700)
		for _, e := range entries {
			os.Chmod(filepath.Join(dir, e.Name()), 0o600)
		}
	})
}

// Records on a read-only disk can be checked, listed and written as letters.
func TestReadingCommandsWorkOnReadOnlyRecords(t *testing.T) {
	dir, id := letterData(t)
	readOnlyFolder(t, dir)
	if code, out, stderr := runAdmin(t, "check", "-data", dir); code != ExitOK || !strings.Contains(out, "ok") {
		t.Errorf("check: exit %d: %s%s", code, out, stderr)
	}
	if code, out, stderr := runAdmin(t, "requests", "-data", dir); code != ExitOK || !strings.Contains(out, id) {
		t.Errorf("requests: exit %d: %s%s", code, out, stderr)
	}
	txt := filepath.Join(t.TempDir(), "letter.txt")
	if code, _, stderr := runAdmin(t, "letter", "-data", dir, "-request", id, "-kind", data.KindSecondOpinionDiagnosis, "-o", txt); code != ExitOK {
		t.Errorf("letter: exit %d: %s", code, stderr)
	}
}

// Every command that writes a file refuses to write over a link, the same way.
func TestCommandsNeverWriteOverALink(t *testing.T) {
	dir, id := letterData(t)
	out := t.TempDir()
	target := filepath.Join(out, "target")
	os.WriteFile(target, []byte("theirs"), 0o644)
	link := func(name string) string {
		p := filepath.Join(out, name)
		if err := os.Symlink(target, p); err != nil {
			t.Skip(err)
		}
		return p
	}
	for _, args := range [][]string{
		{"letter", "-data", dir, "-request", id, "-kind", data.KindSecondOpinionDiagnosis, "-o", link("letter.pdf")},
		{"backup", "-data", dir, "-o", link("backup.db")},
	} {
		code, _, stderr := runAdmin(t, args[0], args[1:]...)
		if code != ExitFailure || !strings.Contains(stderr, "is a link to another file") {
			t.Errorf("%s over a link: exit %d, %q", args[0], code, stderr)
		}
	}
	if b, _ := os.ReadFile(target); string(b) != "theirs" {
		t.Errorf("a command wrote through a link: %q", b)
	}
}

// check says when it made a data folder others could open private.
func TestCheckMakesAnOpenFolderPrivate(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runAdmin(t, "demo", "-data", dir, "-clients", "3"); code != ExitOK {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runAdmin(t, "check", "-data", dir)
	if code != ExitOK || !strings.Contains(out, "folder\tmade private (others could open it)\n") {
		t.Fatalf("check: exit %d:\n%s%s", code, out, stderr)
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o700 {
		t.Errorf("the folder is %v after check, want 0700", info.Mode().Perm())
	}
	if _, out, _ := runAdmin(t, "check", "-data", dir); strings.Contains(out, "folder\t") {
		t.Errorf("a private folder is reported:\n%s", out)
	}
}
