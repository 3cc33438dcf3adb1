package vault

import (
	"errors"
	"testing"
)

// FuzzOpen feeds the opener arbitrary text: it must never panic, and
// anything that is not exactly a value this key sealed for this place must
// be refused, never returned as text.
func FuzzOpen(f *testing.F) {
	k, err := NewKey()
	if err != nil {
		f.Fatal(err)
	}
	good := k.Seal("Ada Lovelace", here)
	f.Add(good)
	f.Add(good[:len(good)-1])
	f.Add("v1:")
	f.Add("v1:====")
	f.Add("Ada Lovelace")
	f.Add(Prefix + good[len(Prefix)+1:])
	f.Fuzz(func(t *testing.T, s string) {
		got, err := k.Open(s, here)
		if err != nil {
			if got != "" {
				t.Fatalf("error %v came with text %q", err, got)
			}
			if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotSealed) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		// Only a genuine seal opens; base64 without padding has one
		// spelling per value, so it must be the same text.
		if s != good || got != "Ada Lovelace" {
			t.Fatalf("%q opened as %q", s, got)
		}
	})
}

// FuzzOpenBytes does the same for sealed attachments.
func FuzzOpenBytes(f *testing.F) {
	k, _ := NewKey()
	at := Place{Table: "attachments", ID: "a", Column: "data"}
	good := k.SealBytes([]byte("%PDF"), at)
	f.Add(good)
	f.Add([]byte("SOv1"))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := k.OpenBytes(b, at)
		if err != nil && got != nil {
			t.Fatalf("error with bytes")
		}
		if err == nil && string(b) != string(good) {
			t.Fatalf("forged blob opened")
		}
	})
}

// FuzzParseRecoveryKey: no input panics, and any key that parses prints
// back to something that parses to the same key.
func FuzzParseRecoveryKey(f *testing.F) {
	r, _ := NewRecoveryKey()
	f.Add(r.String())
	f.Add("")
	f.Add("iiiii-lllll-ooooo")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseRecoveryKey(s)
		if err != nil {
			return
		}
		again, err := ParseRecoveryKey(got.String())
		if err != nil || again != got {
			t.Fatalf("%q parsed but does not print back", s)
		}
	})
}

// FuzzUnwrapPassphrase: damaged stored wrappings never panic or ask for
// out-of-range work.
func FuzzUnwrapPassphrase(f *testing.F) {
	k, _ := NewKey()
	stored, _ := WrapPassphrase(k, pass, fastParams)
	f.Add(stored)
	f.Add("$argon2id$v=1$m=8192,t=1,p=1$$")
	f.Fuzz(func(t *testing.T, s string) {
		w, err := parseWrapped(s)
		if err != nil {
			return
		}
		if w.kind == kindPassphrase && !w.params.valid() {
			t.Fatalf("out-of-range params accepted: %v", w.params)
		}
	})
}
