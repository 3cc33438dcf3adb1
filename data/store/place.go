package store

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"secondopinion/data"
	"secondopinion/data/safefile"
)

// A desk that works on a team's server remembers the server's address in
// its data folder, so that the program opens at the sign-in. Only the
// address is kept: never the password.

// serverFile holds the remembered address, beside the records.
const serverFile = "team-server.txt"

// RememberedServer is the server address this data folder's desk signs in
// to, or "" when the records are in the folder itself.
func RememberedServer(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, serverFile))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// RememberServer keeps address (without any password in it) for the next
// start; "" forgets it, so the folder's own records open again.
func RememberServer(dir, address string) error {
	path := filepath.Join(dir, serverFile)
	if address == "" {
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return &data.UserError{Err: err, Message: "The team server's address could not be forgotten: " + err.Error()}
		}
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return &data.UserError{Err: err, Message: "The data folder could not be made: " + err.Error()}
	}
	return safefile.WriteBytes(path, "the team server's address", 0o600, []byte(WithoutPassword(address)+"\n"))
}

// WithoutPassword is address with any password taken out.
func WithoutPassword(address string) string {
	u, err := url.Parse(address)
	if err != nil || u.User == nil {
		return address
	}
	if _, has := u.User.Password(); has {
		u.User = url.User(u.User.Username())
	}
	return u.String()
}

// ServerAddress builds an address from what a person types: a server's
// name (with a port after a colon if not the usual one), the database and
// their own name. A whole postgres:// address typed as the server is
// taken as it is, with the name put in if it has none.
func ServerAddress(server, database, name string) (string, error) {
	server, database, name = strings.TrimSpace(server), strings.TrimSpace(database), strings.TrimSpace(name)
	if server == "" {
		return "", &data.UserError{Message: "Please give the server's name (whoever runs it will tell you)."}
	}
	if name == "" {
		return "", &data.UserError{Message: "Please give the name you sign in with."}
	}
	var u *url.URL
	if IsServerAddress(server) {
		var err error
		if u, err = url.Parse(server); err != nil {
			return "", &data.UserError{Err: err, Message: "The server's address could not be read. Please check it."}
		}
	} else {
		if strings.ContainsAny(server, "/@ ") {
			return "", &data.UserError{Message: "The server's name should be just its name, like db.example.org (or db.example.org:5433)."}
		}
		u = &url.URL{Scheme: "postgres", Host: server}
	}
	if database != "" {
		u.Path = "/" + database
	}
	if u.Path == "" || u.Path == "/" {
		return "", &data.UserError{Message: "Please give the name of the team's caseload on the server (its database)."}
	}
	u.User = url.User(name)
	return u.String(), nil
}
