package report

import "slices"

// Median is the middle value, or the mean of the two middle values for an
// even count; 0 for none. The slice is not changed.
func Median(xs []int) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return float64(s[mid])
	}
	return float64(s[mid-1]+s[mid]) / 2
}
