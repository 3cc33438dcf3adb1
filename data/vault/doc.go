// Package vault keeps personal words unreadable to anyone who only has the
// data folder.
//
// One random data key seals every personal field with XChaCha20-Poly1305, an
// authenticated cipher: each sealed value carries its own random nonce, and
// the table, record id and column it belongs to are bound in as associated
// data, so a value copied to another row or column no longer opens. A sealed
// value is text, "v1:" followed by base64, so it can live in the same TEXT
// columns as before and is recognisable as sealed.
//
// The data key itself is never stored as it is. It is wrapped (sealed) twice:
// once by a key derived from the person's passphrase with Argon2id, and once
// by a recovery key made of random letters and digits that is shown once to
// be written down. Either opens the records; changing the passphrase wraps
// the same data key again and leaves the records as they are.
//
// Every failure is one of the errors below, each safe to show a user; a
// damaged value is reported as damaged and never returned as altered text.
//
// The package knows nothing of the store or the screen.
package vault
