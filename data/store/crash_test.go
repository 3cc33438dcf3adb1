package store

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"secondopinion/data"
)

var crashTrials = flag.Int("crash-trials", 30, "how many times TestCrashLosesNoCommittedRecord kills a writer")

const crashChildEnv = "SECONDOPINION_CRASH_CHILD_DIR"

// TestMain lets this test binary act as the child that writes until killed.
func TestMain(m *testing.M) {
	if dir := os.Getenv(crashChildEnv); dir != "" {
		crashChild(dir)
		return
	}
	os.Exit(m.Run())
}

// crashChild saves records one transaction at a time, printing each id only
// after its commit returned, until it is killed.
func crashChild(dir string) {
	s, err := Open(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out := bufio.NewWriter(os.Stdout)
	for i := 0; ; i++ {
		p := data.Person{Name: fmt.Sprintf("Crash test %d", i), Nation: data.Wales, Notes: strings.Repeat("ŵ", i%500)}
		if err := s.SavePerson(ctx, &p); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		r := data.Request{PersonID: p.ID, Subject: data.SubjectTreatment}
		if err := s.SaveRequest(ctx, &r); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Fprintln(out, p.ID, r.ID)
		out.Flush()
	}
}

// TestCrashLosesNoCommittedRecord kills a writing process with SIGKILL at a
// random moment, again and again, and checks that every record it reported
// committed is there and that the database is whole.
func TestCrashLosesNoCommittedRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("crash trials are slow")
	}
	dir := t.TempDir()
	reported := map[string]string{} // person id → request id
	lost := 0
	for trial := 0; trial < *crashTrials; trial++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+dir)
		stdout, _ := cmd.StdoutPipe()
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1024)
		go func() {
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// Kill it at a random moment once it has started writing.
		first := <-lines
		time.Sleep(time.Duration(rand.IntN(150)) * time.Millisecond)
		cmd.Process.Kill()
		if first != "" {
			record(reported, first)
		}
		for l := range lines {
			record(reported, l)
		}
		cmd.Wait()
		if first == "" {
			t.Fatalf("trial %d: the writer never wrote: %s", trial, stderr.String())
		}

		s, err := Open(dir)
		if err != nil {
			t.Fatalf("trial %d: reopen after the crash: %v", trial, err)
		}
		if err := s.Check(ctx); err != nil {
			t.Fatalf("trial %d: integrity after the crash: %v", trial, err)
		}
		for pid, rid := range reported {
			if _, err := s.Person(ctx, pid); err != nil {
				lost++
				t.Errorf("trial %d: person %s was reported committed but is missing", trial, pid)
			}
			if _, err := s.Request(ctx, rid); err != nil {
				lost++
				t.Errorf("trial %d: request %s was reported committed but is missing", trial, rid)
			}
		}
		s.Close()
	}
	t.Logf("%d crash trials, %d committed records checked, %d lost", *crashTrials, 2*len(reported), lost)
}

func record(m map[string]string, line string) {
	if f := strings.Fields(line); len(f) == 2 {
		m[f[0]] = f[1]
	}
}
