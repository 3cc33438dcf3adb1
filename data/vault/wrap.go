package vault

import (
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/text/unicode/norm"
)

// Params are the Argon2id costs used to turn a passphrase into a wrapping
// key. They are written into every wrapped key, so they can be raised later
// without losing the keys wrapped before.
type Params struct {
	Time    uint32 // passes over memory
	Memory  uint32 // KiB
	Threads uint8
}

// DefaultParams are RFC 9106's second recommended choice (64 MiB, 3 passes)
// with two lanes for a two-core machine. On a two-core machine unwrapping
// took 0.19 s when otherwise idle and 0.59 s while two other builds ran;
// see BenchmarkUnwrapPassphrase.
var DefaultParams = Params{Time: 3, Memory: 64 * 1024, Threads: 2}

// Limits on parameters read back from disk, so a damaged or hostile keys
// row cannot ask for hours of work or gigabytes of memory.
const (
	maxTime    = 64
	maxMemory  = 2 * 1024 * 1024 // 2 GiB
	minMemory  = 8 * 1024
	maxThreads = 16
)

func (p Params) valid() bool {
	return p.Time >= 1 && p.Time <= maxTime && p.Memory >= minMemory &&
		p.Memory <= maxMemory && p.Threads >= 1 && p.Threads <= maxThreads
}

func (p Params) String() string {
	return fmt.Sprintf("m=%d,t=%d,p=%d", p.Memory, p.Time, p.Threads)
}

const saltSize = 16

// MinPassphrase is the fewest characters a new passphrase may have.
const MinPassphrase = 10

// normPassphrase puts a passphrase into one Unicode form, so "é" typed as
// one character or as e plus an accent gives the same key.
func normPassphrase(p string) []byte { return norm.NFC.Bytes([]byte(p)) }

// CheckNewPassphrase says whether a passphrase is acceptable for new use.
func CheckNewPassphrase(p string) error {
	if utf8.RuneCountInString(strings.TrimSpace(p)) < MinPassphrase {
		return ErrPassphraseShort
	}
	return nil
}

const (
	kindPassphrase = "argon2id"
	kindRecovery   = "recovery"
	wrapVersion    = "v=1"
)

// wrapped is the parsed form of a stored wrapped key:
//
//	$argon2id$v=1$m=65536,t=3,p=2$SALT$BOX
//	$recovery$v=1$SALT$BOX
//
// where BOX is the XChaCha20-Poly1305 nonce and sealed data key, with the
// text before SALT as associated data.
type wrapped struct {
	kind   string
	params Params
	salt   []byte
	box    []byte
}

func (w wrapped) head() string {
	if w.kind == kindPassphrase {
		return "$" + w.kind + "$" + wrapVersion + "$" + w.params.String()
	}
	return "$" + w.kind + "$" + wrapVersion
}

func (w wrapped) String() string {
	return w.head() + "$" + b64.EncodeToString(w.salt) + "$" + b64.EncodeToString(w.box)
}

func parseWrapped(s string) (wrapped, error) {
	parts := strings.Split(s, "$")
	var w wrapped
	if len(parts) < 5 || parts[0] != "" || parts[2] != wrapVersion {
		return w, ErrBadWrapping
	}
	w.kind = parts[1]
	rest := parts[3:]
	switch w.kind {
	case kindPassphrase:
		if len(rest) != 3 {
			return w, ErrBadWrapping
		}
		p, err := parseParams(rest[0])
		if err != nil {
			return w, err
		}
		w.params = p
		rest = rest[1:]
	case kindRecovery:
		if len(rest) != 2 {
			return w, ErrBadWrapping
		}
	default:
		return w, ErrBadWrapping
	}
	var err error
	if w.salt, err = decode(rest[0]); err != nil || len(w.salt) != saltSize {
		return w, ErrBadWrapping
	}
	if w.box, err = decode(rest[1]); err != nil ||
		len(w.box) != nonceSize+KeySize+chacha20poly1305.Overhead {
		return w, ErrBadWrapping
	}
	return w, nil
}

func parseParams(s string) (Params, error) {
	var p Params
	seen := 0
	for _, kv := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return p, ErrBadWrapping
		}
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil {
			return p, ErrBadWrapping
		}
		switch k {
		case "m":
			p.Memory = uint32(n)
		case "t":
			p.Time = uint32(n)
		case "p":
			if n > 255 {
				return p, ErrBadWrapping
			}
			p.Threads = uint8(n)
		default:
			return p, ErrBadWrapping
		}
		seen++
	}
	if seen != 3 || !p.valid() {
		return p, ErrBadWrapping
	}
	return p, nil
}

