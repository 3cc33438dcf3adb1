package store

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// On a team's server every write sends a notice (see the server's
// migration 002); Watch listens for the notices other desks' writes send,
// so that what one desk saves appears on the others within moments.

// Change is one record another desk wrote: its kind ("people",
// "requests", …) and id. Kind "" means changes may have been missed (the
// connection was lost for a while): read everything again.
type Change struct{ Kind, ID string }

// Everything is the Change that asks for everything to be read again.
var Everything = Change{}

// changesChannel is the server's channel for the notices.
const changesChannel = "secondopinion_changes"

// Watch calls changed with each batch of other desks' changes until ctx
// ends, and connected whenever the connection to the server is lost or
// found again. It reconnects by itself; once listening, and again after
// each loss, it asks for everything to be read again. On a folder it returns at once: nothing
// else writes there.
func (s *Store) Watch(ctx context.Context, changed func([]Change), connected func(bool)) {
	if s.d != onServer {
		return
	}
	wait := time.Second
	lost := false
	for ctx.Err() == nil {
		err := s.listen(ctx, changed, func() {
			// Whatever was saved before listening began (since the
			// caseload was read, or while the connection was lost) is
			// read again.
			wait = time.Second
			if lost {
				lost = false
				connected(true)
			}
			changed([]Change{Everything})
		})
		if ctx.Err() != nil {
			return
		}
		if err != nil && !lost {
			lost = true
			connected(false)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(wait*2, 10*time.Second)
	}
}

// listen holds one connection listening for notices until it fails.
func (s *Store) listen(ctx context.Context, changed func([]Change), up func()) error {
	dialCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	conn, err := pgx.ConnectConfig(dialCtx, s.cfg)
	cancel()
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN "+changesChannel); err != nil {
		return err
	}
	up()
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		batch := s.otherDesks(nil, n.Payload)
		// Gather what arrives together (a request saved with its letter
		// and step is three notices) into one batch.
		for {
			more, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
			n, err := conn.WaitForNotification(more)
			cancel()
			if err != nil {
				break
			}
			batch = s.otherDesks(batch, n.Payload)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if len(batch) > 0 {
			changed(batch)
		}
	}
}

// otherDesks adds the change a notice names to batch, unless this desk
// made it.
func (s *Store) otherDesks(batch []Change, payload string) []Change {
	kind, rest, _ := strings.Cut(payload, " ")
	id, desk, _ := strings.Cut(rest, " ")
	if desk == s.desk {
		return batch
	}
	return append(batch, Change{Kind: kind, ID: id})
}
