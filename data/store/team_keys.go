package store

import (
	"context"
	"database/sql"
	"errors"

	"secondopinion/data"
	"secondopinion/data/vault"
)

// On a team's server protected records are opened by every member with
// their own passphrase: the one data key is wrapped once for each member
// (vault rows "passphrase:NAME") as well as with the team's passphrase and
// the recovery key. The server's administrator holds none of them, so
// cannot read the personal fields. A member's passphrase is set by
// someone who has the records unlocked (a manager adding them), and
// changed by the member; a member who leaves has theirs removed.
//
// Removing a wrapping stops that passphrase opening the records; it cannot
// take back a key a member already used. When someone leaves on bad terms,
// turn protection off and on again to change the key itself.

const memberWrapPrefix = "passphrase:"

// memberKey unwraps the data key with the secret: on a server, with the
// signed-in member's own passphrase when they have one, else the team's.
func (s *Store) memberKey(ctx context.Context, secret string, recovery bool) (*vault.Key, error) {
	if s.d != onServer || recovery {
		return keyWith(ctx, s.db, secret, recovery)
	}
	who := s.Member().Name
	key, err := keyFrom(ctx, s.db, memberWrapPrefix+who, secret, false)
	if err == nil || !errors.Is(err, vault.ErrBadWrapping) || !missingWrap(ctx, s.db, who) {
		return key, err
	}
	return keyWith(ctx, s.db, secret, false)
}

func missingWrap(ctx context.Context, db *sql.DB, who string) bool {
	var n int
	db.QueryRowContext(ctx, "SELECT count(*) FROM vault WHERE name = ?", memberWrapPrefix+who).Scan(&n)
	return n == 0
}

// SetMemberPassphrase wraps the unlocked data key with a passphrase for
// member, who then opens the records with it.
func (s *Store) SetMemberPassphrase(ctx context.Context, member, passphrase string) error {
	if s.d != onServer {
		return &data.UserError{Message: "Passphrases for members are for a team's server; these records have one passphrase."}
	}
	key, err := s.protectedKey()
	if err != nil {
		return err
	}
	wp, err := vault.WrapPassphrase(key, passphrase, wrapParams)
	if err != nil {
		return unlockError(err)
	}
	return s.wrapFor(ctx, member, wp)
}

// ForgetMemberPassphrase removes member's wrapping of the data key.
// It needs no key: taking a wrapping away reveals nothing.
func (s *Store) ForgetMemberPassphrase(ctx context.Context, member string) error {
	if s.d != onServer {
		return nil
	}
	_, err := s.db.ExecContext(ctx, "DELETE FROM vault WHERE name = ?", memberWrapPrefix+member)
	return explainServer(err)
}

// wrapFor stores a wrapping for member ("" for the one signed in).
func (s *Store) wrapFor(ctx context.Context, member, wrapped string) error {
	if member == "" {
		member = s.Member().Name
	}
	return s.exec(ctx, "INSERT INTO vault (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
		memberWrapPrefix+member, wrapped)
}
