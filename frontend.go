package main

import (
	"io/fs"
	"log/slog"
	"testing/fstest"
)

// notBuiltPage is what a binary built without its frontend shows in the
// window and in the browser: a fresh clone keeps only a placeholder in
// frontend/dist (so Go builds and vets without Node), and a plain
// "go build" there embeds nothing else. It is for whoever built the
// binary, in English like the command line; the app's catalogs are part
// of the frontend it lacks.
const notBuiltPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MOps Desk: frontend not built</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-inline-size: 40rem; margin-block: 4rem; margin-inline: auto; padding-inline: 1rem; color: #1f2937; }
  code { background: #eef1f5; padding-inline: 0.3em; border-radius: 3px; }
</style>
</head>
<body>
<h1>MOps Desk: frontend not built</h1>
<p>This copy of MOps Desk was built without its frontend: <code>frontend/dist</code> held only its placeholder when it was compiled.</p>
<p>Build it with <code>make build</code>, or run <code>make frontend</code> before <code>go build</code>.</p>
</body>
</html>
`

// frontend returns the frontend embedded in this binary, or, when it was
// built without one, a page that says so (and a warning in the log).
func frontend(log *slog.Logger) (fs.FS, error) {
	return frontendIn(assets, log)
}

// frontendIn returns the frontend under frontend/dist in embedded, or the
// not-built page when there is no index.html there.
func frontendIn(embedded fs.FS, log *slog.Logger) (fs.FS, error) {
	dist, err := fs.Sub(embedded, "frontend/dist")
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(dist, "index.html"); err == nil {
		return dist, nil
	}
	log.Warn("this binary was built without its frontend; build it with 'make build'")
	return notBuilt(), nil
}

// notBuilt is a file system holding only the not-built page, as index.html.
func notBuilt() fs.FS {
	return fstest.MapFS{"index.html": &fstest.MapFile{Data: []byte(notBuiltPage), Mode: 0o444}}
}
