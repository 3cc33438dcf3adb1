package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"secondopinion/data"
)

// copyLive copies a folder's database and the files beside it while it is
// open, as a crash would leave them: the newest commits only in the log.
func copyLive(t *testing.T, from string) string {
	t.Helper()
	to := t.TempDir()
	entries, _ := os.ReadDir(from)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), FileName) && !strings.HasSuffix(e.Name(), "-shm") {
			b, err := os.ReadFile(filepath.Join(from, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(to, e.Name()), b, 0o600)
		}
	}
	return to
}

// A flipped bit in the write-ahead log makes SQLite drop that commit and
// every one after it. The start must say so, and write nothing, so the
// person can choose the newest backup instead.
func TestADamagedLogLosingCommittedChangesIsFound(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 30; i++ {
		addPeople(t, s, fmt.Sprintf("Saved %02d", i))
	}
	crashed := copyLive(t, dir)
	s.Close()

	wal := filepath.Join(crashed, FileName+"-wal")
	b, err := os.ReadFile(wal)
	if err != nil || len(b) < 10000 {
		t.Fatalf("the commits are not in the log (%d bytes, %v)", len(b), err)
	}
	b[len(b)/2] ^= 0x10
	os.WriteFile(wal, b, 0o600)
	before := filesIn(t, crashed)

	for _, open := range []func(string) (*Store, error){Open, OpenExisting, OpenExclusive} {
		s, err := open(crashed)
		if err == nil {
			n := peopleCount(t, s)
			s.Close()
			t.Fatalf("opened with %d of 30 people and no word of the loss", n)
		}
		if !errors.Is(err, ErrChangesLost) || !strings.Contains(data.Message(err), "lost") {
			t.Errorf("%v (%q); want ErrChangesLost", err, data.Message(err))
		}
	}
	after := filesIn(t, crashed)
	delete(after, LockFileName)
	for name, content := range before {
		if after[name] != content {
			t.Errorf("%s was changed before the person chose", name)
		}
	}

	// The person chooses to keep working with what is there.
	if err := AcceptLoss(crashed); err != nil {
		t.Fatal(err)
	}
	s, err = Open(crashed)
	if err != nil {
		t.Fatalf("after accepting the loss: %v", err)
	}
	defer s.Close()
	if n := peopleCount(t, s); n >= 30 || n < 1 {
		t.Errorf("%d people after the loss", n)
	}
	addPeople(t, s, "After")
}

func peopleCount(t *testing.T, s *Store) int {
	t.Helper()
	counts, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return counts[0].N
}
