package vault

import (
	"crypto/cipher"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"strings"
	"sync"

	"golang.org/x/crypto/chacha20poly1305"
)

// KeySize is the size of the data key in bytes.
const KeySize = chacha20poly1305.KeySize

// Prefix marks a sealed text value of the current format.
const Prefix = "v1:"

// blobMagic marks sealed bytes (attachments) of the current format.
var blobMagic = []byte("SOv1")

const nonceSize = chacha20poly1305.NonceSizeX

// Key is the data key. It lives in memory only; Wipe clears it.
type Key struct {
	raw  [KeySize]byte
	aead cipher.AEAD
}

// NewKey makes a fresh random data key.
func NewKey() (*Key, error) {
	var raw [KeySize]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return nil, err
	}
	return keyFrom(raw[:])
}

func keyFrom(raw []byte) (*Key, error) {
	k := &Key{}
	copy(k.raw[:], raw)
	a, err := chacha20poly1305.NewX(k.raw[:])
	if err != nil {
		return nil, err
	}
	k.aead = a
	return k, nil
}

// Wipe overwrites the key in memory. The key cannot be used afterwards.
func (k *Key) Wipe() {
	if k == nil {
		return
	}
	for i := range k.raw {
		k.raw[i] = 0
	}
	k.aead = nil
}

// Equal reports whether two keys are the same data key.
func (k *Key) Equal(o *Key) bool {
	return k != nil && o != nil && subtle.ConstantTimeCompare(k.raw[:], o.raw[:]) == 1
}

// Place names where a sealed value belongs: a value sealed for one place
// does not open in another.
type Place struct {
	Table, ID, Column string
}

func (p Place) ad() []byte {
	// Lengths first, so "a","bc" and "ab","c" differ.
	b := make([]byte, 0, 16+len(p.Table)+len(p.ID)+len(p.Column))
	for _, s := range []string{p.Table, p.ID, p.Column} {
		n := len(s)
		b = append(b, byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
		b = append(b, s...)
	}
	return b
}

// b64 is strict, and decode refuses line breaks (which the decoder would
// otherwise skip), so every sealed value has exactly one spelling: any
// changed character is damage, never a second spelling of the same bytes.
var b64 = base64.RawStdEncoding.Strict()

func decode(s string) ([]byte, error) {
	if strings.ContainsAny(s, "\r\n") {
		return nil, ErrDamaged
	}
	return b64.DecodeString(s)
}

func (k *Key) seal(plain []byte, at Place, out []byte) []byte {
	nonceAt := len(out)
	out = append(out, make([]byte, nonceSize)...)
	if _, err := rand.Read(out[nonceAt:]); err != nil {
		// crypto/rand does not fail on supported systems; if it ever does,
		// sealing with a repeated nonce would be worse than stopping.
		panic("vault: no randomness: " + err.Error())
	}
	return k.aead.Seal(out, out[nonceAt:nonceAt+nonceSize], plain, at.ad())
}

// Seal seals a text value for its place and returns it as "v1:" + base64.
func (k *Key) Seal(plain string, at Place) string {
	box := k.seal([]byte(plain), at, make([]byte, 0, nonceSize+len(plain)+chacha20poly1305.Overhead))
	var sb strings.Builder
	sb.Grow(len(Prefix) + b64.EncodedLen(len(box)))
	sb.WriteString(Prefix)
	enc := make([]byte, b64.EncodedLen(len(box)))
	b64.Encode(enc, box)
	sb.Write(enc)
	return sb.String()
}

// Open opens a value sealed by Seal for the same place. A value that is not
// sealed gives ErrNotSealed; one that was changed or moved gives ErrDamaged.
func (k *Key) Open(sealed string, at Place) (string, error) {
	if !strings.HasPrefix(sealed, Prefix) {
		return "", ErrNotSealed
	}
	text := sealed[len(Prefix):]
	if strings.ContainsAny(text, "\r\n") {
		return "", ErrDamaged
	}
	// Decoded into a reused buffer and opened in place: the text returned
	// is the one allocation.
	bp := boxPool.Get().(*[]byte)
	defer boxPool.Put(bp)
	n := b64.DecodedLen(len(text))
	if cap(*bp) < n {
		*bp = make([]byte, n)
	}
	box := (*bp)[:n]
	m, err := b64.Decode(box, []byte(text))
	if err != nil {
		return "", ErrDamaged
	}
	box = box[:m]
	if len(box) < nonceSize+chacha20poly1305.Overhead {
		return "", ErrDamaged
	}
	plain, err := k.aead.Open(box[nonceSize:nonceSize], box[:nonceSize], box[nonceSize:], at.ad())
	if err != nil {
		clear(box)
		return "", ErrDamaged
	}
	s := string(plain)
	clear(plain)
	return s, nil
}

var boxPool = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

func (k *Key) open(box []byte, at Place) ([]byte, error) {
	if len(box) < nonceSize+chacha20poly1305.Overhead {
		return nil, ErrDamaged
	}
	plain, err := k.aead.Open(nil, box[:nonceSize], box[nonceSize:], at.ad())
	if err != nil {
		return nil, ErrDamaged
	}
	return plain, nil
}

// SealBytes seals bytes (an attachment) for its place. The result starts
// with a short binary marker and holds the nonce and the ciphertext; it is
// meant for BLOB columns, where base64 would only make it larger.
func (k *Key) SealBytes(plain []byte, at Place) []byte {
	out := make([]byte, 0, len(blobMagic)+nonceSize+len(plain)+chacha20poly1305.Overhead)
	out = append(out, blobMagic...)
	return k.seal(plain, at, out)
}

// OpenBytes opens bytes sealed by SealBytes for the same place.
func (k *Key) OpenBytes(sealed []byte, at Place) ([]byte, error) {
	if !IsSealedBytes(sealed) {
		return nil, ErrNotSealed
	}
	plain, err := k.open(sealed[len(blobMagic):], at)
	if err != nil {
		return nil, err
	}
	if plain == nil {
		plain = []byte{}
	}
	return plain, nil
}

// IsSealed reports whether a text value looks sealed (it has the prefix and
// well-formed base64 of at least a nonce and a tag). It does not say whether
// it opens.
func IsSealed(s string) bool {
	if !strings.HasPrefix(s, Prefix) {
		return false
	}
	rest := s[len(Prefix):]
	n, err := decode(rest)
	return err == nil && len(n) >= nonceSize+chacha20poly1305.Overhead
}

// IsSealedBytes reports whether bytes look sealed by SealBytes.
func IsSealedBytes(b []byte) bool {
	return len(b) >= len(blobMagic)+nonceSize+chacha20poly1305.Overhead &&
		string(b[:len(blobMagic)]) == string(blobMagic)
}

// checkPlace and checkText make the check value: a known text sealed with
// the data key and kept beside the wrapped keys, so a key that unwraps but
// belongs to other records (a keys row copied from another folder) is caught
// before anything is read or written with it.
var checkPlace = Place{Table: "vault", ID: "check", Column: "value"}

const checkText = "Second Opinion records key"

// CheckValue returns a fresh check value for this key.
func (k *Key) CheckValue() string { return k.Seal(checkText, checkPlace) }

// Verify reports whether a check value was made with this key.
func (k *Key) Verify(check string) bool {
	s, err := k.Open(check, checkPlace)
	return err == nil && s == checkText
}
