package remote

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"mopsdesk/backend"
)

// SessionCookie is the team host's session cookie (see httpapi, auth).
const SessionCookie = "mops_session"

// jobHeader names a call's job, so that its progress comes back on the
// event stream under that id (as serve mode's page does).
const jobHeader = "X-MOpsDesk-Job"

// Host is one team host reached over HTTPS with its pinned certificate,
// signed in or not yet. Its methods are safe for concurrent use.
type Host struct {
	// Address is host:port; Pin the certificate's fingerprint.
	Address string
	Pin     string
	base    string
	client  *http.Client

	mu    sync.Mutex
	token string
}

// Dial prepares a connection to the host at address that accepts only the
// certificate with the given fingerprint. Nothing is sent yet.
func Dial(address, fingerprint string) (*Host, error) {
	addr, err := NormalizeAddress(address)
	if err != nil {
		return nil, err
	}
	pin := normalFingerprint(fingerprint)
	if pin == "" {
		e := backend.Errorf(backend.EINVALID, "The fingerprint must be the 64 hexadecimal digits the host printed.")
		e.Fields = map[string]backend.FieldError{"fingerprint": {Key: "connect.fingerprint_invalid"}}
		return nil, e
	}
	tr := &http.Transport{
		TLSClientConfig:     pinnedTLS(addr, pin),
		DialContext:         (&net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout: dialTimeout,
		MaxIdleConnsPerHost: 8,
		IdleConnTimeout:     90 * time.Second,
		ForceAttemptHTTP2:   true,
	}
	return &Host{Address: addr, Pin: pin, base: "https://" + addr, client: &http.Client{Transport: tr,
		// The host never redirects the API; following one could carry
		// the session elsewhere.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}, nil
}

// SetToken sets the session the host gave at sign-in ("" signs out here).
func (h *Host) SetToken(token string) {
	h.mu.Lock()
	h.token = token
	h.mu.Unlock()
}

// Token is the current session token.
func (h *Host) Token() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.token
}

// Close drops the host's idle connections.
func (h *Host) Close() { h.client.CloseIdleConnections() }

// request builds a request to the host with the session and the host's own
// Origin, as its page would send them.
func (h *Host) request(ctx context.Context, method, path string, body io.Reader) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, h.base+path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Origin", h.base)
	if t := h.Token(); t != "" {
		req.AddCookie(&http.Cookie{Name: SessionCookie, Value: t})
	}
	return req, nil
}

// do sends req and returns the response when it succeeded (2xx); any other
// answer becomes the host's error.
func (h *Host) do(req *http.Request) (*http.Response, error) {
	resp, err := h.client.Do(req)
	if err != nil {
		if ctxErr := req.Context().Err(); ctxErr != nil {
			return nil, backend.Canceled(ctxErr)
		}
		return nil, unreachable(h.Address, err)
	}
	if resp.StatusCode/100 == 2 {
		return resp, nil
	}
	defer resp.Body.Close()
	return nil, readHostError(resp)
}

// HostError is an error the host answered with. Payload is its JSON as
// sent ({code, message, fields, …}), handed to the page unchanged so that
// fields this window does not know (a conflict's current record) arrive.
type HostError struct {
	Status  int
	Payload json.RawMessage
	Err     *backend.Error
}

// Error returns the host's message.
func (e *HostError) Error() string { return e.Err.Error() }

// Unwrap lets errors.As find the backend.Error (and its code).
func (e *HostError) Unwrap() error { return e.Err }

func readHostError(resp *http.Response) error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	var e backend.Error
	if json.Unmarshal(body, &e) == nil && e.Code != "" {
		return &HostError{Status: resp.StatusCode, Payload: body, Err: &e}
	}
	code := backend.EINTERNAL
	switch resp.StatusCode {
	case http.StatusUnauthorized:
		code = backend.EUNAUTHORIZED
	case http.StatusForbidden:
		code = backend.EFORBIDDEN
	case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		code = backend.EUNREACHABLE
	}
	e = backend.Error{Code: code, Message: fmt.Sprintf("The host answered %s.", resp.Status)}
	payload, _ := json.Marshal(e)
	return &HostError{Status: resp.StatusCode, Payload: payload, Err: &e}
}

// postJSON posts body as JSON to path and returns the answer's body.
func (h *Host) postJSON(ctx context.Context, path string, body []byte, job string) (*http.Response, error) {
	req, err := h.request(ctx, http.MethodPost, path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if job != "" {
		req.Header.Set(jobHeader, job)
	}
	return h.do(req)
}

// Call runs a facade method ("Campaigns.Find") on the host with args, a
// JSON array, and returns the JSON result. Cancelling ctx aborts the
// request, and the host stops the work with it.
func (h *Host) Call(ctx context.Context, method string, args json.RawMessage, job string) (json.RawMessage, error) {
	facade, name, ok := strings.Cut(method, ".")
	if !ok || facade == "" || name == "" || strings.ContainsAny(method, "/?#") {
		return nil, backend.Errorf(backend.ENOTFOUND, "There is no method %q.", method)
	}
	if len(args) == 0 {
		args = json.RawMessage("[]")
	}
	resp, err := h.postJSON(ctx, "/api/"+url.PathEscape(facade)+"/"+url.PathEscape(name), args, job)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, h.readFailed(ctx, err)
	}
	return json.RawMessage(bytes.TrimSpace(out)), nil
}

