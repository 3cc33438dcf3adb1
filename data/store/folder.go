package store

// The data folder holds every name and letter, so it should be its
// owner's alone. A folder the program makes is (0700); one that existed
// before, or that an older version or another program made, may let
// others on the computer in (0755 is usual). Opening tightens it when it is ours, and
// otherwise says so, for the window's banner and the check command.

// FolderAccess is what opening found about who else may open the folder.
type FolderAccess struct {
	// Tightened is set when others could open the folder and it is now
	// the owner's alone.
	Tightened bool
	// Open says why others can still open it, in words for the person;
	// "" when they cannot.
	Open string
}

// FolderAccess reports what opening found about the data folder.
func (s *Store) FolderAccess() FolderAccess { return s.folder }

func folderOpenWords(dir, why string) string {
	return "Other people who use this computer may be able to open your data folder, " + dir + ": " + why +
		". Please ask whoever looks after this computer to make the folder readable by you alone, " +
		"or keep your records in a folder of your own."
}
