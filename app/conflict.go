package app

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data/store"
)

// On a team's server two people may change the same record at once. The
// store refuses the second save (store.Conflict); here the person whose
// save was refused sees, field by field, what the other person changed
// and what they changed themselves, and chooses. When the two changed
// different things, both are kept with one click.

// conflictResolver is one refused save waiting for the person's choice.
type conflictResolver[T any] struct {
	s          *shell
	what       string // "person", "request", …, for the dialog's words
	original   T      // the record as it was read, before the person's changes
	mine       T      // what the person tried to save
	theirs     T      // what is stored now
	save       func(T)
	keptTheirs func(T)

	rows       []conflictRow
	overlaps   bool // both changed the same field
	dialog     dialog.Dialog
	keepBoth   *widget.Button
	keepMine   *widget.Button
	keepTheirs *widget.Button
}

// conflictRow is one field that differs between theirs and mine.
type conflictRow struct {
	label         string
	theirs, mine  string
	changedByThem bool
	changedByMe   bool
}

// onSaveConflict handles a save refused because someone else saved the
// record meanwhile, returning false for any other error. load reads the
// record as stored now; save saves a record again (the chosen one, at the
// stored version); keptTheirs puts the stored record in place when the
// person keeps the other's version.
func onSaveConflict[T any](s *shell, err error, what string, original, mine T,
	load func(context.Context) (T, error), save func(T), keptTheirs func(T)) bool {
	if !errors.Is(err, store.ErrConflict) {
		return false
	}
	background(s, load, func(theirs T) {
		r := &conflictResolver[T]{s: s, what: what, original: original, mine: mine, theirs: theirs,
			save: save, keptTheirs: keptTheirs}
		r.compare()
		r.show()
	})
	return true
}

// compare lists the fields that differ, and whether both changed any one.
func (r *conflictResolver[T]) compare() {
	o, m, t := reflect.ValueOf(r.original), reflect.ValueOf(r.mine), reflect.ValueOf(r.theirs)
	for i := 0; i < t.NumField(); i++ {
		f := t.Type().Field(i)
		if !f.IsExported() || bookkeeping[f.Name] {
			continue
		}
		mv, tv, ov := shown(m.Field(i)), shown(t.Field(i)), shown(o.Field(i))
		if mv == tv {
			continue
		}
		row := conflictRow{label: fieldLabel(f.Name), theirs: tv, mine: mv, changedByThem: tv != ov, changedByMe: mv != ov}
		if row.changedByThem && row.changedByMe {
			r.overlaps = true
		}
		r.rows = append(r.rows, row)
	}
}

// both reports whether the two sets of changes can be kept together.
func (r *conflictResolver[T]) both() bool { return !r.overlaps }

// merged is theirs with the fields the person changed taken from mine.
func (r *conflictResolver[T]) merged() T {
	out := r.theirs
	o, m, x := reflect.ValueOf(r.original), reflect.ValueOf(r.mine), reflect.ValueOf(&out).Elem()
	for i := 0; i < x.NumField(); i++ {
		if f := x.Type().Field(i); f.IsExported() && !bookkeeping[f.Name] && shown(m.Field(i)) != shown(o.Field(i)) {
			x.Field(i).Set(m.Field(i))
		}
	}
	return out
}

// mineOverTheirs is what the person typed, saved over the stored version.
func (r *conflictResolver[T]) mineOverTheirs() T {
	out := r.mine
	x := reflect.ValueOf(&out).Elem()
	x.FieldByName("Version").Set(reflect.ValueOf(r.theirs).FieldByName("Version"))
	return out
}

func (r *conflictResolver[T]) show() {
	// One grid per row, so that each row is as tall as its own words.
	table := container.NewVBox(container.NewGridWithColumns(3,
		widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("Saved by someone else", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("Yours", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})))
	for _, row := range r.rows {
		theirs, mine := wrapped(orNone(row.theirs)), wrapped(orNone(row.mine))
		if row.changedByThem {
			theirs.TextStyle.Bold = true
		}
		if row.changedByMe {
			mine.TextStyle.Bold = true
		}
		table.Add(container.NewGridWithColumns(3,
			widget.NewLabelWithStyle(row.label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), theirs, mine))
	}
	intro := "Someone else saved this " + r.what + " while you were changing it. Nothing of yours has been saved yet. " +
		"Here is what differs (the changes are in bold):"
	advice := "You each changed different things, so both can be kept."
	if r.overlaps {
		advice = "You both changed the same thing, so please choose whose version to keep. You can change it again afterwards."
	}
	r.keepBoth = widget.NewButton("Keep both changes", func() { r.dialog.Hide(); r.save(r.merged()) })
	r.keepBoth.Importance = widget.HighImportance
	r.keepMine = widget.NewButton("Keep mine", func() { r.dialog.Hide(); r.save(r.mineOverTheirs()) })
	r.keepTheirs = widget.NewButton("Keep theirs", func() { r.dialog.Hide(); r.keptTheirs(r.theirs) })
	buttons := container.NewHBox(layout.NewSpacer(), r.keepTheirs, r.keepMine)
	if r.both() {
		buttons.Add(r.keepBoth)
	} else {
		r.keepMine.Importance = widget.HighImportance
	}
	body := container.NewVBox(prose(intro), table, prose(advice), buttons)
	r.dialog = dialog.NewCustomWithoutButtons("Changed by someone else", dialogBody(r.s, body), r.s.win)
	r.dialog.Resize(fitDialog(r.s, fyne.NewSize(760, 480)))
	r.s.showDialog(r.dialog)
	r.s.conflict = r
}

// bookkeeping are the fields a person does not type.
var bookkeeping = map[string]bool{"ID": true, "CreatedAt": true, "UpdatedAt": true, "Version": true,
	"PersonID": true, "RequestID": true}

// shown is a field's value as the dialog shows it.
func shown(v reflect.Value) string {
	switch x := v.Interface().(type) {
	case string:
		return x
	case []string:
		return strings.Join(x, ", ")
	case bool:
		if x {
			return "Yes"
		}
		return "No"
	case time.Time:
		if x.IsZero() {
			return ""
		}
		return x.Format("2 January 2006")
	case fmt.Stringer:
		return x.String()
	}
	if v.Kind() == reflect.Slice {
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = fmt.Sprint(v.Index(i).Interface())
		}
		return strings.Join(parts, ", ")
	}
	if v.IsZero() {
		return ""
	}
	return fmt.Sprint(v.Interface())
}

// fieldLabel turns a field's name into words: "DateOfBirth" is "Date of
// birth", "NHSNumber" is "NHS number".
func fieldLabel(name string) string {
	var words []string
	r := []rune(name)
	start := 0
	for i := 1; i <= len(r); i++ {
		if i == len(r) || unicode.IsUpper(r[i]) && (unicode.IsLower(r[i-1]) || i+1 < len(r) && unicode.IsLower(r[i+1])) {
			words = append(words, string(r[start:i]))
			start = i
		}
	}
	for i, w := range words {
		if i > 0 && strings.ToUpper(w) != w {
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(empty)"
	}
	return s
}

func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
