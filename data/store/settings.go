package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"secondopinion/data"
)

// Setting keys used by the program.
const (
	SettingSender    = "sender"        // JSON of data.Sender
	SettingChaseDays = "ui.chase-days" // days before a letter with no reply needs chasing
)

// Setting returns a setting's value, or "" when it has never been set.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", s.storedSetting(key)).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", explain(err)
	}
	return s.openSetting(key, v)
}

// Settings reads several settings in one query, "" for any never set.
// Reading them one by one took a round trip each when signing in to a
// team's server: a dozen of them, a quarter of a second over a network
// 20 ms away.
func (s *Store) Settings(ctx context.Context, keys []string) (map[string]string, error) {
	out := make(map[string]string, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	keyOf := make(map[string]string, len(keys)) // the stored key to the setting's
	args := make([]any, len(keys))
	for i, k := range keys {
		out[k] = ""
		stored := s.storedSetting(k)
		keyOf[stored], args[i] = k, stored
	}
	query := "SELECT key, value FROM settings WHERE key IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(keys)), ", ") + ")"
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	for rows.Next() {
		var stored, v string
		if err := rows.Scan(&stored, &v); err != nil {
			return nil, explain(err)
		}
		k := keyOf[stored]
		if out[k], err = s.openSetting(k, v); err != nil {
			return nil, err
		}
	}
	return out, explain(rows.Err())
}

// SetSetting saves a setting. On a team's server a setting is either the
// member's own or the team's (team.go); only a manager changes the team's,
// and saving a team setting unchanged is no change for anyone, so that a
// screen may save all its settings together.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	if s.d == onServer && !personalSetting(key) && !s.Member().Can(ChangeTeamSettings) {
		was, err := s.Setting(ctx, key)
		if err != nil || was == value {
			return err
		}
		return refused("change a setting that is the whole team's")
	}
	value, err := s.sealSetting(key, value)
	if err != nil {
		return err
	}
	return s.exec(ctx, "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
		s.storedSetting(key), value)
}

// Sender returns the user's own details for letters written on someone's
// behalf; blank until set.
func (s *Store) Sender(ctx context.Context) (data.Sender, error) {
	var snd data.Sender
	v, err := s.Setting(ctx, SettingSender)
	if err != nil || v == "" {
		return snd, err
	}
	if err := json.Unmarshal([]byte(v), &snd); err != nil {
		return data.Sender{}, nil // an unreadable setting is as good as unset
	}
	return snd, nil
}

// SaveSender validates and saves the user's own details.
func (s *Store) SaveSender(ctx context.Context, snd data.Sender) error {
	if err := snd.Validate(); err != nil {
		return err
	}
	b, err := json.Marshal(snd)
	if err != nil {
		return err
	}
	return s.SetSetting(ctx, SettingSender, string(b))
}
