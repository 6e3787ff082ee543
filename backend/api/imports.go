package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/transfer"
)

// ImportService is the spreadsheet round trip (transfer.Service):
// imports, their history and saved mappings, and the workbook exports.
type ImportService interface {
	Preview(ctx context.Context, path, name string, o sheet.Options) (*transfer.ImportPreview, error)
	Commit(ctx context.Context, path, name string, o sheet.Options) (*transfer.ImportPreview, error)
	History(ctx context.Context) ([]backend.ImportRun, error)
	Undo(ctx context.Context, id int64) error
	SaveProfile(ctx context.Context, p transfer.ImportProfile) (*transfer.ImportProfile, error)
	Profiles(ctx context.Context) ([]transfer.ImportProfile, error)
	DeleteProfile(ctx context.Context, id int64) error
	WriteWorkspace(ctx context.Context, areas []string, labels map[string]string, w io.Writer) error
	WriteList(ctx context.Context, req transfer.ListRequest, w io.Writer) error
}

// importTimeout bounds a preview or commit: large workbooks take seconds,
// not the half-minute other calls get.
const importTimeout = 10 * time.Minute

// maxImportSize is the largest spreadsheet accepted.
const maxImportSize = 200 << 20

// Imports brings spreadsheets in: a file is added once (an upload, or a
// path the desktop's Open dialog gave) through ImportFiles, previewed as
// often as the user changes the mapping, then committed.
type Imports struct {
	s     Services
	files *ImportFiles
}

// ImportFiles keeps the spreadsheets waiting to be imported. It is not
// bound: files reach it through an upload or a native dialog, never a
// path the page names.
type ImportFiles struct {
	s       Services
	mu      sync.Mutex
	pending map[string]PendingImport
}

// PendingImport is a spreadsheet waiting to be imported.
type PendingImport struct {
	Token string `json:"token"`
	Name  string `json:"name"`
	Size  int64  `json:"size"`
	path  string
}

// ImportRequest names a pending file and the user's choices.
type ImportRequest struct {
	Token   string        `json:"token"`
	Options sheet.Options `json:"options"`
}

// ImportKind describes what an import can fill, for the mapping screen.
type ImportKind struct {
	Key    string        `json:"key"`
	Fields []sheet.Field `json:"fields"`
}

func newImports(s Services) *Imports {
	im := &ImportFiles{s: s, pending: map[string]PendingImport{}}
	// Files left by an earlier run were never committed: remove them once
	// they are a day old (another process — the window while the command
	// line imports — may still be previewing its own).
	if s.ImportDir != "" {
		if list, err := os.ReadDir(s.ImportDir); err == nil {
			for _, e := range list {
				if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > 24*time.Hour {
					os.Remove(filepath.Join(s.ImportDir, e.Name()))
				}
			}
		}
	}
	return &Imports{s: s, files: im}
}

func (im *ImportFiles) dir() (string, error) {
	d := im.s.ImportDir
	if d == "" {
		d = filepath.Join(os.TempDir(), "mopsdesk-imports")
	}
	return d, os.MkdirAll(d, 0o700)
}

// Add keeps a spreadsheet for import and returns its token. Not bound:
// serve mode calls it for uploads, the desktop for a chosen path.
func (im *ImportFiles) Add(ctx context.Context, name string, r io.Reader) (*PendingImport, error) {
	return call(ctx, im.s, "Imports.Add", func(ctx context.Context) (*PendingImport, error) {
		dir, err := im.dir()
		if err != nil {
			return nil, err
		}
		b := make([]byte, 12)
		rand.Read(b)
		p := PendingImport{Token: hex.EncodeToString(b), Name: filepath.Base(strings.ReplaceAll(name, "\\", "/"))}
		p.path = filepath.Join(dir, p.Token)
		f, err := os.OpenFile(p.path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return nil, err
		}
		n, err := io.Copy(f, io.LimitReader(r, maxImportSize+1))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil && n > maxImportSize {
			err = &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("%q is larger than %d MB; split it or save only the sheet you need.", p.Name, maxImportSize>>20),
				Fields: map[string]backend.FieldError{"file": {Key: "import.too_large", Params: map[string]any{"name": p.Name, "mb": maxImportSize >> 20}}}}
		}
		if err != nil {
			os.Remove(p.path)
			return nil, err
		}
		p.Size = n
		im.mu.Lock()
		im.pending[p.Token] = p
		im.mu.Unlock()
		return &p, nil
	})
}

