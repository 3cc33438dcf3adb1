package app

import (
	"strconv"
	"strings"
	"time"

	"secondopinion/data/store"
)

// Settings for backups, kept with the window's others.
const (
	settingBackupKeep = "ui.backup-keep" // how many automatic backups to keep
	settingLastBackup = "ui.last-backup" // when "Back up now" last wrote a backup, RFC 3339
)

// defaultBackupKeep is how many automatic backups are kept unless Settings says otherwise.
const defaultBackupKeep = 10

func init() { settingKeys = append(settingKeys, settingBackupKeep, settingLastBackup) }

// backupKeep is the number of automatic backups to keep.
func (c *caseload) backupKeep() int {
	if n, err := strconv.Atoi(c.settings[settingBackupKeep]); err == nil && n > 0 {
		return n
	}
	return defaultBackupKeep
}

// lastBackup is the newest of the automatic backups in dir and the last
// one made from the menu; zero when there has never been one.
func lastBackup(dir string, cl *caseload) time.Time {
	var newest time.Time
	if list, _ := store.Backups(dir); len(list) > 0 {
		newest = list[0].ModTime
	}
	if t, err := time.Parse(time.RFC3339, cl.settings[settingLastBackup]); err == nil && t.After(newest) {
		newest = t
	}
	return newest
}

func checkBackupKeep(s string) string {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 100 {
		return "Please give a number from 1 to 100."
	}
	return ""
}
