package store

import (
	"testing"
	"time"

	"secondopinion/data/store/pgtest"
)

// openServerTemp opens a new, empty caseload on the test server, with the
// same fixed clock as openTemp.
func openServerTemp(t *testing.T) *Store {
	t.Helper()
	srv := pgtest.Start(t)
	s, err := OpenServer(ctx, srv.NewDatabase(t), t.TempDir())
	if err != nil {
		t.Fatalf("OpenServer: %v", err)
	}
	clock := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	t.Cleanup(func() { s.Close() })
	return s
}

// eachEngine runs test on a new file and on a new server caseload: the
// records must behave the same on both.
func eachEngine(t *testing.T, test func(t *testing.T, s *Store)) {
	t.Run("file", func(t *testing.T) { test(t, openTemp(t)) })
	t.Run("server", func(t *testing.T) { test(t, openServerTemp(t)) })
}

// eachEngineAndProtected is eachEngine, then on protected records, whose
// fields are opened as they are read.
func eachEngineAndProtected(t *testing.T, test func(t *testing.T, s *Store)) {
	eachEngine(t, test)
	t.Run("protected", func(t *testing.T) {
		s, _, _, _ := protectedFolder(t)
		test(t, s)
	})
}
