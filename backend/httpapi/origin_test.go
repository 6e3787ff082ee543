package httpapi_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"mopsdesk/backend/api"
)

// A request that changes something is refused when the browser says it
// comes from another site (or another port of this machine, which is the
// same site but another origin); our own page and non-browser clients
// are served.
func TestServer_RefusesOtherOrigins(t *testing.T) {
	srv := newServer(t)
	own := srv.URL // http://127.0.0.1:PORT
	send := func(method, path string, header map[string]string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(`[{"name":"Launch","status":"planned","startDate":"2026-03-01","endDate":"2026-03-31","budget":{"currency":"EUR"}}]`))
		req.Header.Set("Content-Type", "application/json")
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	refused := []map[string]string{
		{"Origin": "https://evil.example"},
		{"Origin": "http://localhost:3000"},
		{"Origin": strings.Replace(own, "http://", "https://", 1)},
		{"Origin": "null"},
		{"Origin": own + ".evil.example"},
		{"Sec-Fetch-Site": "cross-site"},
		{"Sec-Fetch-Site": "same-site"},
		{"Sec-Fetch-Site": "cross-site", "Origin": own},
		{"Sec-Fetch-Site": "same-origin", "Origin": "https://evil.example"},
	}
	for _, h := range refused {
		code, body := send("POST", "/api/Campaigns/Create", h)
		var e api.ErrorPayload
		if err := json.Unmarshal([]byte(body), &e); err != nil || code != http.StatusForbidden || e.Code != "invalid" || !strings.Contains(e.Message, "another web site") {
			t.Errorf("%v: %d %s", h, code, body)
		}
	}
	if code, body := send("POST", "/upload/import", map[string]string{"X-MOpsDesk": "1", "Origin": "https://evil.example"}); code != http.StatusForbidden {
		t.Errorf("an upload from another site: %d %s", code, body)
	}
	served := []map[string]string{
		{},
		{"Origin": own},
		{"Origin": strings.ToUpper(own[:4]) + own[4:]},
		{"Sec-Fetch-Site": "same-origin", "Origin": own},
		{"Sec-Fetch-Site": "none"},
	}
	for _, h := range served {
		if code, body := send("POST", "/api/Campaigns/Create", h); code != http.StatusOK {
			t.Errorf("%v: %d %s", h, code, body)
		}
	}
	// Reading is not refused: the page itself loads from any link.
	if code, body := send("GET", "/", map[string]string{"Sec-Fetch-Site": "cross-site"}); code != http.StatusOK {
		t.Errorf("GET from a link: %d %s", code, body)
	}
}
