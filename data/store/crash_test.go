package store

import (
	"secondopinion/data/store/pgtest"

	"bufio"
	"database/sql"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"secondopinion/data"
)

// The crash trials kill a process doing each kind of write at a random
// moment, then check what a person would: nothing reported saved is
// missing, nothing never saved appears, the folder opens, and no file
// under a final name is half made. `make test` runs a few; the long run
// is in docs/crash-trials.md.
var crashTrials = flag.Int("crash-trials", 30, "how many writers the crash trials kill, shared among the kinds of write")

const (
	crashChildEnv  = "SECONDOPINION_CRASH_CHILD"
	crashBatchSize = 25
)

// TestMain lets this test binary act as the child that writes until killed.
func TestMain(m *testing.M) {
	if spec := os.Getenv(crashChildEnv); spec != "" {
		kind, dir, _ := strings.Cut(spec, ":")
		crashChild(kind, dir)
		return
	}
	pgtest.Main(m)
}

// crashChild does one kind of write, printing "start" before it and "done
// N" only once write N has returned, until it is killed.
func crashChild(kind, dir string) {
	out := bufio.NewWriter(os.Stdout)
	say := func(format string, a ...any) { fmt.Fprintf(out, format+"\n", a...); out.Flush() }
	fail := func(err error) { fmt.Fprintln(os.Stderr, err); os.Exit(1) }
	say("start")
	switch kind {
	case "create", "migrate":
		s, err := Open(dir)
		if err != nil {
			fail(err)
		}
		s.Close()
		say("done 0")
		time.Sleep(time.Hour)
	case "save", "batch":
		s, err := Open(dir)
		if err != nil {
			fail(err)
		}
		first := len(mustPeople(s))
		for i := first; ; i++ {
			var b Batch
			for j := 0; j < crashBatchSize; j++ {
				b.People = append(b.People, data.Person{Name: fmt.Sprintf("Batch %06d person %02d", i, j),
					Nation: data.Wales, Notes: strings.Repeat("ŵ", (i*j)%400)})
				if kind == "save" {
					break
				}
			}
			say("begin %d", i)
			if err := s.SaveBatch(ctx, &b); err != nil {
				fail(err)
			}
			say("done %d", i)
		}
	case "backup":
		s, err := OpenExclusive(dir)
		if err != nil {
			fail(err)
		}
		for i := 0; ; i++ {
			if err := s.Backup(ctx, filepath.Join(dir, "out", fmt.Sprintf("b%04d.db", i))); err != nil {
				fail(err)
			}
			if _, err := s.AutoBackup(ctx, 1000); err != nil {
				fail(err)
			}
			say("done %d", i)
		}
	case "restore":
		for i := 0; ; i++ {
			from := filepath.Join(filepath.Dir(dir), []string{"a.db", "b.db"}[i%2])
			if _, err := Restore(ctx, dir, from); err != nil {
				fail(err)
			}
			say("done %d", i)
		}
	}
}

func mustPeople(s *Store) []data.Person {
	p, err := s.People(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	return p
}

// crashTally is what the trials found, for the log and the closing note.
type crashTally struct {
	kills, lost, unusable, halfMade, appeared, panics int
	midFirst                                          int // kills that landed before the first write returned
}

// TestCrashLosesNothing kills writers of every kind and checks each result.
func TestCrashLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("crash trials are slow")
	}
	kinds := []struct {
		name   string
		window int // the kill lands within this many milliseconds of the start
	}{{"create", 60}, {"migrate", 60}, {"save", 150}, {"batch", 250}, {"backup", 250}, {"restore", 250}}
	var tally crashTally
	per := map[string]int{}
	for trial := 0; trial < *crashTrials; trial++ {
		k := kinds[trial%len(kinds)]
		per[k.name]++
		crashTrial(t, k.name, k.window, &tally)
	}
	t.Logf("%d kills %v (%d before the first write returned): %d lost committed changes, %d unsaved records appeared, %d unusable folders, "+
		"%d half-made files under a final name, %d panics",
		tally.kills, per, tally.midFirst, tally.lost, tally.appeared, tally.unusable, tally.halfMade, tally.panics)
}

