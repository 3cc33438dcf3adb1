package vault

import (
	"strings"
	"testing"
)

func BenchmarkSealShort(b *testing.B) {
	k := mustKey(b)
	b.ReportAllocs()
	for b.Loop() {
		k.Seal("Ada Lovelace", here)
	}
}

func BenchmarkOpenShort(b *testing.B) {
	k := mustKey(b)
	s := k.Seal("Ada Lovelace", here)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := k.Open(s, here); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpenLetter(b *testing.B) {
	k := mustKey(b)
	body := strings.Repeat("Dear Dr Jones, I am writing on behalf of my client. ", 80) // about 4 KB
	s := k.Seal(body, here)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := k.Open(s, here); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUnwrapPassphrase measures unlocking with the default Argon2id
// costs: this is the wait a person sees after typing the passphrase.
func BenchmarkUnwrapPassphrase(b *testing.B) {
	k := mustKey(b)
	stored, err := WrapPassphrase(k, pass, DefaultParams)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := UnwrapPassphrase(stored, pass); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnwrapRecovery(b *testing.B) {
	k := mustKey(b)
	r, _ := NewRecoveryKey()
	stored, _ := WrapRecovery(k, r)
	typed := r.String()
	for b.Loop() {
		if _, err := UnwrapRecovery(stored, typed); err != nil {
			b.Fatal(err)
		}
	}
}
