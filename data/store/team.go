package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"secondopinion/data"
)

// On a team's server each person signs in as themselves, and the server
// decides what they may see and change (migrations/server/003): the
// window asks Member only to leave out what would be refused anyway. In a
// folder there is one person, with every right.

// Kind is what a member does, and so what they may see.
type Kind string

const (
	JustMe       Kind = "just me"      // records in a folder: one person, every right
	Receptionist Kind = "receptionist" // the desk: the people and requests the desk made
	Advocate     Kind = "advocate"     // their own clients and those shared with them
	Manager      Kind = "manager"      // everyone, the directory, the members, the audit log
)

// Kinds are the kinds a member of a team may be.
var Kinds = []Kind{Receptionist, Advocate, Manager}

// Label is the kind in words for a person.
func (k Kind) Label() string {
	switch k {
	case JustMe:
		return "Just me"
	case Receptionist:
		return "Receptionist"
	case Advocate:
		return "Advocate"
	case Manager:
		return "Manager"
	}
	return string(k)
}

// Right is something only some members may do.
type Right uint8

const (
	SeeEveryone        Right = iota // every client, not only one's own and those shared
	ChangeDirectory                 // change or delete a contact (everyone may add one)
	ChangeTeamSettings              // a setting that is the team's, not one's own
	ManageMembers                   // add and remove members, hand clients over
	ReadAuditLog                    // who changed what
	Protect                         // protect the records with a passphrase, or change it
)

// Member is who is signed in.
type Member struct {
	Name string // their sign-in name on the server; "" in a folder
	Kind Kind
}

// Can reports whether m may do r. Every right is a manager's (and the one
// person's, in a folder); the others see and change what is theirs.
func (m Member) Can(r Right) bool { return m.Kind == Manager || m.Kind == JustMe }

// Member is who is signed in: on a server, as the server says at sign-in.
func (s *Store) Member() Member {
	if s.d != onServer {
		return Member{Kind: JustMe}
	}
	return s.member
}

// signedIn asks the server who is signed in, refusing a sign-in that
// belongs to no kind of member of this caseload.
func (s *Store) signedIn(ctx context.Context) error {
	var name, kind string
	if err := s.db.QueryRowContext(ctx, "SELECT current_user, team_kind()").Scan(&name, &kind); err != nil {
		return explainServer(err)
	}
	if kind == "" {
		return notAMember(name)
	}
	s.member = Member{Name: name, Kind: Kind(kind)}
	return nil
}

func notAMember(name string) error {
	return &data.UserError{Err: ErrNotAllowed, Message: "The name " + name + " can sign in to the server but is not a member " +
		"of this caseload. Please ask your manager to add you."}
}

// onlyOnServer refuses what only a team does, in a folder.
func (s *Store) onlyOnServer(what string) error {
	if s.d == onServer {
		return nil
	}
	return &data.UserError{Message: what + " is for a team's server; these records are on this computer, for you alone."}
}

// refused is the error for what the member's kind may not do, said before
// asking the server (which would refuse it too).
func refused(what string) error {
	return &data.UserError{Err: ErrNotAllowed, Message: "Only a manager can " + what + ". Nothing was changed."}
}

// ErrNotAllowed is returned, wrapped in a UserError, for what the signed-in
// member may not do.
var ErrNotAllowed = errors.New("not allowed for this member")

// ShareWith lets member see and change the person with this id, and
// everything that is theirs. The person's owner (or the desk, for the
// desk's people) and managers may share; sharing twice is no change.
func (s *Store) ShareWith(ctx context.Context, personID, member string) error {
	if err := s.onlyOnServer("Sharing a client"); err != nil {
		return err
	}
	if err := s.visible(ctx, personID); err != nil {
		return err
	}
	return s.exec(ctx, "INSERT INTO shares (person_id, member) VALUES (?, ?) ON CONFLICT (person_id, member) DO NOTHING",
		personID, member)
}

// Unshare takes back what ShareWith gave. The member may also give a
// client back themselves.
func (s *Store) Unshare(ctx context.Context, personID, member string) error {
	if err := s.onlyOnServer("Sharing a client"); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx txn) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM shares WHERE person_id = ? AND member = ?", personID, member)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &data.UserError{Err: data.ErrNotFound, Message: "That client is not shared with " + member + ", " +
				"or only their owner or a manager can take it back. Nothing was changed."}
		}
		return nil
	})
}

// SharedWith lists who the person is shared with, as far as the signed-in
// member may know (their owner and managers see every share).
func (s *Store) SharedWith(ctx context.Context, personID string) ([]string, error) {
	if s.d != onServer {
		return nil, nil
	}
	list, err := lines(ctx, s.db, "SELECT member FROM shares WHERE person_id = ? ORDER BY member", personID)
	return list, explainServer(err)
}

