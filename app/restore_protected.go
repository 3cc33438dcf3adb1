package app

import (
	"context"

	"secondopinion/data"
	"secondopinion/data/store"
)

// restoreFrom restores the backup at path. A protected backup keeps the
// passphrase the records had when it was made: that passphrase is asked
// for, and checked against the backup (every field in it opening), before
// anything is replaced, so no one is left with records they cannot open.
func (s *shell) restoreFrom(path string) {
	runJob(s, func(ctx context.Context) (bool, error) { return store.BackupProtected(ctx, path) }, func(prot bool) {
		if !prot {
			s.restoreNow(path)
			return
		}
		newPassDialog(s, "This backup is protected", "Please type the passphrase these records had when the backup was "+
			"made. It is checked before anything is replaced. (If you only have the recovery key, restore the backup and use "+
			"the key when the program asks.)", "Restore", []string{"Passphrase of the backup"}, func(pd *passDialog) {
			pass := pd.boxes[0].Text
			pd.busy(true, "Checking…")
			runJob(s, func(ctx context.Context) (struct{}, error) {
				return struct{}{}, store.VerifyBackupKey(ctx, path, pass, false)
			}, func(struct{}) {
				pd.dlg.Hide()
				s.restoreNow(path)
			}, func(err error) {
				pd.busy(false, "Restore")
				pd.say(data.Message(err))
			})
		})
	}, func(error) { s.restoreNow(path) }) // the restore itself says what is wrong with the file
}
