package sqlite

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"

	"mopsdesk/backend"
	"mopsdesk/backend/files"
)

// DocumentService keeps contract documents: rows here, bytes in the store.
type DocumentService struct {
	db    *DB
	files *files.Store
}

// NewDocumentService returns a DocumentService keeping bytes in store.
func NewDocumentService(db *DB, store *files.Store) *DocumentService {
	return &DocumentService{db: db, files: store}
}

var _ backend.DocumentService = (*DocumentService)(nil)

func (s *DocumentService) query(ctx context.Context, where string, args ...any) ([]*backend.Document, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT id, contract_id, name, sha256, size, content_type, added_at
		FROM contract_documents WHERE `+where+` ORDER BY added_at, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("find documents: %w", err)
	}
	defer rows.Close()
	out := []*backend.Document{}
	for rows.Next() {
		var d backend.Document
		if err := rows.Scan(&d.ID, &d.ContractID, &d.Name, &d.SHA256, &d.Size, &d.ContentType, &d.AddedAt); err != nil {
			return nil, err
		}
		out = append(out, &d)
	}
	return out, rows.Err()
}

// FindDocuments lists a contract's documents, oldest first.
func (s *DocumentService) FindDocuments(ctx context.Context, contractID int64) ([]*backend.Document, error) {
	return s.query(ctx, "contract_id = ?", contractID)
}

// AddDocument stores r's bytes and records the document. The type is
// sniffed from the content, not trusted from the name.
func (s *DocumentService) AddDocument(ctx context.Context, contractID int64, name string, r io.Reader) (*backend.Document, error) {
	var n int
	if err := s.db.conn(ctx).QueryRowContext(ctx, `SELECT count(*) FROM contracts WHERE id = ?`, contractID).Scan(&n); err != nil {
		return nil, err
	} else if n == 0 {
		return nil, backend.Errorf(backend.ENOTFOUND, "That contract no longer exists.")
	}
	br := bufio.NewReader(r)
	head, _ := br.Peek(512)
	kind := http.DetectContentType(head)
	sum, size, err := s.files.Put(br, backend.MaxDocumentBytes)
	if errors.Is(err, files.ErrTooLarge) {
		fe := backend.FieldErrors{}
		fe.Add("file", "document.too_large", map[string]any{"name": files.CleanName(name), "maxMB": backend.MaxDocumentBytes >> 20})
		return nil, fe.Err("document")
	} else if err != nil {
		return nil, fmt.Errorf("store document: %w", err)
	}
	d := &backend.Document{ContractID: contractID, Name: files.CleanName(name), SHA256: sum, Size: size, ContentType: kind, AddedAt: s.db.timestamp()}
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO contract_documents (contract_id, name, sha256, size, content_type, added_at)
			VALUES (?, ?, ?, ?, ?, ?)`, d.ContractID, d.Name, d.SHA256, d.Size, d.ContentType, d.AddedAt)
		if err != nil {
			return err
		}
		d.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("add document: %w", err)
	}
	return d, nil
}

// DeleteDocument removes a document from its contract. The bytes stay in
// the store: another document may share them.
func (s *DocumentService) DeleteDocument(ctx context.Context, id int64) error {
	return deleteRow(ctx, s.db, "contract_documents", id, "That document no longer exists.", versionGuard{})
}

// DocumentPath returns a document and the path of its bytes.
func (s *DocumentService) DocumentPath(ctx context.Context, id int64) (*backend.Document, string, error) {
	list, err := s.query(ctx, "id = ?", id)
	if err != nil {
		return nil, "", err
	}
	if len(list) == 0 {
		return nil, "", backend.Errorf(backend.ENOTFOUND, "That document no longer exists.")
	}
	p, err := s.files.Path(list[0].SHA256)
	if err != nil {
		return nil, "", err
	}
	return list[0], filepath.Clean(p), nil
}
