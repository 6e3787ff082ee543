#!/usr/bin/env bash
# Prints the Go build tags for this machine: FTS5 always, and webkit2_41
# where only WebKitGTK 4.1 is installed.
tags="sqlite_fts5"
if ! pkg-config --exists webkit2gtk-4.0 2>/dev/null && pkg-config --exists webkit2gtk-4.1 2>/dev/null; then
  tags="$tags webkit2_41"
fi
echo "$tags"
