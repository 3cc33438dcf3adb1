package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

// entry is a text entry that passes Escape on to the window, so that Esc
// closes a dialog even while the cursor is in one of its fields.
type entry struct {
	widget.Entry
}

func newEntry() *entry {
	e := &entry{}
	e.Wrapping = fyne.TextWrapOff
	e.ExtendBaseWidget(e)
	return e
}

func newMultiLineEntry(rows int) *entry {
	e := &entry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	e.ExtendBaseWidget(e)
	return e
}

func (e *entry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(k)
			return
		}
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut passes the window's own shortcuts (Ctrl+N, Ctrl+F, Ctrl+S)
// on to it, since a focused entry would otherwise swallow them.
func (e *entry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && windowShortcut(cs) {
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(e).(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

func windowShortcut(s *desktop.CustomShortcut) bool {
	if s.Modifier != fyne.KeyModifierShortcutDefault {
		return false
	}
	return s.KeyName == fyne.KeyN || s.KeyName == fyne.KeyF || s.KeyName == fyne.KeyS
}

// field is one labelled entry with its message beside it: a hint while
// all is well, and what is wrong, in plain words, as soon as it is typed.
type field struct {
	key   string // the record's field name, to match data.Problems
	label *widget.Label
	entry *entry
	msg   *widget.Label
	hint  string
	check func(string) string
	// onChanged, if set, runs after each edit once the text is checked.
	onChanged func(string)
	loading   bool // set is filling it in: not the person typing
	box       *fyne.Container
}

func newField(key, label, hint string, check func(string) string) *field {
	return buildField(key, label, hint, check, newEntry())
}

func newTextField(key, label, hint string, rows int) *field {
	return buildField(key, label, hint, nil, newMultiLineEntry(rows))
}

func buildField(key, label, hint string, check func(string) string, e *entry) *field {
	f := &field{key: key, label: widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
		entry: e, msg: widget.NewLabel(hint), hint: hint, check: check}
	f.msg.Wrapping = fyne.TextWrapWord
	f.msg.SizeName = theme.SizeNameCaptionText
	f.msg.Importance = widget.LowImportance
	if hint == "" {
		f.msg.Hide()
	}
	e.OnChanged = f.onEntryChanged
	return f
}

func (f *field) onEntryChanged(s string) {
	if f.loading {
		return
	}
	f.validate()
	if f.onChanged != nil {
		f.onChanged(s)
	}
}

// validate shows the check's message, or the hint; it reports whether the text is fine.
func (f *field) validate() bool {
	msg := ""
	if f.check != nil {
		msg = f.check(f.entry.Text)
	}
	f.setProblem(msg)
	return msg == ""
}

// setProblem shows msg as what is wrong, or the hint when msg is "".
func (f *field) setProblem(msg string) {
	if msg == "" {
		f.msg.SetText(f.hint)
		f.msg.Importance = widget.LowImportance
	} else {
		f.msg.SetText(msg)
		f.msg.Importance = widget.DangerImportance
	}
	if f.msg.Text == "" {
		f.msg.Hide()
	} else {
		f.msg.Show()
	}
	f.msg.Refresh()
}

func (f *field) text() string { return f.entry.Text }

// set fills the field in from the records, without judging it.
func (f *field) set(text string) {
	f.loading = true
	f.entry.SetText(text)
	f.loading = false
	f.setProblem("")
}

// show shows or hides the whole row.
func (f *field) show(on bool) {
	if on {
		f.label.Show()
		f.cell().Show()
	} else {
		f.label.Hide()
		f.cell().Hide()
	}
}

// problem is what the field's check says now.
func (f *field) problem() string {
	if f.check == nil {
		return ""
	}
	return f.check(f.entry.Text)
}

// cell is the entry with its message under it.
func (f *field) cell() fyne.CanvasObject {
	if f.box == nil {
		f.box = container.NewVBox(f.entry, f.msg)
	}
	return f.box
}

// formRows lays fields out as a two-column form: label, then entry and message.
func formRows(rows ...fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewFormLayout(), rows...)
}

// fieldRows is formRows for fields.
func fieldRows(fs ...*field) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, f := range fs {
		objs = append(objs, f.label, f.cell())
	}
	return formRows(objs...)
}

// showProblems puts each validation problem in err beside its field. It
// returns what is left for the error dialog: problems that belong to no
// field shown, or any other error; nil when every problem found a field.
func showProblems(err error, fs ...*field) error {
	var ps data.Problems
	if !errors.As(err, &ps) {
		return err
	}
	var rest data.Problems
	for _, p := range ps {
		found := false
		for _, f := range fs {
			if f.key == p.Field {
				f.setProblem(p.Message)
				found = true
				break
			}
		}
		if !found {
			rest = append(rest, p)
		}
	}
	if len(rest) == 0 {
		return nil
	}
	return rest
}

// heading is a screen's title.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

func subheading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// prose is a wrapping paragraph of plain words.
func prose(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// quiet is a small, low-key line.
func quiet(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}

// note is a quiet line that does not wrap, for beside buttons in a row.
func note(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	return l
}
