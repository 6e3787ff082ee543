package httpapi

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"mopsdesk/backend"
)

// crossSite reports why a request that may change something must be
// refused as coming from another web page ("" when it is ours). Serve
// mode has no login, so the browser's word on where a request comes from
// is all there is:
//
//   - Sec-Fetch-Site must be "same-origin" or "none" (typed by the user);
//     "same-site" is refused too, since every port of localhost is the
//     same site as ours but another origin.
//   - Origin, when sent, must be this server's own scheme and host:port.
//
// Requests without either header (curl, scripts, older browsers) are
// served: the JSON content type and the X-MOpsDesk header already keep
// plain cross-site forms out.
func crossSite(r *http.Request) string {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return ""
	}
	return foreignOrigin(r)
}

// foreignOrigin is crossSite's check of the browser's headers for any
// method: reading the event stream is checked like a change.
func foreignOrigin(r *http.Request) string {
	switch site := r.Header.Get("Sec-Fetch-Site"); site {
	case "", "same-origin", "none":
	default:
		return "Sec-Fetch-Site: " + site
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return ""
	}
	u, err := url.Parse(origin)
	if err != nil || !strings.EqualFold(u.Scheme, schemeOf(r)) || !strings.EqualFold(u.Host, r.Host) || u.Path != "" || u.User != nil {
		return "Origin: " + origin
	}
	return ""
}

// refuseCrossSite answers a request from another site with 403 and says
// so; it reports whether it did.
func refuseCrossSite(w http.ResponseWriter, r *http.Request) bool {
	why := crossSite(r)
	if why == "" {
		return false
	}
	writeError(w, http.StatusForbidden, backend.Errorf(backend.EINVALID,
		"MOps Desk refuses changes sent from another web site (%s). Open MOps Desk at %s://%s/ and make the change there.", why, schemeOf(r), r.Host))
	return true
}

// secureKey marks a request to a host reached over HTTPS (Options.Secure).
type secureKey struct{}

// withSecure marks r as reached over HTTPS, also when a TLS-terminating
// proxy on the same machine passed it on in plain HTTP: the browser's
// page, and so its Origin, is https all the same.
func withSecure(r *http.Request) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), secureKey{}, true))
}

// schemeOf is the scheme the browser used to reach this server.
func schemeOf(r *http.Request) string {
	if r.TLS != nil || r.Context().Value(secureKey{}) != nil {
		return "https"
	}
	return "http"
}
