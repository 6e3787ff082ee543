// Package httpapi is serve mode: it serves the frontend and the same facade
// methods the desktop window binds, to a browser over HTTP.
//
//	POST /api/{Facade}/{Method}   body: JSON array of arguments; X-MOpsDesk-Job: ID names the call's progress
//	GET  /api/events              server-sent events: the progress of each named call; change notices (X-MOpsDesk-Tab: ID names the calling tab)
//	POST /upload/contract-documents?contract=ID   multipart files
//	POST /upload/assets?duplicate=CHOICE&count=N  multipart files (N of them, for progress)
//	POST /upload/import                           multipart: a spreadsheet to import
//	POST /export/KIND.EXT         body: the export's request (JSON); one route per api.Download:
//	     /export/campaigns.xlsx   api.CampaignsRequest
//	     /export/calendar.ics     backend.CalendarFilter
//	     /export/assets.xlsx      backend.AssetFilter
//	     /export/workspace.xlsx   {"areas": ["campaigns", …] or [] for every area, "labels"}, with IDs
//	     /export/list.xlsx        {"kind", "spend", "vendorId", …} a list view as shown
//	     /export/report.xlsx      {"from", "to", "words"} the executive report
//	     /export/report.html      {"from", "to", "words", "lang"} the same as one web page
//	     /export/audit.xlsx       {"filter", "labels"} the activity log (admins)
//	GET  /files/...               stored bytes (see FilesHandler)
//	GET  /...                     the embedded frontend
package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"strconv"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/dispatch"
	"mopsdesk/backend/live"
)

// maxBody bounds a request body; no call the UI makes comes near it.
const maxBody = 8 << 20

// Options choose between the two ways of serving. The zero value is
// serve mode: one person, on loopback, no sign-in.
type Options struct {
	// Team, when set, makes this a team host: every call, download,
	// upload, file and event stream needs a signed-in session, and the
	// person's role is checked for each call (api.Access).
	Team backend.TeamService
	// Secure says the host is reached over HTTPS: cookies are Secure and
	// browsers are told to keep to HTTPS (HSTS).
	Secure bool
}

// Server is the serve-mode HTTP handler.
type Server struct {
	opt Options
	api *api.API
	// downloads are the export routes, by path (see api.Download).
	downloads map[string]api.Download
	calls     *dispatch.Registry
	hub       *live.Hub
	static    http.Handler
	files     http.Handler
	log       *slog.Logger
}

// New returns a handler serving dist (the built frontend) and a's methods.
func New(a *api.API, dist fs.FS, log *slog.Logger, opt Options) (*Server, error) {
	calls, err := a.Registry()
	if err != nil {
		return nil, err
	}
	downloads := map[string]api.Download{}
	for _, d := range a.Exports.Downloads() {
		downloads[d.Path()] = d
		if _, ok := api.RouteNeed(d.Path()); !ok {
			return nil, fmt.Errorf("no access rule in api.RouteAccess for %s", d.Path())
		}
	}
	return &Server{opt: opt, api: a, calls: calls, downloads: downloads, hub: live.NewHub(), static: http.FileServerFS(dist), files: FilesHandler(a), log: log}, nil
}

// ServeHTTP routes a request. In serve mode only requests addressed to a
// loopback host are served: a web page elsewhere cannot reach the API by
// pointing its own host name at 127.0.0.1 (DNS rebinding). A team host
// answers to any name it is reached by: there every call needs a
// session, whose cookie a browser sends only to the host that set it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.opt.Team == nil && !loopbackHost(r.Host) {
		http.Error(w, "MOps Desk answers only requests addressed to localhost.", http.StatusMisdirectedRequest)
		return
	}
	if s.opt.Secure {
		r = withSecure(r)
		// A year, the usual: a browser that once reached the host over
		// HTTPS never again sends its cookie in clear to that name.
		w.Header().Set("Strict-Transport-Security", "max-age=31536000")
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	if refuseCrossSite(w, r) {
		return
	}
	if strings.HasPrefix(r.URL.Path, "/auth/") {
		s.serveAuth(w, r)
		return
	}
	if s.opt.Team != nil && s.guarded(r.URL.Path) {
		var ok bool
		if r, ok = s.requireSession(w, r); !ok {
			return
		}
	}
	if d, ok := s.downloads[r.URL.Path]; ok {
		s.serveDownload(w, r, d)
		return
	}
	switch {
	case r.URL.Path == "/api/events":
		s.serveEvents(w, r)
	case strings.HasPrefix(r.URL.Path, "/api/"):
		s.serveCall(w, r)
	case r.URL.Path == "/upload/contract-documents":
		s.serveDocumentUpload(w, r)
	case r.URL.Path == "/upload/assets":
		s.serveAssetUpload(w, r)
	case r.URL.Path == "/upload/import":
		out := []*api.PendingImport{}
		eachUpload(w, r, func(name string, body io.Reader) error {
			p, err := s.api.ImportFiles.Add(r.Context(), name, body)
			if err == nil {
				out = append(out, p)
			}
			return err
		}, &out)
	case strings.HasPrefix(r.URL.Path, "/files/"):
		s.files.ServeHTTP(w, r)
	default:
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'")
		s.static.ServeHTTP(w, r)
	}
}

