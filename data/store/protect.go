package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"secondopinion/data"
	"secondopinion/data/vault"
)

// The vault table holds, when the records are protected, the data key
// wrapped by the passphrase and by the recovery key, and a check value
// sealed with it. The key itself is never written anywhere.
const (
	vaultPassphrase = "passphrase"
	vaultRecovery   = "recovery"
	vaultCheck      = "check"
)

// wrapParams are the Argon2id costs for new passphrase wrappings.
var wrapParams = vault.DefaultParams

func (s *Store) loadGuard() error {
	var n int
	err := s.db.QueryRow("SELECT count(*) FROM vault").Scan(&n)
	if err != nil {
		if strings.Contains(err.Error(), "no such table") || strings.Contains(err.Error(), "SQLSTATE 42P01") {
			return nil // an older schema, opened read-only: never protected
		}
		return explain(err)
	}
	s.guard.protected = n > 0
	return nil
}

// Protected reports whether the records are protected with a passphrase.
func (s *Store) Protected() bool {
	_, err := s.keyFor()
	s.guard.mu.RLock()
	defer s.guard.mu.RUnlock()
	return err == nil && s.guard.protected || errors.Is(err, ErrLocked)
}

// Locked reports whether the records are protected and not yet unlocked.
func (s *Store) Locked() bool {
	_, err := s.keyFor()
	return errors.Is(err, ErrLocked)
}

func vaultValue(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, name string) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, "SELECT value FROM vault WHERE name = ?", name).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", &data.UserError{Err: vault.ErrBadWrapping, Message: "The key for these records is missing, " +
			"so they cannot be unlocked. Please restore your most recent backup."}
	}
	return v, err
}

// keyWith unwraps the data key of the database behind q with a passphrase
// or, when recovery is true, a recovery key, and checks it against the
// records' check value.
func keyWith(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, secret string, recovery bool) (*vault.Key, error) {
	name := vaultPassphrase
	if recovery {
		name = vaultRecovery
	}
	return keyFrom(ctx, q, name, secret, recovery)
}

// keyFrom is keyWith for the wrapping stored under name.
func keyFrom(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, name, secret string, recovery bool) (*vault.Key, error) {
	stored, err := vaultValue(ctx, q, name)
	if err != nil {
		return nil, explain(err)
	}
	var key *vault.Key
	if recovery {
		key, err = vault.UnwrapRecovery(stored, secret)
	} else {
		key, err = vault.UnwrapPassphrase(stored, secret)
	}
	if err != nil {
		return nil, unlockError(err)
	}
	check, err := vaultValue(ctx, q, vaultCheck)
	if err != nil {
		return nil, explain(err)
	}
	if !key.Verify(check) {
		key.Wipe()
		return nil, unlockError(vault.ErrBadWrapping)
	}
	return key, nil
}

// unlockError puts the vault's errors in words for the person.
func unlockError(err error) error {
	var m *vault.MistypedError
	switch {
	case errors.As(err, &m):
		msg := m.Error()
		return &data.UserError{Err: err, Message: strings.ToUpper(msg[:1]) + msg[1:] + "."}
	case errors.Is(err, vault.ErrWrongPassphrase):
		return &data.UserError{Err: err, Message: "That passphrase does not open these records. " +
			"Please check it (capital letters count) and try again, or use the recovery key."}
	case errors.Is(err, vault.ErrWrongRecoveryKey):
		return &data.UserError{Err: err, Message: "That recovery key does not open these records. " +
			"Please check it is the key printed for this folder."}
	case errors.Is(err, vault.ErrBadWrapping):
		return &data.UserError{Err: err, Message: "The key for these records is damaged, so they cannot be unlocked. " +
			"Please restore your most recent backup."}
	case errors.Is(err, vault.ErrPassphraseShort):
		return &data.UserError{Err: err, Message: "Please choose a longer passphrase: " + err.Error() + "."}
	}
	return err
}

// Unlock opens protected records with their passphrase. A wrong passphrase
// leaves them locked. Unlocking records that are already unlocked checks
// the passphrase again (the window's lock screen uses this).
func (s *Store) Unlock(ctx context.Context, passphrase string) error {
	return s.unlock(ctx, passphrase, false)
}

// UnlockWithRecovery opens protected records with the recovery key, typed
// in any case, with or without spaces or hyphens.
func (s *Store) UnlockWithRecovery(ctx context.Context, typed string) error {
	return s.unlock(ctx, typed, true)
}

