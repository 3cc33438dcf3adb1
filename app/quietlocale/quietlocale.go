// Package quietlocale keeps the commands and the window from printing
// "Fyne error: Error parsing user locale C" when the locale is C.UTF-8,
// the default in Debian and Ubuntu containers, cron and CI.
//
// Fyne reads the locale while its lang package initialises, before main
// runs, from the first of LC_ALL, LC_MESSAGES and LANG. "C" and "POSIX" it
// understands, but "C.UTF-8" reaches its language parser as "C". For any
// locale but plain C or POSIX it reads LANGUAGE first, so this package sets
// LANGUAGE to British English for Fyne's own few words; the locale itself,
// which the program's children inherit, is left alone.
//
// It must initialise before Fyne's lang package: main imports it, and it
// imports nothing but os, so Go's initialisation order (packages by import
// path, each once its imports are ready) runs it before lang, which waits
// for text/template. A test builds the program and checks stderr.
package quietlocale

import "os"

func init() { quiet() }

func quiet() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if cOrPOSIX(v) {
			os.Setenv("LANGUAGE", "en_GB")
		}
		return
	}
}

// cOrPOSIX reports a C or POSIX locale with an encoding or modifier, like
// C.UTF-8 or POSIX@euro, which Fyne's locale reader cannot parse. (No
// strings package: see the package comment.)
func cOrPOSIX(v string) bool {
	for i := 0; i < len(v); i++ {
		if v[i] == '.' || v[i] == '@' {
			return v[:i] == "C" || v[:i] == "POSIX"
		}
	}
	return false
}
