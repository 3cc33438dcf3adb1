package store

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"secondopinion/data"
)

var letterCols = []string{"id", "request_id", "kind", "recipient_id", "body", "large_print", "sent_on", "sent_how",
	"created_at", "updated_at", "version"}

var (
	saveLetterSQL   = forEach(func(d dialect) string { return d.upsertSQL("letters", letterCols) })
	selectLetterSQL = "SELECT " + joinCols(letterCols) + " FROM letters"
)

func scanLetter(row scanner) (data.Letter, error) {
	var l data.Letter
	err := row.Scan(&l.ID, &l.RequestID, &l.Kind, textOrNull{&l.RecipientID}, &l.Body, &l.LargePrint,
		dateField{&l.SentOn}, &l.SentHow, timeField{&l.CreatedAt}, timeField{&l.UpdatedAt}, &l.Version)
	return l, err
}

func letterArgs(l data.Letter) []any {
	return []any{l.ID, l.RequestID, l.Kind, nullID(l.RecipientID), l.Body,
		boolInt(l.LargePrint), l.SentOn.String(), string(l.SentHow), formatTime(l.CreatedAt), formatTime(l.UpdatedAt), l.Version}
}

// saveLetter saves l in tx, setting the version it is saved at.
func (s *Store) saveLetter(ctx context.Context, tx txn, l data.Letter) (version int, err error) {
	return s.saveRecord(ctx, tx, "letters", l.ID, saveLetterSQL[s.d], s.sealed("letters", letterCols, letterArgs(l)))
}

// SaveLetter validates and saves a letter, giving a new one its id.
func (s *Store) SaveLetter(ctx context.Context, l *data.Letter) error {
	if err := l.Validate(); err != nil {
		return err
	}
	saved := *l
	s.stamp(&saved.ID, &saved.CreatedAt, &saved.UpdatedAt)
	var version int
	err := s.inTx(ctx, func(tx txn) (err error) {
		version, err = s.saveLetter(ctx, tx, saved)
		return err
	})
	if err == nil {
		saved.Version = version
		*l = saved
	}
	return err
}

// MarkSent saves the letter as sent and adds its "letter sent" step (with
// the due date the rules gave it) in one transaction: both or neither.
func (s *Store) MarkSent(ctx context.Context, l *data.Letter, step *data.Step) error {
	letter := *l
	st := *step
	s.stamp(&letter.ID, &letter.CreatedAt, &letter.UpdatedAt)
	s.stamp(&st.ID, &st.CreatedAt, nil)
	st.RequestID, st.Kind, st.LetterID, st.LetterKind = letter.RequestID, data.StepLetterSent, letter.ID, letter.Kind
	if st.On.IsZero() {
		st.On = letter.SentOn
	}
	if letter.SentOn.IsZero() {
		letter.SentOn = st.On
	}
	if err := letter.Validate(); err != nil {
		return err
	}
	if err := st.Validate(); err != nil {
		return err
	}
	var version int
	err := s.inTx(ctx, func(tx txn) (err error) {
		if version, err = s.saveLetter(ctx, tx, letter); err != nil {
			return err
		}
		return s.insertStep(ctx, tx, st)
	})
	if err == nil {
		letter.Version = version
		*l, *step = letter, st
	}
	return err
}

// Letter returns one letter.
func (s *Store) Letter(ctx context.Context, id string) (data.Letter, error) {
	return queryOne(ctx, s.db, opened(s, "letters", letterCols, scanLetter), selectLetterSQL+" WHERE id = ?", id)
}

// LettersFor returns a request's letters, oldest first (see oldestFirst).
func (s *Store) LettersFor(ctx context.Context, requestID string) ([]data.Letter, error) {
	list, err := queryList(ctx, s.db, opened(s, "letters", letterCols, scanLetter), selectLetterSQL+" WHERE request_id = ?", requestID)
	slices.SortFunc(list, func(a, b data.Letter) int { return oldestFirst(a.CreatedAt, a.ID, b.CreatedAt, b.ID) })
	return list, err
}

// EditedLetters returns every letter whose wording the user changed, for
// searching: the rest of a letter comes from records searched already.
func (s *Store) EditedLetters(ctx context.Context) ([]data.Letter, error) {
	list, err := queryList(ctx, s.db, opened(s, "letters", letterCols, scanLetter), selectLetterSQL+" WHERE body <> ''")
	slices.SortFunc(list, func(a, b data.Letter) int {
		return cmp.Or(strings.Compare(a.RequestID, b.RequestID), oldestFirst(a.CreatedAt, a.ID, b.CreatedAt, b.ID))
	})
	return list, err
}

// DeleteLetter deletes a letter; a step recording that it was sent stays.
func (s *Store) DeleteLetter(ctx context.Context, id string) error {
	return s.deleteByID(ctx, "letters", id)
}
