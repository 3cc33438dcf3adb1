package vault

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// fastParams keep tests quick; the real costs are measured in the benchmarks.
var fastParams = Params{Time: 1, Memory: minMemory, Threads: 1}

const pass = "paper lantern orchard seven"

func mustKey(t testing.TB) *Key {
	t.Helper()
	k, err := NewKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

var here = Place{Table: "people", ID: "p-1", Column: "name"}

func TestSealOpenRoundTrip(t *testing.T) {
	k := mustKey(t)
	for _, s := range []string{"", "Ada Lovelace", "Zoë Ó Briain – 12 Rue d’Été", strings.Repeat("letter body\n", 2000)} {
		sealed := k.Seal(s, here)
		if !strings.HasPrefix(sealed, Prefix) || !IsSealed(sealed) {
			t.Fatalf("sealed value %.20q is not recognisable", sealed)
		}
		if s != "" && strings.Contains(sealed, s) {
			t.Fatal("sealed value holds the plain text")
		}
		got, err := k.Open(sealed, here)
		if err != nil || got != s {
			t.Fatalf("Open = %.20q, %v; want %.20q", got, err, s)
		}
	}
}

func TestSameTextSealsDifferently(t *testing.T) {
	k := mustKey(t)
	if k.Seal("Ada", here) == k.Seal("Ada", here) {
		t.Fatal("two seals of the same text are equal: the nonce is not fresh")
	}
}

func TestMovedValueDoesNotOpen(t *testing.T) {
	k := mustKey(t)
	sealed := k.Seal("Ada Lovelace", here)
	for _, other := range []Place{
		{Table: "people", ID: "p-2", Column: "name"},
		{Table: "people", ID: "p-1", Column: "notes"},
		{Table: "contacts", ID: "p-1", Column: "name"},
		{Table: "people", ID: "p-1n", Column: "ame"}, // same bytes joined
	} {
		if _, err := k.Open(sealed, other); !errors.Is(err, ErrDamaged) {
			t.Errorf("value moved to %+v: err = %v, want ErrDamaged", other, err)
		}
	}
}

func TestEveryFlippedByteIsDamage(t *testing.T) {
	k := mustKey(t)
	sealed := k.Seal("Ada Lovelace, 12 Mill Lane", here)
	for i := len(Prefix); i < len(sealed); i++ {
		for _, x := range []byte{1, 0x20, 0x80} {
			b := []byte(sealed)
			b[i] ^= x
			got, err := k.Open(string(b), here)
			if err == nil && string(b) != sealed {
				t.Fatalf("flip at %d (^%#x) opened as %q", i, x, got)
			}
			if err != nil && !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotSealed) {
				t.Fatalf("flip at %d: unexpected error %v", i, err)
			}
			if got != "" {
				t.Fatalf("flip at %d returned text %q with its error", i, got)
			}
		}
	}
	// Cut short and lengthened.
	for _, s := range []string{sealed[:len(sealed)-1], sealed + "A", Prefix, Prefix + "AAAA"} {
		if _, err := k.Open(s, here); !errors.Is(err, ErrDamaged) {
			t.Errorf("Open(%.12q…) err = %v, want ErrDamaged", s, err)
		}
	}
}

func TestOtherKeyDoesNotOpen(t *testing.T) {
	a, b := mustKey(t), mustKey(t)
	if _, err := b.Open(a.Seal("Ada", here), here); !errors.Is(err, ErrDamaged) {
		t.Fatalf("err = %v", err)
	}
	if a.Equal(b) || !a.Equal(a) {
		t.Fatal("Equal is wrong")
	}
}

func TestPlainIsNotSealed(t *testing.T) {
	k := mustKey(t)
	for _, s := range []string{"Ada", "v1:", "v1:Ada Lovelace", "v2:AAAA"} {
		if IsSealed(s) {
			t.Errorf("IsSealed(%q) = true", s)
		}
	}
	if _, err := k.Open("Ada", here); !errors.Is(err, ErrNotSealed) {
		t.Fatalf("err = %v", err)
	}
}

