package store

import (
	"context"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/secure/precis"

	"secondopinion/data"
)

// A team's members are PostgreSQL sign-ins (LOGIN roles), each in one of
// the caseload's groups. A manager adds and removes them through two
// functions on the server that run as the caseload's owner, so a manager
// needs no power over the server's other roles.

// Members lists the caseload's members by name. Every member may list
// them (to choose whom to share a client with); the server's catalogue
// says as much to anyone signed in.
func (s *Store) Members(ctx context.Context) ([]Member, error) {
	if s.d != onServer {
		return []Member{s.Member()}, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT m.rolname::TEXT, team_kind_of(m.rolname)
		FROM team_roles t
		JOIN pg_roles g ON g.rolname = t.role
		JOIN pg_auth_members a ON a.roleid = g.oid
		JOIN pg_roles m ON m.oid = a.member
		WHERE t.kind <> 'owner' AND m.rolcanlogin
		AND m.rolname <> (SELECT role FROM team_roles WHERE kind = 'owner')
		ORDER BY 1`)
	if err != nil {
		return nil, explainServer(err)
	}
	defer rows.Close()
	var list []Member
	for rows.Next() {
		var m Member
		if err := rows.Scan(&m.Name, &m.Kind); err != nil {
			return nil, explainServer(err)
		}
		list = append(list, m)
	}
	return list, explainServer(rows.Err())
}

// MinPasswordLength is the shortest password a member may be given.
const MinPasswordLength = 10

// AddMember adds a sign-in of a kind with a password, or, for a member
// already there, changes their kind (and their password, unless it is "").
// Only a manager may. The password goes to the server only as a SCRAM
// verifier, as psql's \password sends it: the server never sees it.
func (s *Store) AddMember(ctx context.Context, name string, kind Kind, password string) error {
	if err := s.onlyOnServer("Adding a member"); err != nil {
		return err
	}
	if !s.Member().Can(ManageMembers) {
		return refused("add members")
	}
	if err := validMemberName(name); err != nil {
		return err
	}
	if kind != Receptionist && kind != Advocate && kind != Manager {
		return &data.UserError{Message: "A member is a receptionist, an advocate or a manager."}
	}
	verifier := ""
	if password != "" {
		if utf8.RuneCountInString(password) < MinPasswordLength {
			return &data.UserError{Message: fmt.Sprintf("Please choose a password of at least %d characters.", MinPasswordLength)}
		}
		if strings.Contains(strings.ToLower(password), strings.ToLower(name)) {
			return &data.UserError{Message: "Please choose a password that does not contain the member's name."}
		}
		var err error
		if verifier, err = scramVerifier(password); err != nil {
			return err
		}
	}
	_, err := s.db.ExecContext(ctx, "SELECT team_add_member(?, ?, ?)", name, string(kind), verifier)
	return explainServer(err)
}

// RemoveMember takes a member out of the caseload: they can no longer
// sign in to it, and on protected records their passphrase no longer
// opens them. Their clients stay, with their owner's name, for a manager
// to hand over. Only a manager may, and not for themselves.
func (s *Store) RemoveMember(ctx context.Context, name string) error {
	if err := s.onlyOnServer("Removing a member"); err != nil {
		return err
	}
	if !s.Member().Can(ManageMembers) {
		return refused("remove members")
	}
	// Both or neither: a removal refused (the manager themselves, say)
	// must not take their passphrase away. Not through inTx, which wants
	// the records unlocked: removing a member needs no key. Tried again
	// like any save if the connection is lost (server_retry.go).
	return s.serverTx(ctx, func(tx txn) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM vault WHERE name = ?", memberWrapPrefix+name); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "SELECT team_remove_member(?)", name)
		return err
	})
}

// MemberName is a member's name as typed, as the server keeps it: without
// spaces round it and in lower case (Jane.Smith is jane.smith), so that
// nobody is told their name is wrong for a capital letter.
func MemberName(typed string) string { return strings.ToLower(strings.TrimSpace(typed)) }

// MatchMember is the member a typed name means: the member of exactly
// that name, or else the only one whose name differs from it just in case
// or the spaces round it (a name made outside the program may have
// capitals).
func MatchMember(members []Member, typed string) (string, bool) {
	typed = strings.TrimSpace(typed)
	if i := slices.IndexFunc(members, func(m Member) bool { return m.Name == typed }); i >= 0 {
		return members[i].Name, true
	}
	found, n := "", 0
	for _, m := range members {
		if strings.EqualFold(m.Name, typed) {
			found, n = m.Name, n+1
		}
	}
	if n != 1 {
		return "", false
	}
	return found, true
}

// MemberNamed is the member a typed name means (see MatchMember), or, for
// a name no member has, the name a new member would be given.
func MemberNamed(members []Member, typed string) string {
	if match, ok := MatchMember(members, typed); ok {
		return match
	}
	return MemberName(typed)
}

// validMemberName allows names a person can type at sign-in and in an
// address: lower-case letters, digits, dots, dashes and underscores.
func validMemberName(name string) error {
	bad := name == "" || len(name) > 63 || !(name[0] >= 'a' && name[0] <= 'z') || strings.HasPrefix(name, "pg_")
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			bad = true
		}
	}
	if bad {
		return &data.UserError{Message: "A member's name is what they type to sign in: please use lower-case letters, " +
			"and if you like digits, dots, dashes or underscores, starting with a letter (for example jane.smith)."}
	}
	return nil
}

// scramIterations is PostgreSQL's own default.
const scramIterations = 4096

// scramVerifier is what PostgreSQL stores for a SCRAM-SHA-256 password
// (RFC 5802, RFC 7677): the server can check a sign-in with it but cannot
// get the password back. The password is prepared as the driver prepares
// it when signing in (SASLprep, by PRECIS), so the two always agree.
func scramVerifier(password string) (string, error) {
	if p, err := precis.OpaqueString.String(password); err == nil {
		password = p
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	salted, err := pbkdf2.Key(sha256.New, password, salt, scramIterations, sha256.Size)
	if err != nil {
		return "", err
	}
	clientKey := hmacSHA256(salted, "Client Key")
	storedKey := sha256.Sum256(clientKey)
	serverKey := hmacSHA256(salted, "Server Key")
	b64 := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("SCRAM-SHA-256$%d:%s$%s:%s", scramIterations, b64(salt), b64(storedKey[:]), b64(serverKey)), nil
}

func hmacSHA256(key []byte, msg string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(msg))
	return h.Sum(nil)
}
