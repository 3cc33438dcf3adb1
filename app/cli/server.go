package cli

import (
	"context"
	"errors"
	"net/url"

	"secondopinion/data"
	"secondopinion/data/store"
)

// A team's records are on a PostgreSQL server, named with -db. Its
// password is never taken from the command line either: it comes from
// PostgreSQL's own ~/.pgpass file, or is typed on the terminal.

// openServer signs in to the server at address, asking for the password
// on the terminal when the server wants one that ~/.pgpass did not give.
func openServer(address string) (*store.Store, error) {
	if err := noPasswordIn(address); err != nil {
		return nil, err
	}
	ctx := context.Background()
	st, err := store.SignIn(ctx, address, "", "")
	if err == nil || !errors.Is(err, store.ErrSignIn) {
		return st, err
	}
	err = withSecret(nil, "Password for the team's server: ", store.ErrSignIn, func(pass string) error {
		st, err = store.SignIn(ctx, address, pass, "")
		return err
	})
	if errors.Is(err, errNoTerminal) {
		return nil, &data.UserError{Message: "The team's server needs a password. Please run the command in a terminal " +
			"to type it, or put it in ~/.pgpass."}
	}
	return st, err
}

// noPasswordIn refuses a server address with a password in it.
func noPasswordIn(address string) error {
	if u, err := url.Parse(address); err == nil && u.User != nil {
		if _, has := u.User.Password(); has {
			return usagef("please leave the password out of the server's address: other users of this computer " +
				"can see a command's arguments. It will be asked for, or put it in ~/.pgpass")
		}
	}
	return nil
}
