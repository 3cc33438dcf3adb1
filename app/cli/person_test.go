package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"secondopinion/data"
	"secondopinion/data/store"
)

// peopleFolder is a data folder with two people called Alex Morgan, one
// Rhiannon Pryce with a request, a sent letter and a file attached, and a
// backup made after they were all added.
func peopleFolder(t *testing.T) (dir string, rhiannon data.Person, alexes []data.Person) {
	t.Helper()
	dir = t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, dob := range []data.Date{data.MustDate(1960, 4, 1), data.MustDate(2001, 9, 30)} {
		p := data.Person{Name: "Alex Morgan", DateOfBirth: dob, Nation: data.England}
		must(st.SavePerson(ctx, &p))
		alexes = append(alexes, p)
	}
	rhiannon = data.Person{Name: "Rhiannon Pryce", DateOfBirth: data.MustDate(1975, 12, 24), Nation: data.Wales,
		NHSNumber: "9434765919", Notes: "Notes about Rhiannon's carer", ConsentOn: data.MustDate(2026, 1, 2)}
	must(st.SavePerson(ctx, &rhiannon))
	r := data.Request{PersonID: rhiannon.ID, Subject: data.SubjectTreatment, Treatment: "pregabalin"}
	must(st.SaveRequest(ctx, &r))
	l := data.Letter{RequestID: r.ID, Kind: data.KindReviewTreatment}
	must(st.SaveLetter(ctx, &l))
	must(st.MarkSent(ctx, &l, &data.Step{On: data.MustDate(2026, 2, 2)}))
	must(st.AddStepWithFile(ctx, &data.Step{RequestID: r.ID, On: data.MustDate(2026, 2, 20), Kind: data.StepReply,
		Outcome: data.OutcomeAgreed}, "reply.jpg", []byte("JPEG bytes of Rhiannon's reply")))
	if _, err := st.AutoBackup(ctx, 10); err != nil {
		t.Fatal(err)
	}
	return dir, rhiannon, alexes
}

