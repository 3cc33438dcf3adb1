// Second Opinion helps people in the UK ask for a second medical opinion:
// it guides them, writes their letters and tracks every request.
//
// With no command it opens the program; with one of the admin commands
// (secondopinion -h lists them) it works without a display.
package main

import (
	"flag"
	"fmt"
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"secondopinion/app"
	"secondopinion/app/cli"
	_ "secondopinion/app/quietlocale" // before Fyne reads the locale
	"secondopinion/assets"
	"secondopinion/data/store"
)

func main() {
	if len(os.Args) > 1 {
		if c, ok := cli.Lookup(os.Args[1]); ok {
			attachConsole()
			os.Exit(cli.Run(c, os.Args[2:], os.Stdout, os.Stderr))
		}
	}
	fs := flag.NewFlagSet("secondopinion", flag.ContinueOnError)
	dir := fs.String("data", "", "the data folder (default: your own data folder)")
	fs.Usage = func() {
		fmt.Fprintln(os.Stderr, "Usage: secondopinion [-data DIR]        open the program")
		cli.Usage(os.Stderr)
		fmt.Fprintln(os.Stderr, "\nEach command takes -h for its own help.")
	}
	if err := fs.Parse(os.Args[1:]); err != nil {
		if err == flag.ErrHelp {
			os.Exit(cli.ExitOK)
		}
		os.Exit(cli.ExitMisuse)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "secondopinion: unknown command %q\n", fs.Arg(0))
		fs.Usage()
		os.Exit(cli.ExitMisuse)
	}
	if *dir == "" {
		d, err := store.DefaultDir()
		if err != nil {
			fmt.Fprintln(os.Stderr, "secondopinion: your data folder could not be found:", err, "- please give one with -data DIR")
			os.Exit(cli.ExitFailure)
		}
		*dir = d
	}

	a := fyneapp.NewWithID(app.ID)
	a.SetIcon(assets.Icon)
	app.Open(a, *dir)
	a.Run()
}
