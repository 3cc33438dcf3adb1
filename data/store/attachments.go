package store

import (
	"context"
	"fmt"
	"path/filepath"

	"secondopinion/data"
)

// LimitAttachment is the largest file that can be attached: a phone's
// photo of a letter, or a long scanned reply, fits many times over.
const LimitAttachment = 50 << 20

// AddStepWithFile adds a step with a file attached (a reply as a PDF or a
// photo) in one transaction: both are saved, or neither. Step.Attachment
// becomes the file's name, for showing; the content stays in the database.
func (s *Store) AddStepWithFile(ctx context.Context, st *data.Step, name string, content []byte) error {
	if len(content) > LimitAttachment {
		return &data.UserError{Message: fmt.Sprintf("This file is too large to attach (%d MB; the most is %d MB). "+
			"Please attach a smaller copy, such as a photo at a lower size or a PDF of just the reply.",
			len(content)>>20, LimitAttachment>>20)}
	}
	saved := *st
	saved.ID = ""
	saved.Attachment = filepath.Base(name)
	if err := saved.Validate(); err != nil {
		return err
	}
	s.stamp(&saved.ID, &saved.CreatedAt, nil)
	err := s.inTx(ctx, func(tx txn) error {
		if err := s.insertStep(ctx, tx, saved); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, s.d.insertSQL("attachments", attachmentCols), s.sealed("attachments", attachmentCols,
			[]any{saved.ID, saved.Attachment, content, formatTime(saved.CreatedAt)})...)
		return err
	})
	if err == nil {
		*st = saved
	}
	return err
}

// AttachedFile returns the name and content of the file attached to a step.
func (s *Store) AttachedFile(ctx context.Context, stepID string) (name string, content []byte, err error) {
	type file struct {
		name    string
		content []byte
	}
	f, err := queryOne(ctx, s.db, openedFor(s, "attachments", stepID, []string{"name", "content"}, func(row scanner) (file, error) {
		var f file
		err := row.Scan(&f.name, &f.content)
		return f, err
	}), "SELECT name, content FROM attachments WHERE step_id = ?", stepID)
	return f.name, f.content, err
}
