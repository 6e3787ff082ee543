// Command fieldsgen writes the frontend's copy of the field and column
// keys (transfer.FrontendFields) to the file it is given; `go generate
// ./backend/transfer` runs it.
package main

import (
	"fmt"
	"os"

	"mopsdesk/backend/transfer"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: fieldsgen OUT.ts")
		os.Exit(2)
	}
	if err := os.WriteFile(os.Args[1], transfer.FrontendFields(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
