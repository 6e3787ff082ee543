package main

// fileFilter is one kind of file a native dialog offers: its name, in the
// workspace's language, and its patterns ("*.xlsx;*.csv").
type fileFilter struct {
	Name    string
	Pattern string
}
