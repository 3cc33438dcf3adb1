// Package process knows the process of asking for a second opinion: the
// state a request is in, the next rungs of the ladder, what the other side
// owes and by when, and the agenda of everything due. It works on plain
// records, so the UI, the storage and the admin commands share one set of
// rules, each kept beside its source.
package process
