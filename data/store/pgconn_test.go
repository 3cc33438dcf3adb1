package store

import (
	"strings"
	"testing"
)

func TestDollarParams(t *testing.T) {
	cases := []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"SELECT * FROM people WHERE id = ?", "SELECT * FROM people WHERE id = $1"},
		{"UPDATE t SET a = ?, b = ? WHERE id = ?", "UPDATE t SET a = $1, b = $2 WHERE id = $3"},
		{"INSERT INTO t (a, b) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE SET b = ?2", "INSERT INTO t (a, b) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET b = $2"},
		{"SELECT '?' || ?", "SELECT '?' || $1"},
		{`SELECT "odd?" FROM t WHERE a = ?12`, `SELECT "odd?" FROM t WHERE a = $12`},
		{"SELECT 'it''s?' WHERE a = ?", "SELECT 'it''s?' WHERE a = $1"},
		{"CREATE FUNCTION f() AS $$ SELECT '?' $$; SELECT ?", "CREATE FUNCTION f() AS $$ SELECT '?' $$; SELECT $1"},
		{"SELECT 'unterminated ?", "SELECT 'unterminated ?"},
	}
	for _, c := range cases {
		if got := dollarParams(c.in); got != c.want {
			t.Errorf("dollarParams(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func FuzzDollarParams(f *testing.F) {
	f.Add("SELECT ? FROM t WHERE a = '?' AND b = ?3")
	f.Add("UPDATE t SET a = ?, b = ?12 WHERE c = ?")
	f.Fuzz(func(t *testing.T, q string) {
		out := dollarParams(q)
		if strings.ContainsAny(q, "'\"$") {
			return // quoted text is left as it is; the table above covers it
		}
		if strings.Contains(out, "?") || strings.Count(out, "$") != strings.Count(q, "?") {
			t.Fatalf("dollarParams(%q) = %q: every parameter should be numbered once", q, out)
		}
	})
}
