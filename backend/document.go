package backend

import (
	"context"
	"io"
)

// MaxDocumentBytes bounds one stored document (contracts, DPAs, invoices).
const MaxDocumentBytes = 100 << 20

// Document is a file kept with a contract in the library folder.
type Document struct {
	ID          int64  `json:"id"`
	ContractID  int64  `json:"contractId"`
	Name        string `json:"name"`
	SHA256      string `json:"sha256"`
	Size        int64  `json:"size"`
	ContentType string `json:"contentType"`
	AddedAt     string `json:"addedAt"`
}

// DocumentService keeps contract documents.
type DocumentService interface {
	FindDocuments(ctx context.Context, contractID int64) ([]*Document, error)
	// AddDocument stores the bytes of r under the display name given.
	AddDocument(ctx context.Context, contractID int64, name string, r io.Reader) (*Document, error)
	DeleteDocument(ctx context.Context, id int64) error
	// DocumentPath returns a document and where its bytes are on disk.
	DocumentPath(ctx context.Context, id int64) (*Document, string, error)
}
