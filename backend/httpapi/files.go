package httpapi

import (
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
)

// FilesHandler serves stored bytes: documents, asset versions and image
// previews. The desktop window mounts it too (Wails hands it every request
// the embedded frontend does not answer), so both transports fetch files
// the same way.
//
//	GET /files/document/ID
//	GET /files/asset/ID/VERSION
//	GET /files/thumb/SHA256       (320 px)
//	GET /files/preview/SHA256     (1200 px, the detail view)
func FilesHandler(a *api.API) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/files/"), "/")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Content-Security-Policy", "sandbox")
		switch {
		case len(parts) == 2 && parts[0] == "document":
			id, err := strconv.ParseInt(parts[1], 10, 64)
			if err != nil {
				http.NotFound(w, r)
				return
			}
			doc, path, err := a.Files.Path(r.Context(), id)
			if err != nil {
				writeError(w, statusOf(err), err)
				return
			}
			attachment(w, doc.Name)
			http.ServeFile(w, r, path)
		case len(parts) == 3 && parts[0] == "asset":
			id, err1 := strconv.ParseInt(parts[1], 10, 64)
			version, err2 := strconv.Atoi(parts[2])
			if err1 != nil || err2 != nil {
				http.NotFound(w, r)
				return
			}
			asset, err := a.Assets.Get(r.Context(), id)
			if err != nil {
				writeError(w, statusOf(err), err)
				return
			}
			for _, v := range asset.Versions {
				if v.Version == version {
					path, err := a.Thumbs.Original(v.SHA256)
					if err != nil {
						writeError(w, http.StatusNotFound, backend.Errorf(backend.ENOTFOUND, "The file of this version is missing."))
						return
					}
					attachment(w, v.FileName)
					http.ServeFile(w, r, path)
					return
				}
			}
			http.NotFound(w, r)
		case len(parts) == 2 && (parts[0] == "thumb" || parts[0] == "preview"):
			get := a.Thumbs.Path
			if parts[0] == "preview" {
				get = a.Thumbs.Large
			}
			path, err := get(parts[1])
			if err != nil {
				// No preview: the UI shows the type icon instead.
				http.Error(w, "no preview", http.StatusNotFound)
				return
			}
			w.Header().Set("Content-Type", "image/jpeg")
			w.Header().Set("Cache-Control", "private, max-age=31536000, immutable")
			http.ServeFile(w, r, path)
		default:
			http.NotFound(w, r)
		}
	})
}

func attachment(w http.ResponseWriter, name string) {
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Content-Type", "application/octet-stream")
}

// serveAssetUpload adds the files of a multipart form to the library.
func (s *Server) serveAssetUpload(w http.ResponseWriter, r *http.Request) {
	choice := backend.DuplicateChoice(r.URL.Query().Get("duplicate"))
	switch choice {
	case backend.DuplicateAsk, backend.DuplicateNewVersion, backend.DuplicateKeepBoth, backend.DuplicateSkip:
	default:
		writeError(w, http.StatusBadRequest, backend.Errorf(backend.EINVALID, "Unknown duplicate choice %q.", choice))
		return
	}
	// count says how many files the page sends, for the progress bar.
	total, _ := strconv.ParseInt(r.URL.Query().Get("count"), 10, 64)
	ctx := s.jobContext(r)
	out := []*backend.AddResult{}
	eachUpload(w, r, func(name string, body io.Reader) error {
		res, err := s.api.Files.AddAsset(ctx, name, body, choice)
		if err == nil {
			out = append(out, res)
			done := int64(len(out))
			backend.ReportProgress(ctx, backend.Step{Unit: "files", Done: done, Total: max(total, done)})
		}
		return err
	}, &out)
	if len(out) > 0 {
		s.notify(ctx, api.UploadAssets, nil, out)
	}
}