func crashTrial(t *testing.T, kind string, window int, tally *crashTally) {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "data")
	before := prepareCrash(t, kind, root, dir)

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+kind+":"+dir)
	stdout, _ := cmd.StdoutPipe()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 4096)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	<-lines // "start"
	time.Sleep(time.Duration(rand.IntN(window*1000)) * time.Microsecond)
	cmd.Process.Kill()
	begun, done := -1, -1
	for l := range lines {
		var n int
		if _, err := fmt.Sscanf(l, "begin %d", &n); err == nil {
			begun = n
		} else if _, err := fmt.Sscanf(l, "done %d", &n); err == nil {
			done = n
		}
	}
	cmd.Wait()
	tally.kills++
	if done < 0 {
		tally.midFirst++
	}
	if strings.Contains(stderr.String(), "panic:") {
		tally.panics++
		t.Errorf("%s: the writer panicked: %s", kind, stderr.String())
	} else if stderr.Len() > 0 {
		t.Errorf("%s: the writer failed: %s", kind, stderr.String())
	}

	defer func() {
		if r := recover(); r != nil {
			tally.panics++
			t.Errorf("%s: reopening panicked: %v", kind, r)
		}
	}()
	// Half-made files under a final name: every backup by its final name
	// must pass the backup check.
	finals, _ := filepath.Glob(filepath.Join(dir, "out", "*.db"))
	autos, _ := filepath.Glob(filepath.Join(dir, BackupFolder, "*.db"))
	for _, f := range append(finals, autos...) {
		if err := verifyBackup(ctx, f); err != nil {
			tally.halfMade++
			t.Errorf("%s: %s is under its final name but %v", kind, filepath.Base(f), err)
		}
	}
	if kind == "backup" && done >= 0 {
		if _, err := os.Stat(filepath.Join(dir, "out", fmt.Sprintf("b%04d.db", done))); err != nil {
			tally.lost++
			t.Errorf("backup %d was reported written but is missing", done)
		}
	}
	if kind == "create" {
		if _, err := os.Stat(filepath.Join(dir, FileName)); err != nil {
			if done >= 0 {
				tally.lost++
				t.Errorf("create: reported made, but there is no database")
			}
			return // as before: nothing made
		}
	}
	if kind == "migrate" {
		v := versionOf(t, filepath.Join(dir, FileName))
		if v != 1 && v != LatestSchema() {
			tally.unusable++
			t.Errorf("migrate: left at version %d, neither as before (1) nor complete (%d)", v, LatestSchema())
		}
	}

	s, err := OpenExclusive(dir)
	if err != nil {
		tally.unusable++
		t.Errorf("%s: the folder cannot be opened after the crash: %v", kind, err)
		return
	}
	defer s.Close()
	if err := s.Check(ctx); err != nil {
		tally.unusable++
		t.Errorf("%s: %v", kind, err)
	}
	for _, leftover := range []string{FileName + creatingSuffix, FileName + restoringSuffix, BackupFolder + "/*" + partialSuffix} {
		if m, _ := filepath.Glob(filepath.Join(dir, leftover)); len(m) > 0 {
			t.Errorf("%s: %v left after the next start", kind, m)
		}
	}
	people := mustPeople(s)
	have := map[string]bool{}
	for _, p := range people {
		have[p.Name] = true
	}
	switch kind {
	case "migrate", "backup":
		if len(people) != len(before) {
			tally.lost++
			t.Errorf("%s: %d people, want the %d there before", kind, len(people), len(before))
		}
	case "restore":
		// Either set, whole: the records before, or the backup's.
		a, b := peopleOf(t, filepath.Join(root, "a.db")), peopleOf(t, filepath.Join(root, "b.db"))
		if !sameNames(have, a) && !sameNames(have, b) {
			tally.lost++
			t.Errorf("restore: the records are neither the ones before nor the backup's (%d people)", len(people))
		}
		asides, _ := filepath.Glob(filepath.Join(dir, FileName+".before-restore-*[0-9]"))
		if done >= 0 && len(asides) < done+1 {
			tally.lost++
			t.Errorf("restore: %d restores reported, %d copies kept aside", done+1, len(asides))
		}
	case "save", "batch":
		size := crashBatchSize
		if kind == "save" {
			size = 1
		}
		for i := 0; i <= begun+1; i++ {
			n := 0
			for j := 0; j < size; j++ {
				if have[fmt.Sprintf("Batch %06d person %02d", i, j)] {
					n++
				}
			}
			switch {
			case i <= done && n != size:
				tally.lost++
				t.Errorf("%s: batch %d was reported saved but %d of %d are there", kind, i, n, size)
			case i > begun && n > 0:
				tally.appeared++
				t.Errorf("%s: batch %d was never saved but %d of it appeared", kind, i, n)
			case n != 0 && n != size:
				tally.appeared++
				t.Errorf("%s: batch %d is half there (%d of %d)", kind, i, n, size)
			}
		}
		if len(people) > (begun+1)*size {
			tally.appeared++
			t.Errorf("%s: %d people, more than the %d ever begun", kind, len(people), (begun+1)*size)
		}
	}
}