func (s *Store) unlock(ctx context.Context, secret string, recovery bool) error {
	if !s.Protected() {
		return &data.UserError{Message: "These records are not protected with a passphrase."}
	}
	key, err := s.memberKey(ctx, secret, recovery)
	if err != nil {
		return err
	}
	s.guard.mu.Lock()
	defer s.guard.mu.Unlock()
	if s.guard.key != nil {
		same := s.guard.key.Equal(key)
		key.Wipe()
		if !same {
			return unlockError(vault.ErrBadWrapping)
		}
		return nil
	}
	s.guard.key = key
	return nil
}

// ProtectResult says what turning protection on left to decide.
type ProtectResult struct {
	// SafetyCopy is the backup made just before, in the backups folder.
	SafetyCopy string
	// PlainBackups are backups from before protection (the safety copy
	// among them): anyone with the folder can read them. The window offers
	// to delete them once a protected backup has been made.
	PlainBackups []BackupFile
}

// Protect turns protection on: a new data key, wrapped by the passphrase
// and by the recovery key, seals every personal field in one transaction,
// after a backup. The file is then rebuilt and its log emptied, so none of
// the plain words stay in the database or its log.
func (s *Store) Protect(ctx context.Context, passphrase string, recovery vault.RecoveryKey) (ProtectResult, error) {
	var res ProtectResult
	if err := s.canConvert(); err != nil {
		return res, err
	}
	if s.Protected() {
		return res, &data.UserError{Message: "These records are already protected with a passphrase."}
	}
	if err := vault.CheckNewPassphrase(passphrase); err != nil {
		return res, unlockError(err)
	}
	if recovery.IsZero() {
		return res, fmt.Errorf("store: protecting without a recovery key")
	}
	key, err := vault.NewKey()
	if err != nil {
		return res, err
	}
	wp, err := vault.WrapPassphrase(key, passphrase, wrapParams)
	if err != nil {
		return res, unlockError(err)
	}
	wr, err := vault.WrapRecovery(key, recovery)
	if err != nil {
		return res, err
	}
	if res.SafetyCopy, err = s.safetyCopy(ctx); err != nil {
		return res, err
	}
	// Saves wait while the records are converted, so none is written plain
	// into protected records.
	s.guard.mu.Lock()
	defer s.guard.mu.Unlock()
	_, err = s.rewrite(ctx, true, func(tx *sql.Tx) error {
		for _, kv := range [][2]string{{vaultPassphrase, wp}, {vaultRecovery, wr}, {vaultCheck, key.CheckValue()}} {
			if _, err := tx.ExecContext(ctx, "INSERT INTO vault (name, value) VALUES (?, ?)", kv[0], kv[1]); err != nil {
				return err
			}
		}
		if err := s.note(ctx, tx, AuditProtected, AuditRecords, ""); err != nil {
			return err
		}
		return convert(ctx, s.d, tx, func(v string, at vault.Place) (string, error) { return key.Seal(v, at), nil },
			func(b []byte, at vault.Place) ([]byte, error) { return key.SealBytes(b, at), nil })
	})
	if err != nil {
		key.Wipe()
		return res, err
	}
	s.guard.protected, s.guard.key = true, key
	res.PlainBackups = plainBackups(ctx, s.dir)
	return res, nil
}

// Unprotect turns protection off after checking the passphrase: every
// sealed field is opened and stored plain in one transaction, after a
// backup (which stays protected), and the keys are deleted.
func (s *Store) Unprotect(ctx context.Context, passphrase string) error {
	key, err := s.protectedKey()
	if err != nil {
		return err
	}
	if err := s.Unlock(ctx, passphrase); err != nil {
		return err
	}
	if _, err := s.safetyCopy(ctx); err != nil {
		return err
	}
	s.guard.mu.Lock()
	defer s.guard.mu.Unlock()
	_, err = s.rewrite(ctx, true, func(tx *sql.Tx) error {
		if err := convert(ctx, s.d, tx, key.Open, key.OpenBytes); err != nil {
			return err
		}
		if err := s.note(ctx, tx, AuditUnprotected, AuditRecords, ""); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM vault")
		return err
	})
	if err != nil {
		var fd *FieldDamaged
		if errors.As(err, &fd) {
			return &data.UserError{Err: err, Message: "Protection was not turned off: " + fd.Error()}
		}
		return err
	}
	// The key is dropped, not wiped: a save already under way may still
	// hold it.
	s.guard.protected, s.guard.key = false, nil
	return nil
}

