package main

import (
	"bufio"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/remote"
)

// runConnect signs this computer's app in on a team host from the command
// line, as the window's Connect dialog does: the host's address, the
// fingerprint its admin read out (compared, never fetched and trusted),
// and an invite or a login. The password is the first line of standard
// input, so it stays out of the list of processes. The window opens the
// team workspace at its next start.
func runConnect(args []string, log *slog.Logger, stdin io.Reader, stdout, stderr io.Writer) int {
	fl := newFlags("mopsdesk connect", stderr)
	fingerprint := fl.String("fingerprint", "", "")
	invite := fl.String("invite", "", "")
	name := fl.String("name", "", "")
	login := fl.String("login", "", "")
	pos, err := splitArgs(fl, args)
	if err != nil {
		return usageError(stderr, err)
	}
	if len(pos) != 1 {
		return usageError(stderr, fmt.Errorf("connect takes the host's address, for example desk.example.org:8443"))
	}
	app := &App{log: log}
	if *fingerprint == "" {
		cert, err := app.ProbeHost(pos[0])
		if err != nil {
			fmt.Fprintf(stderr, "mopsdesk: %s\n", errorText(err))
			return 1
		}
		fmt.Fprintf(stderr, "%s shows the certificate fingerprint\n  %s\nCompare it with the one the host printed; if they are the same, run this again with --fingerprint.\n", cert.Address, cert.Fingerprint)
		return 1
	}
	if *login == "" && *invite == "" {
		return usageError(stderr, fmt.Errorf("connect needs --invite CODE or --login LOGIN"))
	}
	password, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && err != io.EOF {
		fmt.Fprintf(stderr, "mopsdesk: read the password: %v\n", err)
		return 1
	}
	ws, err := app.ConnectTeam(pos[0], *fingerprint, remote.Credentials{Invite: *invite, Name: *name, Login: *login,
		Password: strings.TrimRight(password, "\r\n")})
	app.closeTeam()
	if err != nil {
		fmt.Fprintf(stderr, "mopsdesk: %s\n", connectErrorText(err))
		return 1
	}
	fmt.Fprintf(stdout, "Connected to %s (%s) as %s. MOps Desk opens this team workspace at its next start.\n", ws.Name, ws.Address, ws.Person)
	return 0
}

// connectErrorText is the command line's words for a failed connect.
func connectErrorText(err error) string {
	if backend.ErrorCode(err) == backend.EUNAUTHORIZED {
		return "the host did not accept this invite, login or password"
	}
	return errorText(err)
}