// prepareCrash sets up the folder a kind of write starts from and returns
// the people in it.
func prepareCrash(t *testing.T, kind, root, dir string) map[string]bool {
	t.Helper()
	switch kind {
	case "create":
		return nil
	case "migrate":
		os.MkdirAll(dir, 0o700)
		db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, FileName)+"?_pragma=journal_mode(WAL)")
		if err != nil {
			t.Fatal(err)
		}
		first, _ := migrationFiles.ReadFile(migrations()[0])
		if _, err := db.Exec(string(first) + "; PRAGMA user_version = 1"); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 300; i++ {
			db.Exec(`INSERT INTO people (id, name, nation, created_at, updated_at)
				VALUES (?, ?, 'wales', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`, fmt.Sprint("p", i), fmt.Sprint("Old ", i))
		}
		db.Close()
		return peopleOf(t, filepath.Join(dir, FileName))
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if kind == "save" || kind == "batch" {
		return nil
	}
	var b Batch
	for i := 0; i < 400; i++ {
		b.People = append(b.People, data.Person{Name: fmt.Sprintf("Before %d", i), Nation: data.Scotland, Notes: strings.Repeat("Ò", 300)})
	}
	if err := s.SaveBatch(ctx, &b); err != nil {
		t.Fatal(err)
	}
	if kind == "restore" {
		if err := s.Backup(ctx, filepath.Join(root, "a.db")); err != nil {
			t.Fatal(err)
		}
		other, err := Open(filepath.Join(root, "other"))
		if err != nil {
			t.Fatal(err)
		}
		addPeople(t, other, "From the backup")
		err = other.Backup(ctx, filepath.Join(root, "b.db"))
		other.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return namesOf(mustPeople(s))
}

func namesOf(people []data.Person) map[string]bool {
	m := map[string]bool{}
	for _, p := range people {
		m[p.Name] = true
	}
	return m
}

// peopleOf reads the people's names in a database file, read-only.
func peopleOf(t *testing.T, path string) map[string]bool {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	names, err := lines(ctx, db, "SELECT name FROM people")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

func sameNames(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for n := range a {
		if !b[n] {
			return false
		}
	}
	return true
}

func versionOf(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	db.QueryRow("PRAGMA user_version").Scan(&v)
	return v
}

// Every connection the store opens must commit durably: SIGKILL keeps the
// page cache, so only the settings themselves show a commit would survive
// a power cut.
func TestEveryConnectionCommitsDurably(t *testing.T) {
	s := openTemp(t)
	var conns []*sql.Conn
	for i := 0; i < 4; i++ { // held at once, so the pool must open new ones
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	for i, c := range conns {
		var sync, fk int
		var mode string
		c.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync)
		c.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode)
		c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk)
		if sync != 2 || mode != "wal" || fk != 1 {
			t.Errorf("connection %d: synchronous=%d (want 2, FULL), journal_mode=%s (want wal), foreign_keys=%d", i, sync, mode, fk)
		}
		c.Close()
	}
}