// ChangePassphrase wraps the data key with a new passphrase after checking
// the old one. The records themselves are not rewritten. The old wrapping
// is overwritten in the file and the log is emptied, so the old passphrase
// opens nothing afterwards.
func (s *Store) ChangePassphrase(ctx context.Context, old, passphrase string) error {
	if err := s.Unlock(ctx, old); err != nil {
		return err
	}
	return s.SetPassphrase(ctx, passphrase)
}

// SetPassphrase wraps the data key, which must be unlocked, with a new
// passphrase: after unlocking with the recovery key, to choose a new one.
func (s *Store) SetPassphrase(ctx context.Context, passphrase string) error {
	key, err := s.protectedKey()
	if err != nil {
		return err
	}
	wp, err := vault.WrapPassphrase(key, passphrase, wrapParams)
	if err != nil {
		return unlockError(err)
	}
	if s.d == onServer {
		// On a team's server each member changes their own passphrase,
		// never the one the rest of the team opens the records with.
		return s.wrapFor(ctx, "", wp)
	}
	_, err = s.rewrite(ctx, false, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "UPDATE vault SET value = ? WHERE name = ?", wp, vaultPassphrase); err != nil {
			return err
		}
		return s.note(ctx, tx, AuditChanged, AuditPassphrase, "")
	})
	return err
}

// SetRecoveryKey replaces the recovery key (when the old one is lost),
// with the records unlocked.
func (s *Store) SetRecoveryKey(ctx context.Context, recovery vault.RecoveryKey) error {
	key, err := s.protectedKey()
	if err != nil {
		return err
	}
	wr, err := vault.WrapRecovery(key, recovery)
	if err != nil {
		return err
	}
	_, err = s.rewrite(ctx, false, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "UPDATE vault SET value = ? WHERE name = ?", wr, vaultRecovery); err != nil {
			return err
		}
		return s.note(ctx, tx, AuditChanged, AuditRecovery, "")
	})
	return err
}

func (s *Store) canConvert() error {
	if s.ro {
		return &data.UserError{Message: "The records can only be read, so their protection cannot be changed. " +
			"Please check the data folder's permissions."}
	}
	return nil
}

// safetyCopy makes a backup in the backups folder before a conversion.
func (s *Store) safetyCopy(ctx context.Context) (string, error) {
	dest := filepath.Join(s.dir, BackupFolder, "secondopinion-"+s.now().Format("20060102-150405.000")+".db")
	if err := s.Backup(ctx, dest); err != nil {
		return "", err
	}
	return dest, nil
}

// rewrite runs fn in one transaction on a connection with secure_delete on,
// so the space old values leave is overwritten with zeros; when rebuild is
// true the file is then rebuilt (VACUUM, in memory) so nothing of them is
// left in free pages. Either way the log is copied into the file and
// truncated to nothing; logCleared says whether it could be at once
// (another reader may hold it; it is emptied when the program closes).
func (s *Store) rewrite(ctx context.Context, rebuild bool, fn func(tx *sql.Tx) error) (logCleared bool, err error) {
	if s.d == onServer {
		// The server's own vacuum and log recycling are its administrator's
		// to run; the change itself is one transaction as everywhere.
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return false, s.failed(err)
		}
		return false, s.commit(ctx, tx, fn)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return false, explain(err)
	}
	defer conn.Close()
	// The connection goes back to the pool afterwards: put its settings
	// back as they were.
	for _, pragma := range []string{"secure_delete", "temp_store"} {
		var was int
		if err := conn.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&was); err != nil {
			return false, explain(err)
		}
		defer conn.ExecContext(context.Background(), fmt.Sprintf("PRAGMA %s = %d", pragma, was))
	}
	for _, pragma := range []string{"PRAGMA secure_delete = ON", "PRAGMA temp_store = MEMORY"} {
		if _, err := conn.ExecContext(ctx, pragma); err != nil {
			return false, explain(err)
		}
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return false, s.failed(err)
	}
	if err := s.commit(ctx, tx, fn); err != nil {
		return false, err
	}
	if rebuild {
		if _, err := conn.ExecContext(ctx, "VACUUM"); err != nil {
			return false, s.failed(err)
		}
	}
	return checkpointTruncate(ctx, conn), nil
}

