package vault

import "errors"

var (
	// ErrDamaged means a sealed value does not open with the key it should:
	// its bytes were changed on disk or it was moved from another row.
	ErrDamaged = errors.New("this part of the records is damaged and cannot be read")
	// ErrNotSealed means a value was expected to be sealed and is plain.
	ErrNotSealed = errors.New("this part of the records should be protected and is not")
	// ErrWrongPassphrase is the answer to a passphrase that does not open
	// the records (mistyped, or another folder's).
	ErrWrongPassphrase = errors.New("that passphrase does not open these records")
	// ErrWrongRecoveryKey is the answer to a well-formed recovery key that
	// belongs to other records.
	ErrWrongRecoveryKey = errors.New("that recovery key does not open these records")
	// ErrPassphraseShort is returned when a new passphrase is too easy to guess.
	ErrPassphraseShort = errors.New("use at least 10 characters: three or four random words are easy to remember and hard to guess")
	// ErrBadWrapping means the stored wrapped key cannot be read at all.
	ErrBadWrapping = errors.New("the stored key for these records is damaged")
)

// MistypedError says which group of a recovery key is wrong, so the person
// can look at that group again rather than at the whole key.
type MistypedError struct {
	Group int // 1-based; 0 when the key has the wrong length
}

func (e *MistypedError) Error() string {
	if e.Group == 0 {
		return "that recovery key is not complete: it has " +
			itoa(RecoveryGroups) + " groups of " + itoa(groupLen) + " letters and digits"
	}
	return "group " + itoa(e.Group) + " of that recovery key has a mistake in it: check it against the printed key"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
