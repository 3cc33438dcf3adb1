package cli

import (
	"io"

	"secondopinion/app/version"
)

func init() {
	register(Command{Name: "version", Summary: "say which version this is, when it was built, and the licences of what it bundles", Run: runVersion})
}

func runVersion(args []string, out, errOut io.Writer) error {
	fs := newFlags("version", "version [-licenses]", errOut)
	full := fs.Bool("licenses", false, "print each licence in full")
	if err := parse(fs, args); err != nil {
		return err
	}
	version.Write(out, *full)
	return nil
}
