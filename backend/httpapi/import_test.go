package httpapi_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"mopsdesk/backend/sheet"
)

// uploadImport sends a spreadsheet the way the Import page does and
// returns its token.
func uploadImport(t *testing.T, srv *httptest.Server, name, data string) string {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("files", name)
	fw.Write([]byte(data))
	mw.Close()
	req, _ := http.NewRequest("POST", srv.URL+"/upload/import", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("X-MOpsDesk", "1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out []struct{ Token string }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || len(out) != 1 {
		t.Fatalf("upload: %d %v %+v", resp.StatusCode, err, out)
	}
	return out[0].Token
}

// An amount cell with a Turkish İ once panicked in the handler and the
// browser saw the connection drop; a fault of ours now answers with an
// error naming the cell.
func TestServer_ImportFaults(t *testing.T) {
	srv := newServer(t)
	csv := "Date,Amount,Team,Category\n2025-03-01,500,Brand,Ads\n2025-03-02,İptal 500,Brand,Ads\n"
	tok := uploadImport(t, srv, "spend.csv", csv)
	body := `[{"token":"` + tok + `","options":{"kind":"spend"}}]`
	resp, b := post(t, srv, "/api/Imports/Preview", body)
	var preview struct {
		Create   int
		Problems []struct{ Column, Key string }
	}
	if err := json.Unmarshal(b, &preview); err != nil || resp.StatusCode != 200 || preview.Create != 1 || len(preview.Problems) != 1 || preview.Problems[0].Column != "B" {
		t.Fatalf("preview %d %s", resp.StatusCode, b)
	}

	sheet.TestHookValue = func(field, text string) {
		if field == "amount" && text == "500" {
			panic("injected fault")
		}
	}
	t.Cleanup(func() { sheet.TestHookValue = nil })
	resp, b = post(t, srv, "/api/Imports/Commit", body)
	var e struct {
		Code, Message string
		Fields        map[string]struct {
			Key    string
			Params map[string]any
		}
	}
	if err := json.Unmarshal(b, &e); err != nil || resp.StatusCode != http.StatusInternalServerError || e.Code != "internal" ||
		e.Fields["file"].Key != "import.crashed_cell" || e.Fields["file"].Params["column"] != "B" || e.Fields["file"].Params["row"] != 2.0 ||
		!strings.Contains(e.Message, "row 2, column B (injected fault)") {
		t.Fatalf("commit %d %s", resp.StatusCode, b)
	}
}
