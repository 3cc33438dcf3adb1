package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

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
	err := s.db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", explain(err)
	}
	return s.openSetting(key, v)
}

// SetSetting saves a setting.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	value, err := s.sealSetting(key, value)
	if err != nil {
		return err
	}
	return s.exec(ctx, "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
		key, value)
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
