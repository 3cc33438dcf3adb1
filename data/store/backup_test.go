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

func addPeople(t *testing.T, s *Store, names ...string) {
	t.Helper()
	for _, n := range names {
		p := data.Person{Name: n, Nation: data.England}
		mustSave(t, s.SavePerson(ctx, &p))
	}
}

func names(t *testing.T, s *Store) string {
	t.Helper()
	people, err := s.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var list []string
	for _, p := range people {
		list = append(list, p.Name)
	}
	return strings.Join(list, ",")
}

func TestBackupAndRestore(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	addPeople(t, s, "Anwen", "Bryn")
	backup := filepath.Join(t.TempDir(), "records.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatalf("Backup: %v", err)
	}
	if err := s.Backup(ctx, backup); err == nil {
		t.Error("a second backup over the first should be refused")
	}
	addPeople(t, s, "Carys") // after the backup: gone once restored
	s.Close()

	restored, err := Restore(ctx, dir, backup)
	aside := restored.KeptAside
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if aside == "" {
		t.Error("the current database was not kept aside")
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := names(t, s); got != "Anwen,Bryn" {
		t.Errorf("after restore: %s", got)
	}
	// What was there before the restore is still there, aside.
	old, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	if _, err := os.Stat(aside); err != nil {
		t.Errorf("the database kept aside is missing: %v", err)
	}
}

func TestRestoreRefusesABadFileAndChangesNothing(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	addPeople(t, s, "Dilys")
	s.Close()

	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte(strings.Repeat("not a database ", 500)), 0o600)
	for _, from := range []string{junk, filepath.Join(t.TempDir(), "missing.db")} {
		if _, err := Restore(ctx, dir, from); err == nil || !strings.Contains(data.Message(err), "not a usable") {
			t.Errorf("Restore(%s) = %v; want a refusal", filepath.Base(from), err)
		}
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := names(t, s); got != "Dilys" {
		t.Errorf("after refused restores: %s", got)
	}
}

func TestAutoBackupKeepsTheNewest(t *testing.T) {
	s := openTemp(t)
	for i := 0; i < 5; i++ {
		addPeople(t, s, fmt.Sprintf("Elen %d", i))
		if _, err := s.AutoBackup(ctx, 3); err != nil {
			t.Fatalf("AutoBackup: %v", err)
		}
	}
	list, _ := Backups(s.Dir())
	if len(list) != 3 {
		t.Fatalf("%d backups kept, want 3", len(list))
	}
	newest, ok := NewestGoodBackup(ctx, s.Dir())
	if !ok || newest.Path != list[0].Path {
		t.Errorf("NewestGoodBackup = %v, %v; want %s", newest, ok, list[0].Path)
	}
	// A damaged newest backup is passed over for the next good one.
	os.WriteFile(list[0].Path, []byte("damaged"), 0o600)
	if b, ok := NewestGoodBackup(ctx, s.Dir()); !ok || b.Path != list[1].Path {
		t.Errorf("with the newest damaged: %v, %v; want %s", b, ok, list[1].Path)
	}
}

func TestAutoBackupOfUnchangedRecordsKeepsTheOlderBackups(t *testing.T) {
	s := openTemp(t)
	addPeople(t, s, "Nerys")
	first, err := s.AutoBackup(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	addPeople(t, s, "Osian")
	second, _ := s.AutoBackup(ctx, 2)
	for i := 0; i < 3; i++ { // closing again and again with no changes
		again, err := s.AutoBackup(ctx, 2)
		if err != nil || again != second {
			t.Fatalf("unchanged AutoBackup = %s, %v; want the newest, %s", again, err, second)
		}
	}
	list, _ := Backups(s.Dir())
	if len(list) != 2 || list[1].Path != first {
		t.Errorf("backups %v; the older, different one should still be kept", list)
	}
}

func TestSecondCopyIsTurnedAway(t *testing.T) {
	dir := t.TempDir()
	first, err := OpenExclusive(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = OpenExclusive(dir)
	if !errors.Is(err, ErrInUse) || !strings.Contains(data.Message(err), "already open") {
		t.Fatalf("second OpenExclusive: %v; want ErrInUse", err)
	}
	if _, err := Restore(ctx, dir, filepath.Join(dir, FileName)); err == nil {
		t.Error("restore while the program is open should be refused")
	}
	first.Close()
	again, err := OpenExclusive(dir)
	if err != nil {
		t.Fatalf("after the first closed: %v", err)
	}
	again.Close()
}

func TestReadOnlyDatabaseOpensReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write any file, so a read-only file cannot be made here")
	}
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	addPeople(t, s, "Ffion")
	s.Close()
	os.Chmod(filepath.Join(dir, FileName), 0o400)
	s, err = Open(dir)
	if err != nil {
		t.Fatalf("Open read-only: %v", err)
	}
	defer s.Close()
	if !s.ReadOnly() || names(t, s) != "Ffion" {
		t.Errorf("ReadOnly = %v, names = %s", s.ReadOnly(), names(t, s))
	}
	p := data.Person{Name: "Gwen", Nation: data.Wales}
	if err := s.SavePerson(ctx, &p); err == nil || !strings.Contains(data.Message(err), "read") {
		t.Errorf("save to a read-only database: %v", err)
	}
}

func TestNetworkDriveWarning(t *testing.T) {
	if w := NetworkDriveWarning(t.TempDir()); w != "" {
		t.Errorf("a local temporary folder was called a network drive: %s", w)
	}
}

func TestBackupsAreReadableByTheirOwnerOnly(t *testing.T) {
	s := openTemp(t)
	addPeople(t, s, "Rhodri")
	path := filepath.Join(t.TempDir(), "b.db")
	if err := s.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, %v; want 0600", info.Mode().Perm(), err)
	}
}
