package cli

import (
	"context"
	"fmt"
	"io"

	"secondopinion/data/store"
)

func init() {
	register(Command{Name: "backup", Summary: "write a checked copy of the records to a file", Run: runBackup})
	register(Command{Name: "restore", Summary: "replace the records with a backup, keeping the current ones aside", Run: runRestore})
}

func runBackup(args []string, out, errOut io.Writer) error {
	fs := newFlags("backup", "backup -data DIR -o FILE", errOut)
	dir := dataFlag(fs)
	dest := fs.String("o", "", "the backup file to write (must not exist)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *dest == "" {
		return usagef("-o FILE is required")
	}
	st, err := openData(dir)
	if err != nil {
		return err
	}
	defer st.Close()
	p := startProgress(errOut, "Backing up", fileShare(*dest, databaseSize(st.Dir())))
	err = st.Backup(context.Background(), *dest)
	p.stop()
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Backed up to %s and checked it.\n", *dest)
	noteDone(st, store.AuditExported, store.AuditRecords, "", errOut)
	return nil
}

func runRestore(args []string, out, errOut io.Writer) error {
	fs := newFlags("restore", "restore -data DIR -from FILE", errOut)
	dir := dataFlag(fs)
	from := fs.String("from", "", "the backup file to restore")
	if err := parse(fs, args); err != nil {
		return err
	}
	if server := serverFlags[dir]; server != nil && *server != "" {
		return usagef("restore puts a backup in a data folder; to put one on a team's server, restore it into a new " +
			"folder, then copy it there with 'secondopinion move'")
	}
	if *dir == "" {
		return usagef("-data DIR is required")
	}
	if *from == "" {
		return usagef("-from FILE is required")
	}
	if err := checkBackupPassphrase(*from, passphraseFiles[dir]); err != nil {
		return err
	}
	p := startProgress(errOut, "Checking the backup and restoring it", nil)
	done, err := store.Restore(context.Background(), *dir, *from)
	p.stop()
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Restored %s into %s.\n", *from, *dir)
	if done.KeptAside != "" {
		fmt.Fprintf(out, "The records that were there before are kept in %s.\n", done.KeptAside)
	}
	if done.LogNotCarried {
		fmt.Fprintln(out, "The privacy log since the backup could not be copied into the restored records, so it is not in "+
			"their log; it should still be in the records kept aside. Keep them if anyone may need to know who saw what.")
		fmt.Fprintf(errOut, "(Why, for whoever helps you: %v.)\n", done.LogError)
	}
	return nil
}