// HandOver gives the person to member: an advocate, a manager, or (for
// a receptionist) the desk. Only a manager hands over. The shares stay.
func (s *Store) HandOver(ctx context.Context, personID, member string) error {
	if err := s.onlyOnServer("Handing a client over"); err != nil {
		return err
	}
	if !s.Member().Can(ManageMembers) {
		return refused("hand a client over to someone else")
	}
	return s.inTx(ctx, func(tx txn) error {
		res, err := tx.ExecContext(ctx, "UPDATE people SET owner = ? WHERE id = ?", member, personID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound
		}
		return nil
	})
}

// HandOverAll gives every client of one owner (a member, one who has
// left, or the desk) to another member, in one transaction: after a
// caseload is moved onto the server, or when an advocate leaves. Their
// shares stay. It returns how many were handed over. Only a manager may.
func (s *Store) HandOverAll(ctx context.Context, from, to string) (int, error) {
	if err := s.onlyOnServer("Handing clients over"); err != nil {
		return 0, err
	}
	if !s.Member().Can(ManageMembers) {
		return 0, refused("hand clients over to someone else")
	}
	var n int64
	err := s.inTx(ctx, func(tx txn) error {
		res, err := tx.ExecContext(ctx, "UPDATE people SET owner = ? WHERE owner = ? AND owner <> ?", to, from, to)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

// ClientsByOwner counts the people each owner has, as far as the one
// signed in can see (a manager sees everyone); nil in a folder.
func (s *Store) ClientsByOwner(ctx context.Context) (map[string]int, error) {
	if s.d != onServer {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, "SELECT owner, count(*) FROM people GROUP BY owner")
	if err != nil {
		return nil, explainServer(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var owner string
		var n int
		if err := rows.Scan(&owner, &n); err != nil {
			return nil, explainServer(err)
		}
		out[owner] = n
	}
	return out, explainServer(rows.Err())
}

// Owner is who the person belongs to on a team's server ("" in a folder):
// a member's name, or the desk's group for the desk's people.
func (s *Store) Owner(ctx context.Context, personID string) (string, error) {
	if s.d != onServer {
		return "", nil
	}
	var owner string
	err := s.db.QueryRowContext(ctx, "SELECT owner FROM people WHERE id = ?", personID).Scan(&owner)
	if errors.Is(err, sql.ErrNoRows) {
		return "", errNotFound
	}
	return owner, explainServer(err)
}

// Desk is the name the reception desk's people belong to on a team's
// server (see Owner); "" in a folder.
func (s *Store) Desk(ctx context.Context) (string, error) {
	if s.d != onServer {
		return "", nil
	}
	var desk sql.NullString
	err := s.db.QueryRowContext(ctx, "SELECT team_desk()").Scan(&desk)
	return desk.String, explainServer(err)
}

// visible is nil when the signed-in member can see the person: a person
// they cannot see is not found, as if it were not there.
func (s *Store) visible(ctx context.Context, personID string) error {
	var one int
	err := s.db.QueryRowContext(ctx, "SELECT 1 FROM people WHERE id = ?", personID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return errNotFound
	}
	return s.failed(err)
}

// notDeletable explains, on a server, a delete that found no row the
// member may delete: refused when they can see it, not found otherwise.
func (s *Store) notDeletable(ctx context.Context, tx txn, table, id string) error {
	if s.d != onServer {
		return errNotFound
	}
	var one int
	if err := tx.QueryRowContext(ctx, "SELECT 1 FROM "+table+" WHERE id = ?", id).Scan(&one); err != nil {
		return errNotFound
	}
	return &data.UserError{Err: ErrNotAllowed, Message: "Your sign-in does not allow deleting that. Nothing was changed. " +
		"Please ask your manager if it needs to go."}
}

// personalSetting reports whether a setting is each member's own on a
// team's server: the letter-writer's details, and the window's own
// preferences and unfinished work. The rest are the team's.
func personalSetting(key string) bool {
	return key == SettingSender || strings.HasPrefix(key, "ui.")
}

// storedSetting is the key a setting is kept under: on a server, a
// member's own setting is kept as key@name (the server lets only them and
// managers read it; see migrations/server/003).
func (s *Store) storedSetting(key string) string {
	if s.d != onServer || !personalSetting(key) || strings.Contains(key, "@") {
		return key
	}
	return key + "@" + s.member.Name
}

// settingName is the setting a stored key is, for the signed-in member:
// their own key@name is key; anyone else's stays as it is.
func (s *Store) settingName(stored string) string {
	if s.d != onServer {
		return stored
	}
	if k, who, ok := strings.Cut(stored, "@"); ok && who == s.member.Name {
		return k
	}
	return stored
}

// storedKeysSQL selects the stored keys and values of a setting: in a
// folder its one row; on a server every member's.
const storedKeysSQL = "SELECT key, value FROM settings WHERE key = ?1 OR substr(key, 1, length(?1) + 1) = ?1 || '@'"