// convert rewrites every personal field (and personal setting) with text
// and bytes, which seal or open them. Records keep their checksums right:
// each is computed again from the new values in the same statement.
func convert(ctx context.Context, d dialect, tx *sql.Tx,
	text func(string, vault.Place) (string, error), bytes func([]byte, vault.Place) ([]byte, error)) error {
	for _, t := range sealedTables {
		if err := convertTable(ctx, d, tx, t, text, bytes); err != nil {
			return err
		}
	}
	for key := range sealedSettings {
		stored, err := storedSettings(ctx, tx, key) // on a server, every member's
		if err != nil {
			return err
		}
		for _, kv := range stored {
			if kv[1] == "" {
				continue
			}
			nv, err := text(kv[1], settingPlace(key))
			if err != nil {
				return &FieldDamaged{Table: "settings", Column: key}
			}
			if _, err := tx.ExecContext(ctx, "UPDATE settings SET value = ? WHERE key = ?", nv, kv[0]); err != nil {
				return err
			}
		}
	}
	return nil
}

// storedSettings is the stored key and value of each row of a setting:
// one in a folder; on a server, each member's own (see storedSetting).
func storedSettings(ctx context.Context, tx interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, key string) ([][2]string, error) {
	rows, err := tx.QueryContext(ctx, storedKeysSQL, key)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var kv [2]string
		if err := rows.Scan(&kv[0], &kv[1]); err != nil {
			return nil, err
		}
		out = append(out, kv)
	}
	return out, rows.Err()
}

