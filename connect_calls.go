package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/files"
	"mopsdesk/backend/httpapi"
	"mopsdesk/backend/remote"
)

// call forwards one of the window's calls to the host; ctx is the job's,
// so Cancel(job) aborts the request (and the host stops the work).
func (t *team) call(ctx context.Context, log *slog.Logger, method string, args json.RawMessage, job string) (any, error) {
	out, err := t.host.Call(ctx, method, args, job)
	log.Debug("api call", "method", method, "host", t.ws.Address, "code", backend.ErrorCode(err))
	if err != nil {
		t.link.Report(err)
		return nil, err
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// saveExport downloads an export from the host and asks where to save it,
// under the name the host gave it.
func (a *App) saveRemoteExport(t *team, d api.Download, req json.RawMessage, job string) (string, error) {
	ctx, done := a.startJob(job)
	defer done()
	name, data, err := t.host.Download(ctx, d.Path(), req, job)
	if err != nil {
		t.link.Report(err)
		return "", err
	}
	words := a.dialogWords(ctx)
	return a.saveAs(words(d.TitleKey), name, words(d.FilterKey), d.Ext, func(out *os.File) error {
		_, err := out.Write(data)
		return err
	})
}

// upload sends files the user chose (by path) to one of the host's upload
// routes and decodes what it answers into out.
func (t *team) upload(ctx context.Context, route string, query url.Values, paths []string, job string, out any) error {
	if len(query) > 0 {
		route += "?" + query.Encode()
	}
	err := t.host.Upload(ctx, route, paths, job, out)
	t.link.Report(err)
	return err
}

func (t *team) addDocuments(ctx context.Context, contractID int64, paths []string) ([]*backend.Document, error) {
	out := []*backend.Document{}
	if len(paths) == 0 {
		return out, nil
	}
	err := t.upload(ctx, "/upload/contract-documents", url.Values{"contract": {strconv.FormatInt(contractID, 10)}}, paths, "", &out)
	return out, err
}

func (t *team) addAssets(ctx context.Context, paths []string, choice backend.DuplicateChoice, job string) ([]*backend.AddResult, error) {
	out := []*backend.AddResult{}
	if len(paths) == 0 {
		return out, nil
	}
	q := url.Values{"duplicate": {string(choice)}, "count": {strconv.Itoa(len(paths))}}
	err := t.upload(ctx, "/upload/assets", q, paths, job, &out)
	return out, err
}

func (t *team) addImportFile(ctx context.Context, path string) (*api.PendingImport, error) {
	var out []*api.PendingImport
	if err := t.upload(ctx, "/upload/import", nil, []string{path}, "", &out); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, backend.Errorf(backend.EINTERNAL, "The host kept no copy of the file.")
	}
	return out[0], nil
}

// open fetches a stored file from the host and opens a copy with the
// system's app, as the window does with its own files.
func (a *App) openRemote(t *team, path string) error {
	resp, err := t.host.Get(a.jobParent(), path, nil)
	if err != nil {
		t.link.Report(err)
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return backend.Errorf(backend.ENOTFOUND, "The host could not send the file (%s).", resp.Status)
	}
	name := filepath.Base(path)
	if _, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition")); err == nil && params["filename"] != "" {
		name = params["filename"]
	}
	dir, err := os.MkdirTemp("", "mopsdesk-open-")
	if err != nil {
		return err
	}
	dst := filepath.Join(dir, files.CleanName(name))
	err = writeFileAtomic(dst, func(out *os.File) error {
		_, err := io.Copy(out, resp.Body)
		return err
	})
	if err != nil {
		return fmt.Errorf("save %s: %w", name, err)
	}
	return openWithSystem(dst)
}

func (a *App) jobParent() context.Context {
	if a.ctx != nil {
		return a.ctx
	}
	return context.Background()
}

// filesHandler serves /files/ to the window (Wails' asset server hands it
// every request the embedded frontend does not answer): this computer's
// stored files, or the team host's, fetched with the session.
func (a *App) filesHandler() http.Handler {
	local := httpapi.FilesHandler(a.api)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t := a.teamNow()
		if t == nil {
			local.ServeHTTP(w, r)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead || !strings.HasPrefix(r.URL.Path, "/files/") {
			http.NotFound(w, r)
			return
		}
		resp, err := t.host.Get(r.Context(), r.URL.EscapedPath(), r.Header)
		if err != nil {
			t.link.Report(err)
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		for _, k := range []string{"Content-Type", "Content-Length", "Content-Disposition", "Content-Range", "Accept-Ranges",
			"Cache-Control", "ETag", "Last-Modified", "Content-Security-Policy", "X-Content-Type-Options"} {
			if v := resp.Header.Get(k); v != "" {
				w.Header().Set(k, v)
			}
		}
		w.WriteHeader(resp.StatusCode)
		io.Copy(w, resp.Body)
	})
}

// remoteLanguage is the team workspace's language, for the native
// dialogs' words ("" on this computer's workspace or when unknown).
func (a *App) remoteLanguage(ctx context.Context) string {
	t := a.teamNow()
	if t == nil {
		return ""
	}
	out, err := t.host.Call(ctx, "Workspace.Settings", json.RawMessage("[]"), "")
	if err != nil {
		return ""
	}
	var s struct {
		Language string `json:"language"`
	}
	json.Unmarshal(out, &s)
	return s.Language
}

// errorPayload is what the page receives for an error: a host's error as
// the host sent it (with fields this window may not know), else ours.
func errorPayload(err error) any {
	var he *remote.HostError
	if errors.As(err, &he) {
		return he.Payload
	}
	return api.FormatError(err)
}
