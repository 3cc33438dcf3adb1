package vault

import (
	"crypto/rand"
	"crypto/sha256"
	"strings"
)

// A recovery key is 7 groups of 5 characters from Crockford's base32
// alphabet (digits and capital letters without I, L, O and U, so nothing
// reads as another character or spells a word). Each group is 4 random
// characters and 1 check character, so a typing mistake is caught and the
// group it is in can be named. 28 random characters give 140 bits.
const (
	RecoveryGroups    = 7
	groupLen          = 5
	groupData         = groupLen - 1
	recoveryDataChars = RecoveryGroups * groupData
)

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// RecoveryKey is a recovery key held in memory.
type RecoveryKey struct {
	secret string // the 28 random characters, canonical
}

// NewRecoveryKey makes a fresh random recovery key.
func NewRecoveryKey() (RecoveryKey, error) {
	b := make([]byte, recoveryDataChars)
	if _, err := rand.Read(b); err != nil {
		return RecoveryKey{}, err
	}
	for i := range b {
		b[i] = crockford[b[i]&31] // 256 is a multiple of 32: uniform
	}
	return RecoveryKey{secret: string(b)}, nil
}

func groupCheck(group int, data string) byte {
	h := sha256.Sum256([]byte{byte(group), data[0], data[1], data[2], data[3]})
	return crockford[h[0]&31]
}

// Groups returns the key as its groups, for showing one per box or reading
// aloud.
func (r RecoveryKey) Groups() []string {
	gs := make([]string, 0, RecoveryGroups)
	for g := 0; g < RecoveryGroups; g++ {
		d := r.secret[g*groupData : (g+1)*groupData]
		gs = append(gs, d+string(groupCheck(g, d)))
	}
	return gs
}

// String returns the key as it is shown: groups joined by hyphens.
func (r RecoveryKey) String() string { return strings.Join(r.Groups(), "-") }

// LastGroup returns the last group, which the person types back to show
// they have kept the key.
func (r RecoveryKey) LastGroup() string { g := r.Groups(); return g[len(g)-1] }

// IsZero reports whether r holds no key.
func (r RecoveryKey) IsZero() bool { return r.secret == "" }

// canonical maps a typed character to its Crockford character: lower case
// is read as upper case, I and L as 1, O as 0. Separators return 0 and
// anything else 0xff.
func canonical(c rune) byte {
	switch {
	case c >= 'a' && c <= 'z':
		c -= 'a' - 'A'
	case c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r':
		return 0
	}
	switch c {
	case 'I', 'L':
		return '1'
	case 'O':
		return '0'
	}
	if c < 128 && strings.IndexByte(crockford, byte(c)) >= 0 {
		return byte(c)
	}
	return 0xff
}

// ParseRecoveryKey reads a recovery key as typed: any case, with or without
// hyphens or spaces, I, L and O read as 1, 1 and 0. A mistake gives a
// *MistypedError naming the first group that is wrong.
func ParseRecoveryKey(typed string) (RecoveryKey, error) {
	var chars []byte
	bad := -1
	for _, c := range typed {
		b := canonical(c)
		switch b {
		case 0:
			continue
		case 0xff:
			if bad < 0 {
				bad = len(chars) / groupLen
			}
			b = '?'
		}
		chars = append(chars, b)
	}
	if bad >= 0 && bad < RecoveryGroups && len(chars) == RecoveryGroups*groupLen {
		return RecoveryKey{}, &MistypedError{Group: bad + 1}
	}
	if len(chars) != RecoveryGroups*groupLen {
		return RecoveryKey{}, &MistypedError{Group: 0}
	}
	secret := make([]byte, 0, recoveryDataChars)
	for g := 0; g < RecoveryGroups; g++ {
		grp := chars[g*groupLen : (g+1)*groupLen]
		d := string(grp[:groupData])
		if grp[groupData] != groupCheck(g, d) {
			return RecoveryKey{}, &MistypedError{Group: g + 1}
		}
		secret = append(secret, d...)
	}
	return RecoveryKey{secret: string(secret)}, nil
}