func TestBytes(t *testing.T) {
	k := mustKey(t)
	at := Place{Table: "attachments", ID: "a-1", Column: "data"}
	data := bytes.Repeat([]byte("%PDF-1.7 scan of a letter "), 500)
	sealed := k.SealBytes(data, at)
	if !IsSealedBytes(sealed) || bytes.Contains(sealed, []byte("scan of a letter")) {
		t.Fatal("sealed bytes not sealed")
	}
	got, err := k.OpenBytes(sealed, at)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("OpenBytes: %v", err)
	}
	empty, err := k.OpenBytes(k.SealBytes(nil, at), at)
	if err != nil || empty == nil || len(empty) != 0 {
		t.Fatalf("empty bytes: %v %v", empty, err)
	}
	sealed[len(sealed)/2] ^= 1
	if _, err := k.OpenBytes(sealed, at); !errors.Is(err, ErrDamaged) {
		t.Fatalf("flipped blob: %v", err)
	}
	if _, err := k.OpenBytes(data, at); !errors.Is(err, ErrNotSealed) {
		t.Fatalf("plain blob: %v", err)
	}
}

func TestCheckValue(t *testing.T) {
	a, b := mustKey(t), mustKey(t)
	c := a.CheckValue()
	if !a.Verify(c) || b.Verify(c) || a.Verify("v1:"+c[4:]) {
		t.Fatal("check value does not tell keys apart")
	}
}

func TestWipe(t *testing.T) {
	k := mustKey(t)
	k.Wipe()
	var zero [KeySize]byte
	if k.raw != zero {
		t.Fatal("key not cleared")
	}
}

func TestPassphraseWrap(t *testing.T) {
	k := mustKey(t)
	stored, err := WrapPassphrase(k, pass, fastParams)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stored, "$argon2id$v=1$m=8192,t=1,p=1$") {
		t.Fatalf("stored wrapping does not record its parameters: %q", stored)
	}
	got, err := UnwrapPassphrase(stored, pass)
	if err != nil || !got.Equal(k) {
		t.Fatalf("unwrap: %v", err)
	}
	if p, err := ParamsOf(stored); err != nil || p != fastParams {
		t.Fatalf("ParamsOf = %v, %v", p, err)
	}
	for _, wrong := range []string{"", "paper lantern orchard seven ", "Paper lantern orchard seven", "paper lantern orchard"} {
		if _, err := UnwrapPassphrase(stored, wrong); !errors.Is(err, ErrWrongPassphrase) {
			t.Errorf("wrong passphrase %q: err = %v", wrong, err)
		}
	}
}

func TestPassphraseUnicodeForms(t *testing.T) {
	k := mustKey(t)
	composed := "café au lait at noon" // é as one character
	decomposed := "cafe\u0301 au lait at noon"
	stored, err := WrapPassphrase(k, composed, fastParams)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := UnwrapPassphrase(stored, decomposed); err != nil {
		t.Fatalf("the same passphrase in another Unicode form is refused: %v", err)
	}
}

func TestChangePassphraseKeepsKey(t *testing.T) {
	k := mustKey(t)
	old, _ := WrapPassphrase(k, pass, fastParams)
	got, err := UnwrapPassphrase(old, pass)
	if err != nil {
		t.Fatal(err)
	}
	sealed := k.Seal("Ada", here)
	newer, err := WrapPassphrase(got, "a quite different phrase", fastParams)
	if err != nil {
		t.Fatal(err)
	}
	k2, err := UnwrapPassphrase(newer, "a quite different phrase")
	if err != nil {
		t.Fatal(err)
	}
	if s, err := k2.Open(sealed, here); err != nil || s != "Ada" {
		t.Fatal("records sealed before the change do not open after it")
	}
	if _, err := UnwrapPassphrase(newer, pass); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatal("old passphrase still opens the new wrapping")
	}
}

func TestShortPassphraseRefused(t *testing.T) {
	if _, err := WrapPassphrase(mustKey(t), "short one", fastParams); !errors.Is(err, ErrPassphraseShort) {
		t.Fatalf("err = %v", err)
	}
	if _, err := WrapPassphrase(mustKey(t), "          x", fastParams); !errors.Is(err, ErrPassphraseShort) {
		t.Fatal("spaces count as characters")
	}
}

func TestDamagedWrappingIsNotWrongPassphrase(t *testing.T) {
	k := mustKey(t)
	stored, _ := WrapPassphrase(k, pass, fastParams)
	for _, bad := range []string{
		"", "$argon2id$v=1", strings.Replace(stored, "m=8192", "m=999999999", 1),
		strings.Replace(stored, "t=1", "t=0", 1), strings.Replace(stored, "v=1", "v=2", 1),
		stored[:len(stored)-3], strings.Replace(stored, "argon2id", "scrypt", 1),
	} {
		if _, err := UnwrapPassphrase(bad, pass); !errors.Is(err, ErrBadWrapping) {
			t.Errorf("%.40q: err = %v, want ErrBadWrapping", bad, err)
		}
	}
	// A changed byte in the box reads as a wrong passphrase (nothing can
	// tell the two apart), never as a key.
	b := []byte(stored)
	b[len(b)-5] ^= 1
	if _, err := UnwrapPassphrase(string(b), pass); err == nil {
		t.Fatal("damaged wrapping opened")
	}
}