// ParamsOf returns the Argon2id parameters a stored passphrase wrapping was
// made with, so a caller can tell whether it is due to be wrapped again.
func ParamsOf(stored string) (Params, error) {
	w, err := parseWrapped(stored)
	if err != nil {
		return Params{}, err
	}
	if w.kind != kindPassphrase {
		return Params{}, ErrBadWrapping
	}
	return w.params, nil
}

func (w *wrapped) seal(kek []byte, k *Key) error {
	a, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return err
	}
	nonce := make([]byte, nonceSize, nonceSize+KeySize+chacha20poly1305.Overhead)
	if _, err := rand.Read(nonce); err != nil {
		return err
	}
	w.box = a.Seal(nonce, nonce, k.raw[:], []byte(w.head()))
	return nil
}

func (w wrapped) open(kek []byte) (*Key, bool) {
	a, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return nil, false
	}
	raw, err := a.Open(nil, w.box[:nonceSize], w.box[nonceSize:], []byte(w.head()))
	if err != nil {
		return nil, false
	}
	defer clear(raw)
	k, err := keyFrom(raw)
	return k, err == nil
}

func newSalt() ([]byte, error) {
	s := make([]byte, saltSize)
	_, err := rand.Read(s)
	return s, err
}

func passKEK(pass string, salt []byte, p Params) []byte {
	pw := normPassphrase(pass)
	defer clear(pw)
	return argon2.IDKey(pw, salt, p.Time, p.Memory, p.Threads, KeySize)
}

// WrapPassphrase wraps the data key with a key derived from the passphrase
// and returns the text to store. The passphrase must pass CheckNewPassphrase.
func WrapPassphrase(k *Key, pass string, p Params) (string, error) {
	if err := CheckNewPassphrase(pass); err != nil {
		return "", err
	}
	if !p.valid() {
		return "", fmt.Errorf("vault: Argon2id parameters out of range: %s", p)
	}
	salt, err := newSalt()
	if err != nil {
		return "", err
	}
	w := wrapped{kind: kindPassphrase, params: p, salt: salt}
	kek := passKEK(pass, salt, p)
	defer clear(kek)
	if err := w.seal(kek, k); err != nil {
		return "", err
	}
	return w.String(), nil
}

// UnwrapPassphrase returns the data key from a stored passphrase wrapping.
// A passphrase that does not open it gives ErrWrongPassphrase.
func UnwrapPassphrase(stored, pass string) (*Key, error) {
	w, err := parseWrapped(stored)
	if err != nil {
		return nil, err
	}
	if w.kind != kindPassphrase {
		return nil, ErrBadWrapping
	}
	kek := passKEK(pass, w.salt, w.params)
	defer clear(kek)
	k, ok := w.open(kek)
	if !ok {
		return nil, ErrWrongPassphrase
	}
	return k, nil
}

// The recovery key is random with 140 bits, far beyond guessing, so a plain
// HKDF is enough to turn it into a wrapping key: a slow KDF would add
// nothing but waiting.
func recoveryKEK(r RecoveryKey, salt []byte) ([]byte, error) {
	return hkdf.Key(sha256.New, []byte(r.secret), salt, "second opinion recovery key v1", KeySize)
}

// WrapRecovery wraps the data key with a recovery key and returns the text
// to store.
func WrapRecovery(k *Key, r RecoveryKey) (string, error) {
	if len(r.secret) != recoveryDataChars {
		return "", fmt.Errorf("vault: empty recovery key")
	}
	salt, err := newSalt()
	if err != nil {
		return "", err
	}
	w := wrapped{kind: kindRecovery, salt: salt}
	kek, err := recoveryKEK(r, salt)
	if err != nil {
		return "", err
	}
	defer clear(kek)
	if err := w.seal(kek, k); err != nil {
		return "", err
	}
	return w.String(), nil
}

// UnwrapRecovery returns the data key from a stored recovery wrapping and a
// recovery key as the person typed it. A key with a typing mistake gives a
// *MistypedError naming the group; a well-formed key of other records gives
// ErrWrongRecoveryKey.
func UnwrapRecovery(stored, typed string) (*Key, error) {
	r, err := ParseRecoveryKey(typed)
	if err != nil {
		return nil, err
	}
	w, err := parseWrapped(stored)
	if err != nil {
		return nil, err
	}
	if w.kind != kindRecovery {
		return nil, ErrBadWrapping
	}
	kek, err := recoveryKEK(r, w.salt)
	if err != nil {
		return nil, err
	}
	defer clear(kek)
	k, ok := w.open(kek)
	if !ok {
		return nil, ErrWrongRecoveryKey
	}
	return k, nil
}