func (h *Host) readFailed(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return backend.Canceled(ctx.Err())
	}
	return unreachable(h.Address, err)
}

// Credentials sign a person in on a host: an invite (with the name and
// login they choose, or none for a password reset) or a login.
type Credentials struct {
	Invite   string `json:"invite"`
	Name     string `json:"name"`
	Login    string `json:"login"`
	Password string `json:"password"`
}

// SignIn signs in with the invite or the login and keeps the session the
// host sets. It returns the signed-in person as the host describes them.
func (h *Host) SignIn(ctx context.Context, c Credentials) (*backend.Actor, error) {
	path, body := "/auth/signin", map[string]string{"login": c.Login, "password": c.Password}
	if c.Invite != "" {
		path, body = "/auth/accept", map[string]string{"invite": c.Invite, "name": c.Name, "login": c.Login, "password": c.Password}
	}
	data, _ := json.Marshal(body)
	resp, err := h.postJSON(ctx, path, data, "")
	if backend.ErrorCode(err) == backend.EUNAUTHORIZED {
		// Said in the person's language (the host's own words name no
		// field the window's form has).
		e := backend.Errorf(backend.EUNAUTHORIZED, "%s did not accept this invite, login or password.", h.Address)
		e.Fields = map[string]backend.FieldError{"password": {Key: "connect.wrong_credentials"}}
		return nil, e
	} else if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var actor backend.Actor
	if err := json.NewDecoder(resp.Body).Decode(&actor); err != nil {
		return nil, h.readFailed(ctx, err)
	}
	for _, ck := range resp.Cookies() {
		if ck.Name == SessionCookie && ck.Value != "" {
			h.SetToken(ck.Value)
			return &actor, nil
		}
	}
	return nil, backend.Errorf(backend.EINTERNAL, "%s signed you in but sent no session.", h.Address)
}

// SignOut ends the session on the host and forgets it here.
func (h *Host) SignOut(ctx context.Context) error {
	defer h.SetToken("")
	resp, err := h.postJSON(ctx, "/auth/signout", []byte("{}"), "")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// State is the host's /auth/state: a team host and who is signed in.
type State struct {
	Mode  string          `json:"mode"`
	Setup bool            `json:"setup"`
	Me    *backend.Actor  `json:"me"`
	Raw   json.RawMessage `json:"-"`
}

// State asks the host who is signed in; it is also how the window checks
// that the host answers.
func (h *Host) State(ctx context.Context) (*State, error) {
	req, err := h.request(ctx, http.MethodGet, "/auth/state", nil)
	if err != nil {
		return nil, err
	}
	resp, err := h.do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var st State
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		return nil, h.readFailed(ctx, err)
	}
	return &st, nil
}

// Download posts an export's request to its route (/export/NAME.EXT) and
// returns the file's name as the host gave it and its bytes.
func (h *Host) Download(ctx context.Context, path string, request json.RawMessage, job string) (string, []byte, error) {
	resp, err := h.postJSON(ctx, path, request, job)
	if err != nil {
		return "", nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", nil, h.readFailed(ctx, err)
	}
	name := filepath.Base(path)
	if _, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition")); err == nil && params["filename"] != "" {
		name = filepath.Base(params["filename"])
	}
	return name, data, nil
}

// Upload sends the files at paths as one multipart form to path (an
// /upload/… route with its query) and decodes the answer into out. The
// files are streamed, not read into memory first.
func (h *Host) Upload(ctx context.Context, path string, paths []string, job string, out any) error {
	// A file that cannot be read is the user's problem, said before
	// anything is sent (mid-stream it would look like a network failure).
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("open %s: %w", filepath.Base(p), err)
		}
		f.Close()
	}
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		pw.CloseWithError(writeParts(mw, paths))
	}()
	req, err := h.request(ctx, http.MethodPost, path, pr)
	if err != nil {
		pr.Close()
		return err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("X-MOpsDesk", "1")
	if job != "" {
		req.Header.Set(jobHeader, job)
	}
	resp, err := h.do(req)
	pr.Close()
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return h.readFailed(ctx, err)
	}
	return nil
}

func writeParts(mw *multipart.Writer, paths []string) error {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("open %s: %w", filepath.Base(p), err)
		}
		part, err := mw.CreateFormFile("files", filepath.Base(p))
		if err == nil {
			_, err = io.Copy(part, f)
		}
		f.Close()
		if err != nil {
			return err
		}
	}
	return mw.Close()
}

// Get fetches a path of the host (a stored file) with the session; the
// caller closes the body.
func (h *Host) Get(ctx context.Context, path string, header http.Header) (*http.Response, error) {
	req, err := h.request(ctx, http.MethodGet, path, nil)
	if err != nil {
		return nil, err
	}
	for _, k := range []string{"Range", "If-None-Match", "If-Modified-Since", "If-Range"} {
		if v := header.Get(k); v != "" {
			req.Header.Set(k, v)
		}
	}
	resp, err := h.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, backend.Canceled(ctx.Err())
		}
		return nil, unreachable(h.Address, err)
	}
	return resp, nil
}