// AddPath keeps a copy of the spreadsheet at path (the desktop's Open
// dialog), so later edits to the file do not change a preview mid-way.
func (im *ImportFiles) AddPath(ctx context.Context, path string) (*PendingImport, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, backend.Errorf(backend.EINVALID, "%s could not be opened: %v", filepath.Base(path), err)
	}
	defer f.Close()
	return im.Add(ctx, filepath.Base(path), f)
}

func (im *ImportFiles) file(token string) (PendingImport, error) {
	im.mu.Lock()
	defer im.mu.Unlock()
	p, ok := im.pending[token]
	if !ok {
		return p, &backend.Error{Code: backend.ENOTFOUND, Message: "The file to import is no longer here; choose it again.",
			Fields: map[string]backend.FieldError{"file": {Key: "import.file_gone"}}}
	}
	return p, nil
}

// Kinds lists what can be imported and the fields of each.
func (im *Imports) Kinds(ctx context.Context) []ImportKind {
	out := make([]ImportKind, 0, len(sheet.KindKeys))
	for _, k := range sheet.KindKeys {
		out = append(out, ImportKind{Key: k, Fields: sheet.Kinds[k].Fields})
	}
	// Results files are read by their shape, not mapped field by field.
	return append(out, ImportKind{Key: transfer.KindResults, Fields: []sheet.Field{}})
}

// Preview reads the file as the options say and reports what an import
// would do, without keeping anything.
func (im *Imports) Preview(ctx context.Context, req ImportRequest) (*transfer.ImportPreview, error) {
	return callWithin(ctx, im.s, "Imports.Preview", importTimeout, func(ctx context.Context) (*transfer.ImportPreview, error) {
		p, err := im.files.file(req.Token)
		if err != nil {
			return nil, err
		}
		return im.s.Imports.Preview(ctx, p.path, p.Name, req.Options)
	})
}

// Commit imports the file in one transaction; the pending copy is removed.
func (im *Imports) Commit(ctx context.Context, req ImportRequest) (*transfer.ImportPreview, error) {
	return callWithin(ctx, im.s, "Imports.Commit", importTimeout, func(ctx context.Context) (*transfer.ImportPreview, error) {
		p, err := im.files.file(req.Token)
		if err != nil {
			return nil, err
		}
		out, err := im.s.Imports.Commit(ctx, p.path, p.Name, req.Options)
		if err != nil {
			return nil, err
		}
		im.files.discard(req.Token)
		return out, nil
	})
}

// Discard forgets a pending file.
func (im *Imports) Discard(ctx context.Context, token string) error {
	im.files.discard(token)
	return nil
}

func (im *ImportFiles) discard(token string) {
	im.mu.Lock()
	p, ok := im.pending[token]
	delete(im.pending, token)
	im.mu.Unlock()
	if ok {
		os.Remove(p.path)
	}
}

// History lists past imports, newest first.
func (im *Imports) History(ctx context.Context) ([]backend.ImportRun, error) {
	return call(ctx, im.s, "Imports.History", func(ctx context.Context) ([]backend.ImportRun, error) { return im.s.Imports.History(ctx) })
}

// Undo reverses an import as a whole.
func (im *Imports) Undo(ctx context.Context, id int64) error {
	_, err := callWithin(ctx, im.s, "Imports.Undo", importTimeout, func(ctx context.Context) (struct{}, error) { return struct{}{}, im.s.Imports.Undo(ctx, id) })
	return err
}

// Profiles lists saved mappings.
func (im *Imports) Profiles(ctx context.Context) ([]transfer.ImportProfile, error) {
	return call(ctx, im.s, "Imports.Profiles", func(ctx context.Context) ([]transfer.ImportProfile, error) { return im.s.Imports.Profiles(ctx) })
}

// SaveProfile saves a mapping for files with the same headers.
func (im *Imports) SaveProfile(ctx context.Context, p transfer.ImportProfile) (*transfer.ImportProfile, error) {
	return call(ctx, im.s, "Imports.SaveProfile", func(ctx context.Context) (*transfer.ImportProfile, error) { return im.s.Imports.SaveProfile(ctx, p) })
}

// DeleteProfile removes a saved mapping.
func (im *Imports) DeleteProfile(ctx context.Context, id int64) error {
	_, err := call(ctx, im.s, "Imports.DeleteProfile", func(ctx context.Context) (struct{}, error) { return struct{}{}, im.s.Imports.DeleteProfile(ctx, id) })
	return err
}
