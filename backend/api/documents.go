package api

import (
	"context"
	"io"

	"mopsdesk/backend"
)

// Documents is the facade for contract documents. Adding and opening files
// go through each transport (a native dialog on the desktop, an upload and
// a download in a browser); listing and removing are plain calls.
type Documents struct{ s Services }

// Find lists a contract's documents.
func (d *Documents) Find(ctx context.Context, contractID int64) ([]*backend.Document, error) {
	return call(ctx, d.s, "Documents.Find", func(ctx context.Context) ([]*backend.Document, error) {
		return d.s.Documents.FindDocuments(ctx, contractID)
	})
}

// Delete removes a document from its contract.
func (d *Documents) Delete(ctx context.Context, id int64) error {
	_, err := call(ctx, d.s, "Documents.Delete", func(ctx context.Context) (struct{}, error) {
		return struct{}{}, d.s.Documents.DeleteDocument(ctx, id)
	})
	return err
}

// FileStore is the part of the facade the transports use to move bytes.
type FileStore struct {
	s        Services
	previews *Previews
}

// Add stores one file for a contract.
func (f *FileStore) Add(ctx context.Context, contractID int64, name string, r io.Reader) (*backend.Document, error) {
	return call(ctx, f.s, "Files.Add", func(ctx context.Context) (*backend.Document, error) {
		return f.s.Documents.AddDocument(ctx, contractID, name, r)
	})
}

// Path returns a document and where its bytes are.
func (f *FileStore) Path(ctx context.Context, id int64) (*backend.Document, string, error) {
	var path string
	doc, err := call(ctx, f.s, "Files.Path", func(ctx context.Context) (*backend.Document, error) {
		d, p, err := f.s.Documents.DocumentPath(ctx, id)
		path = p
		return d, err
	})
	return doc, path, err
}
