package app

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// "Open to print" says it opened the letter only when a viewer started;
// otherwise it says where the PDF is and offers to show its folder.
func TestOpenToPrintWithoutAViewerSaysWhereTheFileIs(t *testing.T) {
	s := openOn(t, t.TempDir())
	w := carerToLastPage(t, s)
	finishAsCarer(t, s, w)
	ls := s.current.(*letterScreen)

	var tried []string
	s.opener = func(path string) error {
		tried = append(tried, path)
		if strings.HasSuffix(path, ".pdf") {
			return errors.New("xdg-open: no method available for opening it")
		}
		return nil
	}
	tapButton(t, s, "Open to print")
	s.jobs.wait()
	if strings.Contains(ls.status.Text, "Opened in your PDF viewer") {
		t.Errorf("with no viewer the status says %q", ls.status.Text)
	}
	folder := filepath.Join(s.st.Dir(), "letters")
	if msg := topDialogText(s); !strings.Contains(msg, folder) || !strings.Contains(msg, ls.fileName()) {
		t.Fatalf("with no viewer the dialog does not say where the PDF is; on top: %q", msg)
	}
	tapInDialog(t, s, "Show the folder")
	settle(t, s)
	if len(tried) != 2 || tried[1] != folder {
		t.Errorf("opened %q; want the PDF, then its folder", tried)
	}

	s.opener = func(string) error { return nil }
	tapButton(t, s, "Open to print")
	settle(t, s)
	if !strings.Contains(ls.status.Text, "Opened in your PDF viewer") {
		t.Errorf("with a viewer the status says %q", ls.status.Text)
	}
}
