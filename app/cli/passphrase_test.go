package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"secondopinion/data/store"
	"secondopinion/data/vault"
)

const cliPass = "lighthouse biscuit meadow two"

// protectedDemo is a demo caseload protected with cliPass, and the names
// of its people.
func protectedDemo(t *testing.T) (dir string, names []string) {
	t.Helper()
	dir = t.TempDir()
	if code, _, stderr := runAdmin(t, "demo", "-data", dir, "-clients", "30"); code != ExitOK {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	people, err := st.People(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		names = append(names, p.Name)
	}
	rk, _ := vault.NewRecoveryKey()
	if _, err := st.Protect(context.Background(), cliPass, rk); err != nil {
		t.Fatal(err)
	}
	return dir, names
}

func passFile(t *testing.T, pass string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pass")
	if err := os.WriteFile(path, []byte(pass+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCommandsOpenProtectedRecordsWithAPassphraseFile(t *testing.T) {
	dir, names := protectedDemo(t)
	code, out, stderr := runAdmin(t, "check", "-data", dir, "-passphrase-file", passFile(t, cliPass))
	if code != ExitOK || !strings.HasSuffix(strings.TrimSpace(out), "ok") {
		t.Fatalf("check: exit %d\n%s\n%s", code, out, stderr)
	}
	code, out, stderr = runAdmin(t, "check", "-data", dir, "-passphrase-file", passFile(t, "not the passphrase"))
	if code != ExitFailure || !strings.Contains(stderr, "does not open") {
		t.Fatalf("check with a wrong passphrase: exit %d\n%s", code, stderr)
	}
	for _, n := range names {
		if strings.Contains(out+stderr, n) {
			t.Fatalf("a name was printed: %s", n)
		}
	}
	if strings.Contains(out+stderr, cliPass) {
		t.Fatal("the passphrase was printed")
	}
}

func TestPassphraseIsAskedOnTheTerminal(t *testing.T) {
	dir, _ := protectedDemo(t)
	var asked []string
	answers := []string{"wrong one", cliPass}
	was := askPassphrase
	askPassphrase = func(prompt string) (string, error) {
		asked = append(asked, prompt)
		a := answers[0]
		answers = answers[1:]
		return a, nil
	}
	defer func() { askPassphrase = was }()
	code, out, stderr := runAdmin(t, "requests", "-data", dir)
	if code != ExitOK || len(asked) != 2 {
		t.Fatalf("requests: exit %d after %d prompts\n%s", code, len(asked), stderr)
	}
	if len(strings.Split(strings.TrimSpace(out), "\n")) < 30 {
		t.Fatalf("requests printed too little:\n%s", out)
	}
}

func TestNoTerminalNoFileIsExplained(t *testing.T) {
	dir, _ := protectedDemo(t)
	was := askPassphrase
	askPassphrase = func(string) (string, error) { return "", errNoTerminal }
	defer func() { askPassphrase = was }()
	code, _, stderr := runAdmin(t, "check", "-data", dir)
	if code != ExitFailure || !strings.Contains(stderr, "-passphrase-file") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
}

func TestPassphraseIsNeverAnArgument(t *testing.T) {
	dir, _ := protectedDemo(t)
	if code, _, _ := runAdmin(t, "check", "-data", dir, "-passphrase", cliPass); code != ExitMisuse {
		t.Fatalf("a -passphrase flag was accepted (exit %d)", code)
	}
}

func TestRestoreAsksForTheBackupsPassphrase(t *testing.T) {
	dir, _ := protectedDemo(t)
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.Unlock(context.Background(), cliPass)
	backup, err := st.AutoBackup(context.Background(), 10)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	target := t.TempDir()
	code, _, stderr := runAdmin(t, "restore", "-data", target, "-from", backup, "-passphrase-file", passFile(t, "not it at all"))
	if code != ExitFailure || !strings.Contains(stderr, "does not open this backup") {
		t.Fatalf("restore with a wrong passphrase: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(target, store.FileName)); err == nil {
		t.Fatal("a backup was restored without its passphrase")
	}
	code, _, stderr = runAdmin(t, "restore", "-data", target, "-from", backup, "-passphrase-file", passFile(t, cliPass))
	if code != ExitOK {
		t.Fatalf("restore: exit %d: %s", code, stderr)
	}
}
