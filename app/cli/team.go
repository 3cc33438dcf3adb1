package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/packaging/team"
)

func init() {
	register(Command{Name: "team-setup", Summary: "print the script that sets up a team's server, or bring its tables up to date", Run: runTeamSetup})
	register(Command{Name: "member", Summary: "add, remove or list the members of a team's caseload (managers)", Run: runMember})
}

// team-setup -print writes the setup script for psql; team-setup -db, run
// as the caseload's owner, makes or updates the tables and says what is there.
func runTeamSetup(args []string, out, errOut io.Writer) error {
	fs := newFlags("team-setup", "team-setup -print | team-setup -db postgres://OWNER@HOST/DATABASE", errOut)
	printScript := fs.Bool("print", false, "print the script that makes the database, its owner and its groups (run it with psql as the server's administrator)")
	address := fs.String("db", "", "the caseload on the server, signed in as its owner: its tables are made or brought up to date")
	if err := parse(fs, args); err != nil {
		return err
	}
	switch {
	case *printScript && *address != "":
		return usagef("give either -print or -db, not both")
	case *printScript:
		_, err := io.WriteString(out, team.SetupSQL)
		return err
	case *address == "":
		return usagef("-print or -db ADDRESS is required")
	}
	st, err := openServer(*address)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	version, err := st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	members, err := st.Members(ctx)
	if err != nil {
		return err
	}
	me := st.Member()
	fmt.Fprintf(out, "The caseload on %s is ready (version %d of its tables).\n", st.Where(), version)
	fmt.Fprintf(out, "Signed in as %s (%s). It has %d members.\n", me.Name, strings.ToLower(me.Kind.Label()), len(members))
	if len(members) == 0 {
		fmt.Fprintln(out, "Next, add the first manager: secondopinion member add -db ADDRESS -name NAME -kind manager")
	}
	return nil
}

// member add|remove|list works on the members of the caseload at -db. A
// new member's password is typed twice without echo, or read from a file.
func runMember(args []string, out, errOut io.Writer) error {
	const synopsis = "member add|remove|list|hand-over -db postgres://YOUR-NAME@HOST/DATABASE [-name NAME] [-kind receptionist|advocate|manager] [-from NAME -to NAME]"
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
			fmt.Fprintf(errOut, "Usage: secondopinion %s\n", synopsis)
			return nil
		}
		return usagef("say what to do: member add, member remove, member list or member hand-over")
	}
	verb := args[0]
	fs := newFlags("member "+verb, synopsis, errOut)
	address := fs.String("db", "", "the caseload on the team's server, signed in as a manager (required)")
	name := fs.String("name", "", "the member's sign-in name: lower-case letters, digits, dots, dashes (add, remove)")
	kind := fs.String("kind", "", "receptionist, advocate or manager (add)")
	passFile := fs.String("password-file", "", "add: a file holding the new member's password, for scripts (without it, it is asked for)")
	resetPassword := fs.Bool("new-password", false, "add, for a member already there: give them a new password too")
	ownPassFile := fs.String("passphrase-file", "", "add, for protected records: a file holding your own passphrase for them "+
		"(without it, it is asked for)")
	memberPassFile := fs.String("member-passphrase-file", "", "add, for protected records: a file holding the passphrase "+
		"the new member will open them with (without it, it is asked for; they can change it later)")
	from := fs.String("from", "", "hand-over: whose clients (a member's name, or one who has left)")
	to := fs.String("to", "", "hand-over: the member they go to (a receptionist: the reception desk)")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *address == "" {
		return usagef("-db ADDRESS is required")
	}
	switch verb {
	case "list":
		if *name != "" || *kind != "" {
			return usagef("member list takes only -db")
		}
	case "add":
		if *name == "" || *kind == "" {
			return usagef("member add needs -name and -kind")
		}
	case "remove":
		if *name == "" {
			return usagef("member remove needs -name")
		}
	case "hand-over":
		if *from == "" || *to == "" {
			return usagef("member hand-over needs -from and -to")
		}
	default:
		return usagef("unknown action %q: use add, remove, list or hand-over", verb)
	}
	st, err := openServer(*address)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	members, err := st.Members(ctx)
	if err != nil {
		return err
	}
	// Names are matched to the members' as the server has them, in any
	// case; a new one is kept in lower case, and one who has left as typed.
	*name, *to = store.MemberNamed(members, *name), store.MemberNamed(members, *to)
	if match, ok := store.MatchMember(members, *from); ok {
		*from = match
	}
	switch verb {
	case "list":
		for _, m := range members {
			fmt.Fprintf(out, "%s\t%s\n", m.Name, m.Kind)
		}
		return nil
	case "remove":
		if err := st.RemoveMember(ctx, *name); err != nil {
			return err
		}
		fmt.Fprintf(out, "%s is no longer a member. Their clients stay; a manager can hand them to someone else.\n", *name)
		return nil
	case "hand-over":
		n, err := st.HandOverAll(ctx, *from, *to)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "Handed %d %s over from %s to %s.\n", n, plural(n, "client", "clients"), *from, *to)
		return nil
	}
	k := store.Kind(*kind)
	if k != store.Receptionist && k != store.Advocate && k != store.Manager {
		return usagef("-kind must be receptionist, advocate or manager")
	}
	existing := false
	for _, m := range members {
		existing = existing || m.Name == *name
	}
	password := ""
	if !existing || *resetPassword {
		if password, err = newPassword(*passFile, *name); err != nil {
			return err
		}
	}
	if err := st.AddMember(ctx, *name, k, password); err != nil {
		return err
	}
	if existing {
		fmt.Fprintf(out, "%s is now a member of kind %s.\n", *name, k)
	} else {
		fmt.Fprintf(out, "Added %s, a member of kind %s. They sign in as %s with the password you chose.\n", *name, k, *name)
	}
	if !st.Protected() || existing && !*resetPassword {
		return nil
	}
	// Protected records: the new member gets their own wrapping of the
	// records' key, which needs the key, so the manager unlocks first.
	if _, err := unlockOrClose(st, ownPassFile); err != nil {
		return err
	}
	pass, err := newSecret(*memberPassFile, "Passphrase "+*name+" will open the protected records with: ", "passphrase", "-member-passphrase-file")
	if err != nil {
		return err
	}
	if err := st.SetMemberPassphrase(ctx, *name, pass); err != nil {
		return err
	}
	fmt.Fprintf(out, "%s opens the protected records with the passphrase you chose; they can change it in Settings.\n", *name)
	return nil
}

// newPassword reads a new member's password from a file, or asks for it
// twice on the terminal.
func newPassword(passFile, name string) (string, error) {
	return newSecret(passFile, "New password for "+name+": ", "password", "-password-file")
}

// newSecret reads a secret from a file, or asks for it twice on the
// terminal; what names it ("password") and flag the file's flag.
func newSecret(file, prompt, what, flag string) (string, error) {
	if file != "" {
		return readPassphraseFile(file)
	}
	noTerminal := func(err error) error {
		if err == errNoTerminal || err == io.EOF {
			return &data.UserError{Message: "The new member's " + what + " is typed on the terminal: please run the command in one, " +
				"or give a file holding it with " + flag + "."}
		}
		return err
	}
	first, err := askPassphrase(prompt)
	if err != nil {
		return "", noTerminal(err)
	}
	again, err := askPassphrase("The same " + what + " again: ")
	if err != nil {
		return "", noTerminal(err)
	}
	if first != again {
		return "", &data.UserError{Message: "The two " + what + "s were not the same. Nothing was changed; please try again."}
	}
	return first, nil
}
