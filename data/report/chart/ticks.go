package chart

// niceScale picks a step between the marks of a count axis (1, 2 or 5
// times a power of ten, whole numbers only) giving at most five steps, and
// the top mark at or above max.
func niceScale(max int) (top, step int) {
	if max <= 0 {
		return 1, 1
	}
	for base := 1; ; base *= 10 {
		for _, m := range []int{1, 2, 5} {
			step = base * m
			if n := (max + step - 1) / step; n <= 5 {
				return n * step, step
			}
		}
	}
}
