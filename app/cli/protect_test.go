package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"secondopinion/data/store"
	"secondopinion/data/vault"
)

var keyLine = regexp.MustCompile(`(?m)^    ((?:[0-9A-Z]{5}  ){6}[0-9A-Z]{5})$`)

func demoFolder(t *testing.T, clients string) (dir string, names []string) {
	t.Helper()
	dir = t.TempDir()
	if code, _, stderr := runAdmin(t, "demo", "-data", dir, "-clients", clients); code != ExitOK {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	people, _ := st.People(context.Background())
	for _, p := range people {
		names = append(names, p.Name)
	}
	return dir, names
}

// For scripts: the passphrase from a file, the key printed once and put
// on a page to print; the records are then scrambled.
func TestProtectFromAScript(t *testing.T) {
	dir, names := demoFolder(t, "20")
	page := filepath.Join(t.TempDir(), "key.pdf")
	code, out, stderr := runAdmin(t, "protect", "-data", dir, "-passphrase-file", passFile(t, cliPass), "-recovery-pdf", page)
	if code != ExitOK {
		t.Fatalf("protect: exit %d: %s", code, stderr)
	}
	m := keyLine.FindStringSubmatch(out)
	if m == nil || !strings.Contains(out, "shown only this once") || !strings.Contains(out, "A backup was made first") {
		t.Fatalf("protect printed no recovery key:\n%s", out)
	}
	if strings.Contains(stderr, m[1]) || strings.Contains(out+stderr, cliPass) {
		t.Error("the key went to stderr, or the passphrase was printed")
	}
	info, err := os.Stat(page)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the page to print: %v, %v", info, err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, store.FileName))
	for _, n := range names {
		if bytes.Contains(b, []byte(n)) {
			t.Fatalf("%q is readable in the records after protecting", n)
		}
	}
	if code, _, _ := runAdmin(t, "check", "-data", dir, "-passphrase-file", passFile(t, cliPass)); code != ExitOK {
		t.Error("the passphrase does not open the records")
	}
	st, _ := store.Open(dir)
	err = st.UnlockWithRecovery(context.Background(), strings.ReplaceAll(m[1], "  ", "-"))
	st.Close()
	if err != nil {
		t.Errorf("the printed recovery key does not open the records: %v", err)
	}
	code, _, stderr = runAdmin(t, "protect", "-data", dir, "-passphrase-file", passFile(t, cliPass))
	if code != ExitFailure || !strings.Contains(stderr, "already protected") {
		t.Errorf("protecting twice: exit %d: %s", code, stderr)
	}
}

// At a terminal: the passphrase typed twice, and nothing changes until the
// key's last group is typed back.
func TestProtectAtATerminal(t *testing.T) {
	dir, _ := demoFolder(t, "5")
	defer func(r interface{ Read([]byte) (int, error) }) { stdin = r }(stdin)
	was := askPassphrase
	defer func() { askPassphrase = was }()
	answer := func(typed ...string) {
		askPassphrase = func(string) (string, error) {
			a := typed[0]
			typed = typed[1:]
			return a, nil
		}
	}
	protected := func() bool {
		st, err := store.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		return st.Protected()
	}

	answer("short", "short", "also short", "also short", "tiny", "tiny")
	if code, _, stderr := runAdmin(t, "protect", "-data", dir); code != ExitFailure || !strings.Contains(stderr, "longer passphrase") || protected() {
		t.Fatalf("a short passphrase: exit %d: %s", code, stderr)
	}
	answer(cliPass, cliPass+"x", cliPass, "nope", cliPass, "again no")
	if code, _, stderr := runAdmin(t, "protect", "-data", dir); code != ExitFailure || !strings.Contains(stderr, "not the same") || protected() {
		t.Fatalf("passphrases that differ: exit %d: %s", code, stderr)
	}
	answer(cliPass, cliPass)
	stdin = strings.NewReader("ZZZZZ\n")
	if code, _, stderr := runAdmin(t, "protect", "-data", dir); code != ExitFailure || !strings.Contains(stderr, "not the last group") || protected() {
		t.Fatalf("a wrong last group: exit %d: %s", code, stderr)
	}

	key, _ := vault.NewRecoveryKey()
	wasKey := newRecoveryKey
	newRecoveryKey = func() (vault.RecoveryKey, error) { return key, nil }
	defer func() { newRecoveryKey = wasKey }()
	answer(cliPass, cliPass)
	stdin = strings.NewReader(strings.ToLower(key.LastGroup()) + "\n")
	code, out, stderr := runAdmin(t, "protect", "-data", dir)
	if code != ExitOK || !protected() || !strings.Contains(out, strings.Join(key.Groups(), "  ")) {
		t.Fatalf("protect: exit %d:\n%s%s", code, out, stderr)
	}
}