// serveDownload answers a JSON POST with the file the export makes of
// it, sent as a download. Its progress goes out on the event stream, and
// a browser that goes away stops it.
func (s *Server) serveDownload(w http.ResponseWriter, r *http.Request, d api.Download) {
	if !requireJSONPost(w, r) {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, backend.Errorf(backend.EINVALID, "The request is too large."))
		return
	}
	name, write, err := d.Prepare(body)
	if err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	if d.Ext == ".html" {
		// Sent as an attachment (sendFile), never shown on this origin;
		// a browser that rendered it anyway would sandbox it.
		w.Header().Set("Content-Security-Policy", "sandbox")
	}
	ctx := s.jobContext(r)
	sendFile(w, d.ContentType, name, func(out io.Writer) error { return write(ctx, out) })
}

// requireJSONPost refuses anything but a JSON POST: a cross-site form post
// cannot send application/json without a CORS preflight, which we never
// answer, so other web pages cannot call the API.
func requireJSONPost(w http.ResponseWriter, r *http.Request) bool {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, http.StatusMethodNotAllowed, backend.Errorf(backend.EINVALID, "Use POST."))
		return false
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		writeError(w, http.StatusUnsupportedMediaType, backend.Errorf(backend.EINVALID, "Send the arguments as application/json."))
		return false
	}
	return true
}

func (s *Server) serveCall(w http.ResponseWriter, r *http.Request) {
	if !requireJSONPost(w, r) {
		return
	}
	name := strings.Replace(strings.TrimPrefix(r.URL.Path, "/api/"), "/", ".", 1)
	if !s.calls.Has(name) {
		writeError(w, http.StatusNotFound, backend.Errorf(backend.ENOTFOUND, "There is no method %q.", name))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, backend.Errorf(backend.EINVALID, "The request is too large."))
		return
	}
	// The request's context ends when the browser goes away (a closed
	// tab, an aborted fetch), and so does the work.
	ctx := s.jobContext(r)
	result, err := s.calls.Call(ctx, name, body)
	if err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	s.notify(ctx, name, body, result)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	if err := json.NewEncoder(w).Encode(result); err != nil {
		s.log.Error("encode result", "method", name, "err", err)
	}
}

// serveDocumentUpload stores the files of a multipart form with a contract.
func (s *Server) serveDocumentUpload(w http.ResponseWriter, r *http.Request) {
	contractID, err := strconv.ParseInt(r.URL.Query().Get("contract"), 10, 64)
	if err != nil {
		writeError(w, http.StatusBadRequest, backend.Errorf(backend.EINVALID, "Which contract? The contract number is missing."))
		return
	}
	ctx := s.jobContext(r)
	out := []*backend.Document{}
	eachUpload(w, r, func(name string, body io.Reader) error {
		d, err := s.api.Files.Add(ctx, contractID, name, body)
		if err == nil {
			out = append(out, d)
		}
		return err
	}, &out)
	if len(out) > 0 {
		// The notice names the contract the files were added to.
		s.notify(ctx, api.UploadDocuments, []byte("["+strconv.FormatInt(contractID, 10)+"]"), nil)
	}
}

// eachUpload hands each file of a multipart upload to add, then answers
// with out as JSON. A browser form from another site cannot send this:
// the request must carry the X-MOpsDesk header, which only our own page
// sets (a custom header forces a CORS preflight that we never answer).
func eachUpload(w http.ResponseWriter, r *http.Request, add func(name string, body io.Reader) error, out any) {
	if r.Method != http.MethodPost || r.Header.Get("X-MOpsDesk") != "1" {
		writeError(w, http.StatusForbidden, backend.Errorf(backend.EINVALID, "Uploads come from the MOps Desk page only."))
		return
	}
	mr, err := r.MultipartReader()
	if err != nil {
		writeError(w, http.StatusBadRequest, backend.Errorf(backend.EINVALID, "Send the files as multipart/form-data."))
		return
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		} else if err != nil {
			writeError(w, http.StatusBadRequest, backend.Errorf(backend.EINVALID, "The upload was cut off: %v", err))
			return
		}
		if part.FileName() == "" {
			continue
		}
		err = add(part.FileName(), part)
		part.Close()
		if err != nil {
			writeError(w, statusOf(err), err)
			return
		}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(out)
}

// sendFile builds the whole file before the first byte goes out, so a
// failure is an error response and not a truncated download.
func sendFile(w http.ResponseWriter, contentType, name string, write func(io.Writer) error) {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}

func statusOf(err error) int {
	switch backend.ErrorCode(err) {
	case backend.EINVALID:
		return http.StatusBadRequest
	case backend.ENOTFOUND:
		return http.StatusNotFound
	case backend.ECONFLICT:
		return http.StatusConflict
	case backend.EDISKFULL:
		return http.StatusInsufficientStorage
	case backend.EBUSY:
		return http.StatusServiceUnavailable
	case backend.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case backend.EFORBIDDEN:
		return http.StatusForbidden
	case backend.ELOCKED:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

func writeError(w http.ResponseWriter, status int, err error) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(api.FormatError(err))
}

// loopbackHost reports whether a Host header names this machine's loopback.
func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// CheckAddr refuses listen addresses that are not loopback: serve mode
// has no login, so it must not be reachable from the network.
func CheckAddr(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q: want HOST:PORT, for example 127.0.0.1:8420", addr)
	}
	if port == "" {
		return fmt.Errorf("--addr %q: the port is missing", addr)
	}
	if !loopbackHost(host) {
		return fmt.Errorf("--addr %q: serve mode listens on loopback only (127.0.0.1, ::1 or localhost), because it has no login", addr)
	}
	return nil
}
