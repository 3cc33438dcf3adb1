package store

import "testing"

// The program's connections compile no query as it runs (see
// serverConfig): with the rules on who sees what, PostgreSQL otherwise
// took half a second to compile a whole reading that ran in a tenth.
func TestTheServerCompilesNoQueryAsItRuns(t *testing.T) {
	s := openServerTemp(t)
	var jit string
	if err := s.db.QueryRowContext(ctx, "SHOW jit").Scan(&jit); err != nil {
		t.Fatal(err)
	}
	if jit != "off" {
		t.Errorf("jit is %q on the program's connection", jit)
	}
}
