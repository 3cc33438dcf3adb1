package store

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"strings"
)

// Ids are the last thing records are ordered by, and the steps name their
// requests by id. Kept as text until every step was read and sorted, they
// were 11 MB more at the height of signing in with 50,000 people. An id
// as this program writes them, a UUID in lower case with hyphens, is kept
// instead in its 16 bytes, which order as its text does. Any other id is
// numbered, and its text kept once, by the reading that met it.

// canonicalUUID reads a UUID written in lower case with hyphens, the one
// form whose bytes order as its text does (hex.Encode writes lower case).
func canonicalUUID(s string) (u [16]byte, ok bool) {
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return u, false
	}
	j := 0
	for i := 0; i < len(s); i += 2 {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			i++
		}
		hi, ok1 := lowerHex(s[i])
		lo, ok2 := lowerHex(s[i+1])
		if !ok1 || !ok2 {
			return u, false
		}
		u[j] = hi<<4 | lo
		j++
	}
	return u, true
}

func lowerHex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}

// uuidText writes u as canonicalUUID reads it.
func uuidText(u [16]byte) string {
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	hex.Encode(b[9:13], u[4:6])
	hex.Encode(b[14:18], u[6:8])
	hex.Encode(b[19:23], u[8:10])
	hex.Encode(b[24:], u[10:])
	b[8], b[13], b[18], b[23] = '-', '-', '-', '-'
	return string(b[:])
}

// oddIDs numbers the ids of one reading that are not canonical UUIDs.
type oddIDs struct {
	list []string
	at   map[string]uint32
}

// key gives id's 16 bytes, and whether they number an odd id.
func (o *oddIDs) key(id string) (key [16]byte, odd bool) {
	if u, ok := canonicalUUID(id); ok {
		return u, false
	}
	n, ok := o.at[id]
	if !ok {
		if o.at == nil {
			o.at = map[string]uint32{}
		}
		n = uint32(len(o.list))
		o.list = append(o.list, strings.Clone(id)) // not the row's text, let go with the row
		o.at[o.list[n]] = n
	}
	binary.BigEndian.PutUint32(key[12:], n)
	return key, true
}

// compare orders two ids given by key as their texts order.
func (o *oddIDs) compare(a [16]byte, aOdd bool, b [16]byte, bOdd bool) int {
	if !aOdd && !bOdd {
		return bytes.Compare(a[:], b[:])
	}
	return strings.Compare(o.text(a, aOdd), o.text(b, bOdd))
}

func (o *oddIDs) text(key [16]byte, odd bool) string {
	if odd {
		return o.list[binary.BigEndian.Uint32(key[12:])]
	}
	return uuidText(key)
}