func TestExportPersonWritesBothFilesPrivately(t *testing.T) {
	dir, rhiannon, _ := peopleFolder(t)
	outDir := t.TempDir()
	code, out, stderr := runAdmin(t, "export-person", "-data", dir, "-person", "rhiannon pryce", "-o", outDir)
	if code != ExitOK {
		t.Fatalf("export-person: exit %d: %s", code, stderr)
	}
	base := filepath.Join(outDir, "Records of Rhiannon Pryce "+data.Today().String())
	for _, path := range []string{base + ".json", base + ".pdf"} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatalf("%s: %v (output: %s)", path, err, out)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s is %v, want owner-only", filepath.Base(path), info.Mode().Perm())
		}
		if !strings.Contains(out, path) {
			t.Errorf("output does not name %s: %s", path, out)
		}
	}
	b, _ := os.ReadFile(base + ".json")
	var doc struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
		Person  struct {
			ID, Name string
		} `json:"person"`
		Requests []struct {
			Steps []struct {
				Attachment *struct {
					Content []byte `json:"content_base64"`
				} `json:"attachment"`
			} `json:"steps"`
		} `json:"requests"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Format != "secondopinion-person-copy" || doc.Version != 1 || doc.Person.ID != rhiannon.ID ||
		len(doc.Requests) != 1 || len(doc.Requests[0].Steps) != 2 ||
		string(doc.Requests[0].Steps[1].Attachment.Content) != "JPEG bytes of Rhiannon's reply" {
		t.Errorf("the JSON is not Rhiannon's whole copy:\n%s", b)
	}
	if bin, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext (poppler-utils) is not installed, so the PDF's text is not checked here")
	} else if text, err := exec.Command(bin, base+".pdf", "-").Output(); err != nil ||
		!strings.Contains(string(text), "everything held about Rhiannon Pryce") || !strings.Contains(string(text), "reply.jpg") {
		t.Errorf("the PDF does not read as Rhiannon's copy (%v):\n%s", err, text)
	}

	// Never over an existing file, unless asked.
	os.WriteFile(base+".pdf", []byte("kept"), 0o600)
	code, _, stderr = runAdmin(t, "export-person", "-data", dir, "-person", rhiannon.ID, "-o", base+".pdf")
	if code != ExitFailure || !strings.Contains(stderr, "already exists") || !strings.Contains(stderr, "-force") {
		t.Errorf("over an existing file: exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(base + ".pdf"); string(b) != "kept" {
		t.Error("the existing file was changed")
	}
	code, _, stderr = runAdmin(t, "export-person", "-data", dir, "-person", rhiannon.ID, "-o", base+".pdf", "-force")
	if b, _ := os.ReadFile(base + ".pdf"); code != ExitOK || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("-force: exit %d: %s", code, stderr)
	}
}

func TestASharedNameIsRefusedAndListedWithoutNamingAnyoneOnStderr(t *testing.T) {
	dir, _, alexes := peopleFolder(t)
	outDir := t.TempDir()
	for _, cmd := range []string{"export-person", "erase-person"} {
		args := []string{"-data", dir, "-person", "Alex Morgan", "-yes"}
		if cmd == "export-person" {
			args = []string{"-data", dir, "-person", "Alex Morgan", "-o", outDir}
		}
		code, out, stderr := runAdmin(t, cmd, args...)
		if code != ExitFailure || !strings.Contains(stderr, "2 people have that name") {
			t.Errorf("%s: exit %d: %s", cmd, code, stderr)
		}
		if strings.Contains(stderr, "Alex") || strings.Contains(stderr, "Morgan") {
			t.Errorf("%s named someone on its error output: %s", cmd, stderr)
		}
		for _, want := range []string{alexes[0].ID + "\tAlex Morgan, born 1 April 1960", alexes[1].ID + "\tAlex Morgan, born 30 September 2001"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s does not list %q:\n%s", cmd, want, out)
			}
		}
	}
	if entries, _ := os.ReadDir(outDir); len(entries) != 0 {
		t.Errorf("files were written for an unclear name: %v", entries)
	}
	st, _ := store.Open(dir)
	defer st.Close()
	if people, _ := st.People(context.Background()); len(people) != 3 {
		t.Errorf("%d people left, want all 3", len(people))
	}
}

func TestErasePersonAsksForTheirNameThenOffersTheBackups(t *testing.T) {
	dir, rhiannon, _ := peopleFolder(t)
	defer func(r interface{ Read([]byte) (int, error) }) { stdin = r }(stdin)

	stdin = strings.NewReader("Rhiannon\n")
	code, out, stderr := runAdmin(t, "erase-person", "-data", dir, "-person", "Rhiannon Pryce")
	if code != ExitFailure || !strings.Contains(stderr, "did not match") {
		t.Fatalf("a wrong name typed: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "1 request, 1 letter, 2 steps, 1 attached file") || !strings.Contains(out, "their consent") {
		t.Errorf("the question does not say what goes: %s", out)
	}

	stdin = strings.NewReader("rhiannon  PRYCE\nyes\n")
	code, out, stderr = runAdmin(t, "erase-person", "-data", dir, "-person", "Rhiannon Pryce")
	if code != ExitOK {
		t.Fatalf("erase-person: exit %d: %s", code, stderr)
	}
	backups, _ := store.Backups(dir)
	for _, want := range []string{"Erased Rhiannon Pryce: 1 request, 1 letter, 2 steps, 1 attached file.",
		"1 backup still holds Rhiannon Pryce:", backups[0].Path, "Replaced " + backups[0].Path} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, path := range []string{filepath.Join(dir, store.FileName), backups[0].Path} {
		b, _ := os.ReadFile(path)
		for _, w := range []string{"Rhiannon", "9434765919", "JPEG bytes"} {
			if bytes.Contains(b, []byte(w)) {
				t.Errorf("%s still holds %q", filepath.Base(path), w)
			}
		}
	}
	// Her id stays in the audit log alone (the store's tests show it is
	// nowhere else), so that the erasing itself is on record.
	if _, log, _ := runAdmin(t, "audit", "-data", dir, "-action", "erased"); !strings.Contains(log, "\terased\tperson\t"+rhiannon.ID) {
		t.Errorf("the audit log does not show the erasing:\n%s", log)
	}
	if strings.Contains(stderr, "Rhiannon") {
		t.Errorf("error output names her: %s", stderr)
	}
}

func TestErasePersonForScriptsKeepsBackupsUnlessTold(t *testing.T) {
	dir, rhiannon, _ := peopleFolder(t)
	code, out, stderr := runAdmin(t, "erase-person", "-data", dir, "-person", rhiannon.ID, "-yes")
	if code != ExitOK || !strings.Contains(out, "Erased Rhiannon Pryce") || !strings.Contains(out, "-replace-backups") {
		t.Fatalf("erase-person -yes: exit %d: %s%s", code, out, stderr)
	}
	backups, _ := store.Backups(dir)
	if b, _ := os.ReadFile(backups[0].Path); !bytes.Contains(b, []byte("Rhiannon")) {
		t.Fatal("-yes alone replaced the backup")
	}
	// Run again by id, as the output says: the backups alone are replaced.
	code, out, stderr = runAdmin(t, "erase-person", "-data", dir, "-person", rhiannon.ID, "-yes", "-replace-backups")
	if code != ExitOK || !strings.Contains(out, "Replaced "+backups[0].Path) {
		t.Fatalf("-replace-backups after erasing: exit %d: %s%s", code, out, stderr)
	}
	if b, _ := os.ReadFile(backups[0].Path); bytes.Contains(b, []byte("Rhiannon")) {
		t.Error("the backup still holds her after -replace-backups")
	}
	code, _, stderr = runAdmin(t, "erase-person", "-data", dir, "-person", rhiannon.ID, "-yes")
	if code != ExitFailure || !strings.Contains(stderr, "No one in these records or their backups") {
		t.Errorf("erasing someone gone from records and backups: exit %d: %s", code, stderr)
	}
}

func TestRetentionListsButNeverErases(t *testing.T) {
	dir, _, _ := peopleFolder(t)
	code, out, _ := runAdmin(t, "retention", "-data", dir)
	if code != ExitOK || !strings.Contains(out, "No retention period is set") {
		t.Fatalf("retention with none set: exit %d: %s", code, out)
	}
	code, out, stderr := runAdmin(t, "retention", "-data", dir, "-set-years", "6")
	if code != ExitOK || !strings.Contains(out, "Kept 6 years after the last request closed: 0 past it.") {
		t.Fatalf("retention -set-years 6: exit %d: %s%s", code, out, stderr)
	}
	// Everyone was added today, so no one is past even a year; -years
	// overrides the setting but nothing here is old enough either way.
	code, out, _ = runAdmin(t, "retention", "-data", dir)
	if code != ExitOK || !strings.Contains(out, "Kept 6 years") {
		t.Errorf("the setting was not kept: %s", out)
	}
	// Someone added in 2010 with no requests is past it; listing erases no one.
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.Now = func() time.Time { return time.Date(2010, 3, 4, 12, 0, 0, 0, time.UTC) }
	old := data.Person{Name: "Long Ago Added", DateOfBirth: data.MustDate(1950, 1, 1), Nation: data.Scotland}
	if err := st.SavePerson(context.Background(), &old); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, out, _ = runAdmin(t, "retention", "-data", dir)
	want := old.ID + "\tLong Ago Added\t1950-01-01\tno requests; added 2010-03-04\tpast since 2016-03-04\n"
	if code != ExitOK || !strings.Contains(out, "1 past it") || !strings.Contains(out, want) {
		t.Errorf("retention: exit %d:\n%s\nwant the line %q", code, out, want)
	}
	st, _ = store.Open(dir)
	if people, _ := st.People(context.Background()); len(people) != 4 {
		t.Errorf("%d people after listing, want all 4", len(people))
	}
	st.Close()
	if code, _, _ := runAdmin(t, "retention", "-data", dir, "-years", "-1"); code != ExitMisuse {
		t.Errorf("-years -1: exit %d", code)
	}
}

func TestErasePersonAnonymiseKeepsTheFigures(t *testing.T) {
	dir, rhiannon, _ := peopleFolder(t)
	defer func(r interface{ Read([]byte) (int, error) }) { stdin = r }(stdin)
	_, before, _ := runAdmin(t, "report", "-data", dir)

	stdin = strings.NewReader("Rhiannon\n")
	code, out, stderr := runAdmin(t, "erase-person", "-data", dir, "-person", rhiannon.ID, "-anonymise")
	if code != ExitFailure || !strings.Contains(stderr, "nothing was changed") {
		t.Fatalf("a wrong name typed: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "1 request kept for the figures") || !strings.Contains(out, "2 steps") {
		t.Errorf("the question does not say what stays and what goes: %s", out)
	}
	stdin = strings.NewReader("Rhiannon Pryce\nno\n")
	code, out, stderr = runAdmin(t, "erase-person", "-data", dir, "-person", "Rhiannon Pryce", "-anonymise")
	if code != ExitOK {
		t.Fatalf("erase-person -anonymise: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Anonymised Rhiannon Pryce: 1 request kept without their words", "1 attached file deleted",
		"1 backup still holds Rhiannon Pryce", "The backups are kept as they are."} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if _, after, _ := runAdmin(t, "report", "-data", dir); after != before {
		t.Errorf("the report changed:\n%s\nwant\n%s", after, before)
	}
	b, _ := os.ReadFile(filepath.Join(dir, store.FileName))
	for _, w := range []string{"Rhiannon", "9434765919", "JPEG bytes", "carer", "pregabalin"} {
		if bytes.Contains(b, []byte(w)) {
			t.Errorf("the records still hold %q", w)
		}
	}
	if _, out, _ := runAdmin(t, "requests", "-data", dir); !strings.Contains(out, store.AnonymisedName) {
		t.Errorf("her request is not kept under the anonymised name:\n%s", out)
	}
	if _, log, _ := runAdmin(t, "audit", "-data", dir, "-action", "anonymised"); !strings.Contains(log, "\tperson\t"+rhiannon.ID) {
		t.Errorf("the audit log does not show it:\n%s", log)
	}
	if code, _, stderr := runAdmin(t, "erase-person", "-data", dir, "-person", rhiannon.ID, "-anonymise", "-yes"); code != ExitFailure ||
		!strings.Contains(stderr, "anonymised already") {
		t.Errorf("anonymising twice: exit %d: %s", code, stderr)
	}
}
