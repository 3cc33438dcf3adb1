// Command licences prints what `secondopinion version -licenses` prints,
// without building the program: the packages ship it as their copyright
// file (Debian) and LICENSES.txt (Windows, the Linux archive).
package main

import (
	"os"

	"secondopinion/app/version"
)

func main() { version.Write(os.Stdout, true) }