func convertTable(ctx context.Context, d dialect, tx *sql.Tx, t *sealedTable,
	text func(string, vault.Place) (string, error), bytes func([]byte, vault.Place) ([]byte, error)) error {
	var all []string
	for _, st := range summedTables {
		if st.table == t.table {
			all = st.cols
		}
	}
	at := map[string]int{}
	sets := make([]string, len(t.cols))
	for i, c := range t.cols {
		at[c] = i
		sets[i] = c + " = " + param(i, c)
	}
	if all != nil {
		value := func(_ int, c string) string {
			if i, ok := at[c]; ok {
				return param(i, c)
			}
			return c
		}
		sets = append(sets, checksumCol+" = "+d.sumExpr(all, value))
	}
	update, err := tx.PrepareContext(ctx, "UPDATE "+t.table+" SET "+strings.Join(sets, ", ")+
		" WHERE "+t.id+" = "+param(len(t.cols), t.id))
	if err != nil {
		return err
	}
	defer update.Close()
	read, err := tx.PrepareContext(ctx, "SELECT "+joinCols(t.cols)+" FROM "+t.table+" WHERE "+t.id+" = ?")
	if err != nil {
		return err
	}
	defer read.Close()
	ids, err := txLines(ctx, tx, "SELECT "+t.id+" FROM "+t.table)
	if err != nil {
		return err
	}
	for _, id := range ids {
		vals := make([]any, len(t.cols))
		ptrs := make([]any, len(t.cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := read.QueryRowContext(ctx, id).Scan(ptrs...); err != nil {
			return err
		}
		args := make([]any, 0, len(t.cols)+1)
		for i, c := range t.cols {
			place := vault.Place{Table: t.table, ID: id, Column: c}
			if t.blobs[c] {
				b, _ := vals[i].([]byte)
				if len(b) > 0 {
					if b, err = bytes(b, place); err != nil {
						return &FieldDamaged{Table: t.table, Column: c}
					}
				}
				if b == nil {
					b = []byte{}
				}
				args = append(args, b)
				continue
			}
			v := asString(vals[i])
			if v != "" {
				if v, err = text(v, place); err != nil {
					return &FieldDamaged{Table: t.table, Column: c}
				}
			}
			args = append(args, v)
		}
		args = append(args, id)
		if _, err := update.ExecContext(ctx, args...); err != nil {
			return err
		}
	}
	return nil
}

func txLines(ctx context.Context, tx *sql.Tx, query string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// damagedFields opens every sealed field and personal setting and counts
// those that do not open, or are plain where they should be sealed, by
// kind of record and the day it was saved. It never holds their content
// longer than it takes to open one.
func damagedFields(ctx context.Context, db *sql.DB, key *vault.Key) (RecordDamage, error) {
	var found RecordDamage
	for _, t := range sealedTables {
		rows, err := db.QueryContext(ctx, "SELECT "+t.id+", substr("+t.saved+", 1, 10), "+joinCols(t.cols)+
			" FROM "+t.table+" ORDER BY 2")
		if err != nil {
			return nil, explain(err)
		}
		for rows.Next() {
			var id, day string
			vals := make([]sql.RawBytes, len(t.cols))
			dest := []any{&id, &day}
			for i := range vals {
				dest = append(dest, &vals[i])
			}
			if err := rows.Scan(dest...); err != nil {
				rows.Close()
				return nil, explain(err)
			}
			bad := false
			for i, c := range t.cols {
				if len(vals[i]) == 0 {
					continue
				}
				at := vault.Place{Table: t.table, ID: id, Column: c}
				var err error
				if t.blobs[c] {
					_, err = key.OpenBytes(vals[i], at)
				} else {
					_, err = key.Open(string(vals[i]), at)
				}
				if err != nil {
					bad = true
					break
				}
			}
			if !bad {
				continue
			}
			if !isDay(day) {
				day = ""
			}
			if n := len(found); n > 0 && found[n-1].Kind == t.table && found[n-1].Saved == day {
				found[n-1].N++
			} else {
				found = append(found, DamagedRecords{Kind: t.table, Saved: day, N: 1})
			}
		}
		if err := rows.Close(); err != nil {
			return nil, explain(err)
		}
		if err := rows.Err(); err != nil {
			return nil, explain(err)
		}
	}
	for key2 := range sealedSettings {
		var v string
		err := db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key2).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && v == "") {
			continue
		}
		if err != nil {
			return nil, explain(err)
		}
		if _, err := key.Open(v, settingPlace(key2)); err != nil {
			found = append(found, DamagedRecords{Kind: "settings", N: 1})
		}
	}
	return mergeUnreadable(found), nil
}

func isDay(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func init() {
	kindNames["settings"] = [2]string{"setting holding personal details", "settings holding personal details"}
}

// CheckSealed opens every sealed field with the unlocked key and reports
// damage by kind of record and date, never by content. Records that are
// not protected have nothing sealed to check.
func (s *Store) CheckSealed(ctx context.Context) error {
	key, err := s.keyFor()
	if err != nil || key == nil {
		return err
	}
	d, err := damagedFields(ctx, s.db, key)
	if err != nil {
		return err
	}
	if len(d) > 0 {
		return recordsDamaged(d)
	}
	return nil
}

// BackupProtected reports whether the backup at path is protected with a
// passphrase.
func BackupProtected(ctx context.Context, path string) (bool, error) {
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return false, explainBackup(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM vault").Scan(&n); err != nil {
		if strings.Contains(err.Error(), "no such table") || strings.Contains(err.Error(), "SQLSTATE 42P01") {
			return false, nil
		}
		return false, explainBackup(err)
	}
	return n > 0, nil
}

// VerifyBackupKey checks that a protected backup opens with a passphrase
// (or, when recovery is true, a recovery key) and that every sealed field
// in it opens, before it is restored. A backup that is not protected
// passes.
func VerifyBackupKey(ctx context.Context, path, secret string, recovery bool) error {
	if err := verifyBackup(ctx, path); err != nil {
		return err
	}
	prot, err := BackupProtected(ctx, path)
	if err != nil || !prot {
		return err
	}
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return explainBackup(err)
	}
	defer db.Close()
	key, err := keyWith(ctx, db, secret, recovery)
	if err != nil {
		if errors.Is(err, vault.ErrWrongPassphrase) {
			return &data.UserError{Err: err, Message: "That passphrase does not open this backup. " +
				"A backup keeps the passphrase the records had when it was made."}
		}
		return err
	}
	defer key.Wipe()
	d, err := damagedFields(ctx, db, key)
	if err != nil {
		return err
	}
	if len(d) > 0 {
		return &data.UserError{Err: d, Message: "This backup is damaged: " + strings.Join(d.Describe(), "; ") + "."}
	}
	return nil
}

// plainBackups lists the automatic backups that are not protected.
func plainBackups(ctx context.Context, dir string) []BackupFile {
	all, _ := Backups(dir)
	var plain []BackupFile
	for _, b := range all {
		if prot, err := BackupProtected(ctx, b.Path); err == nil && !prot {
			plain = append(plain, b)
		}
	}
	return plain
}

// PlainBackups lists the automatic backups in the data folder that are not
// protected: anyone who can read the folder can read them.
func (s *Store) PlainBackups(ctx context.Context) []BackupFile { return plainBackups(ctx, s.dir) }

// protectedKey is the data key of records that can be converted and are
// protected, or why there is none.
func (s *Store) protectedKey() (*vault.Key, error) {
	if err := s.canConvert(); err != nil {
		return nil, err
	}
	key, err := s.keyFor()
	if err != nil {
		return nil, err
	}
	if key == nil {
		return nil, &data.UserError{Message: "These records are not protected with a passphrase."}
	}
	return key, nil
}
