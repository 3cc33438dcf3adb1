package store

// NetworkDriveWarning returns a warning when the data folder is on a
// network drive, where SQLite's write-ahead log cannot work safely; "" when
// it is on a local disk.
func NetworkDriveWarning(dir string) string {
	kind := networkDrive(dir)
	if kind == "" {
		return ""
	}
	return "Your records are on a network drive (" + kind + "). The database cannot be kept safe there: " +
		"two computers writing at once could damage it. Please keep the data folder on this computer's own disk, " +
		"and use backups to copy it elsewhere."
}
