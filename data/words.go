package data

// Words gives one copy of each text it is given: the first it was given
// that is equal. Records read from a database come with a new copy of
// each kind, outcome or id on every row; pointing them all at one saves
// tens of megabytes for a large caseload. Not for use from several
// goroutines at once.
func Words() func(string) string {
	words := map[string]string{}
	return func(s string) string {
		if w, ok := words[s]; ok {
			return w
		}
		words[s] = s
		return s
	}
}
