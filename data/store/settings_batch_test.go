package store

import (
	"maps"
	"testing"

	"secondopinion/data/vault"
)

// Settings read together are what each reads on its own, on both engines,
// protected or not: the team's and one's own (kept per member on a
// server), and "" for one never set.
func TestSettingsReadTogetherAreEachSetting(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		check := func(when string) {
			t.Helper()
			keys := []string{"chase_days", "ui.theme", SettingSender, "never.set"}
			got, err := s.Settings(ctx, keys)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{}
			for _, k := range keys {
				if want[k], err = s.Setting(ctx, k); err != nil {
					t.Fatal(err)
				}
			}
			if !maps.Equal(got, want) {
				t.Errorf("%s: read together %q, one by one %q", when, got, want)
			}
			if got["chase_days"] != "21" || got["ui.theme"] != "dark" || got["never.set"] != "" {
				t.Errorf("%s: read together %q", when, got)
			}
		}
		for k, v := range map[string]string{"chase_days": "21", "ui.theme": "dark", SettingSender: `{"Name":"Jo Smith"}`} {
			if err := s.SetSetting(ctx, k, v); err != nil {
				t.Fatal(err)
			}
		}
		check("plain")
		key, _ := vault.NewRecoveryKey()
		if _, err := s.Protect(ctx, "a long enough passphrase", key); err != nil {
			t.Fatal(err)
		}
		if err := s.Unlock(ctx, "a long enough passphrase"); err != nil {
			t.Fatal(err)
		}
		check("protected")
	})
}
