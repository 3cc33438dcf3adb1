// Package cli holds the admin commands: each works without a display,
// answers -h, and exits 0 on success, 1 on failure and 2 on misuse.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"syscall"
)

// Exit codes shared by every command.
const (
	ExitOK      = 0
	ExitFailure = 1
	ExitMisuse  = 2
)

// Command is one admin command. Run parses its own flags from args and
// writes to out; an error it returns is printed on errOut as a failure,
// unless it is a usage error, which exits 2.
type Command struct {
	Name    string
	Summary string
	Run     func(args []string, out, errOut io.Writer) error
}

var commands = map[string]Command{}

// register adds a command; each command's file calls it from init.
func register(c Command) { commands[c.Name] = c }

// Lookup reports whether name is an admin command.
func Lookup(name string) (Command, bool) {
	c, ok := commands[name]
	return c, ok
}

// Names lists the commands, sorted, for the program's own -h.
func Names() []string {
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Usage writes one line per command.
func Usage(w io.Writer) {
	for _, n := range Names() {
		fmt.Fprintf(w, "  secondopinion %-13s %s\n", n, commands[n].Summary)
	}
}

// UsageError marks a mistake in how the command was called (exit 2).
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, a ...any) error { return &UsageError{fmt.Sprintf(format, a...)} }

// Run runs the named command and returns the process's exit code.
func Run(c Command, args []string, out, errOut io.Writer) int {
	err := c.Run(args, out, errOut)
	var ue *UsageError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, flag.ErrHelp):
		return ExitOK
	case closedOutput(err):
		return ExitOK // the reader stopped reading (| head, | more): nothing went wrong here
	case errors.As(err, &ue):
		fmt.Fprintf(errOut, "secondopinion %s: %s\nRun 'secondopinion %s -h' for help.\n", c.Name, ue.Msg, c.Name)
		return ExitMisuse
	default:
		fmt.Fprintf(errOut, "secondopinion %s: %s\n", c.Name, strings.TrimSpace(userMessage(err)))
		return ExitFailure
	}
}

// newFlags makes a flag set that reports misuse as a UsageError and
// prints its help on -h to errOut.
func newFlags(name, synopsis string, errOut io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(errOut)
	fs.Usage = func() {
		fmt.Fprintf(errOut, "Usage: secondopinion %s\n\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags, turning flag errors into usage errors and refusing
// stray arguments.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &UsageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	return nil
}

// closedOutput reports a write to an output whose reader has gone: a
// broken pipe (Linux, macOS) or a pipe being closed (Windows).
func closedOutput(err error) bool {
	if errors.Is(err, syscall.EPIPE) {
		return true
	}
	msg := strings.ToLower(err.Error())
	return strings.HasPrefix(msg, "write ") && (strings.Contains(msg, "pipe") && (strings.Contains(msg, "closed") ||
		strings.Contains(msg, "not connected") || strings.Contains(msg, "broken")))
}
