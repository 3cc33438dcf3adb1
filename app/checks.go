package app

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"secondopinion/data"
)

// Checks for fields, run as the person types. Each returns "" when the
// text is fine, or what is wrong in plain words.

func checkRequired(what string) func(string) string {
	return func(s string) string {
		if strings.TrimSpace(s) == "" {
			return what + " is needed."
		}
		return ""
	}
}

func checkDate(s string) string {
	if _, err := data.ParseDate(s); err != nil {
		return dateProblem(err)
	}
	return ""
}

func checkRequiredDate(s string) string {
	if strings.TrimSpace(s) == "" {
		return "Please give the date, for example " + data.Today().UK() + "."
	}
	return checkDate(s)
}

// checkBirth is a date of birth: readable, not in the future, not too old.
func checkBirth(s string) string {
	d, err := data.ParseDate(s)
	if err != nil {
		return dateProblem(err)
	}
	if d.IsZero() {
		return ""
	}
	return data.CheckDateOfBirth(d, data.Today())
}

// dateProblem turns ParseDate's error into a sentence.
func dateProblem(err error) string {
	msg := err.Error()
	if msg == "" {
		return ""
	}
	msg = strings.ToUpper(msg[:1]) + msg[1:]
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}

func checkChaseDays(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return "Please give a number of days, like 14."
		}
		n = n*10 + int(r-'0')
		if n > 365 {
			break
		}
	}
	if n < 1 || n > 365 {
		return "Please give a number of days between 1 and 365."
	}
	return ""
}

// checkLength refuses text longer than limit characters, as data does.
func checkLength(limit int) func(string) string {
	return func(s string) string {
		if n := utf8.RuneCountInString(s); n > limit {
			return fmt.Sprintf("This is too long: %d characters, and the most it can hold is %d. Please shorten it.", n, limit)
		}
		return ""
	}
}