func TestRecoveryKey(t *testing.T) {
	r, err := NewRecoveryKey()
	if err != nil {
		t.Fatal(err)
	}
	shown := r.String()
	if len(r.Groups()) != RecoveryGroups || len(shown) != RecoveryGroups*groupLen+RecoveryGroups-1 {
		t.Fatalf("shown key %q has the wrong shape", shown)
	}
	for _, c := range strings.ReplaceAll(shown, "-", "") {
		if strings.ContainsRune("ILOU", c) {
			t.Fatalf("shown key %q has an ambiguous character", shown)
		}
	}
	k := mustKey(t)
	stored, err := WrapRecovery(k, r)
	if err != nil {
		t.Fatal(err)
	}
	// Typed in lower case, with spaces instead of hyphens.
	typed := strings.ToLower(strings.ReplaceAll(shown, "-", " "))
	got, err := UnwrapRecovery(stored, typed)
	if err != nil || !got.Equal(k) {
		t.Fatalf("unwrap with typed key %q: %v", typed, err)
	}
	other, _ := NewRecoveryKey()
	if _, err := UnwrapRecovery(stored, other.String()); !errors.Is(err, ErrWrongRecoveryKey) {
		t.Fatalf("another recovery key: err = %v", err)
	}
	if r.LastGroup() != r.Groups()[RecoveryGroups-1] {
		t.Fatal("LastGroup")
	}
}

func TestRecoveryKeyLookalikes(t *testing.T) {
	// A key whose characters include 0 and 1 still parses when typed with O,
	// I or L.
	for range 50 {
		r, _ := NewRecoveryKey()
		s := r.String()
		if !strings.ContainsAny(s, "01") {
			continue
		}
		typed := strings.NewReplacer("0", "o", "1", "l").Replace(s)
		got, err := ParseRecoveryKey(typed)
		if err != nil || got != r {
			t.Fatalf("%q typed as %q: %v", s, typed, err)
		}
		return
	}
}

// Every single-character substitution is caught by the key's check
// characters (or, failing that, by unwrapping), and the group is named.
func TestRecoveryKeyMistypes(t *testing.T) {
	r, _ := NewRecoveryKey()
	s := []byte(r.String())
	named, caught := 0, 0
	for i, c := range s {
		if c == '-' {
			continue
		}
		for _, sub := range []byte(crockford) {
			if canonical(rune(sub)) == c {
				continue
			}
			b := append([]byte(nil), s...)
			b[i] = sub
			_, err := ParseRecoveryKey(string(b))
			var m *MistypedError
			if errors.As(err, &m) {
				caught++
				if m.Group != i/(groupLen+1)+1 {
					t.Fatalf("mistype at %d named group %d", i, m.Group)
				}
				named++
			}
		}
	}
	total := (len(s) - RecoveryGroups + 1) * 31
	// Each group's 5-bit check misses 1 in 32 substitutions on average.
	if caught < total*9/10 {
		t.Fatalf("only %d of %d mistypes caught by the check characters", caught, total)
	}
	_ = named
	for _, short := range []string{"", r.String()[:20], r.String() + "-AAAAA"} {
		var m *MistypedError
		if _, err := ParseRecoveryKey(short); !errors.As(err, &m) || m.Group != 0 {
			t.Errorf("%q: err = %v", short, err)
		}
	}
	var m *MistypedError
	bad := []byte(r.String())
	bad[7] = '*'
	if _, err := ParseRecoveryKey(string(bad)); !errors.As(err, &m) || m.Group != 2 {
		t.Fatalf("stray symbol: err = %v", err)
	}
	if !strings.Contains(m.Error(), "group 2") {
		t.Fatalf("message %q does not name the group", m.Error())
	}
}

func TestErrorsSafeToShow(t *testing.T) {
	for _, err := range []error{ErrDamaged, ErrNotSealed, ErrWrongPassphrase, ErrWrongRecoveryKey, ErrPassphraseShort, ErrBadWrapping, &MistypedError{}, &MistypedError{Group: 3}} {
		s := err.Error()
		if strings.Contains(s, "vault") || strings.Contains(s, "cipher") || strings.Contains(s, "%") {
			t.Errorf("message %q is not in plain words", s)
		}
	}
}
