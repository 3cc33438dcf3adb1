package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"
)

// newID is a version-4 UUID drawn from the seeded source, so that the same
// seed gives the same caseload.
func newID(r *rand.Rand) string {
	var b [16]byte
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	id, _ := uuid.FromBytes(b[:])
	id[6] = id[6]&0x0f | 0x40
	id[8] = id[8]&0x3f | 0x80
	return id.String()
}

// nhsNumber is a random number passing the NHS modulus-11 check, in the
// 999 range that the NHS keeps for testing, so it is nobody's real number.
func nhsNumber(r *rand.Rand) string {
	for {
		d := [10]int{9, 9, 9}
		for i := 3; i < 9; i++ {
			d[i] = r.IntN(10)
		}
		sum := 0
		for i := 0; i < 9; i++ {
			sum += d[i] * (10 - i)
		}
		check := 11 - sum%11
		if check == 11 {
			check = 0
		}
		if check == 10 {
			continue
		}
		d[9] = check
		return fmt.Sprintf("%d%d%d %d%d%d %d%d%d%d", d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9])
	}
}

func timeMonth(m int) time.Month { return time.Month(m) }
