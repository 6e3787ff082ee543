package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/chart"
	"mopsdesk/backend/files"
	"mopsdesk/backend/sqlite"
	"mopsdesk/backend/workspace"
)

func mustFiles(t testing.TB) *files.Store {
	t.Helper()
	s, err := files.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func newAPI(t testing.TB, logs io.Writer) (*api.API, *sqlite.DB) {
	t.Helper()
	return newAPIWith(t, logs, func(*api.Services) {})
}

// newAPIWith is newAPI with the services adjusted by change first.
func newAPIWith(t testing.TB, logs io.Writer, change func(*api.Services)) (*api.API, *sqlite.DB) {
	t.Helper()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "api.db"))
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	services, err := workspace.Services(db, mustFiles(t))
	if err != nil {
		t.Fatal(err)
	}
	services.Now = func() time.Time { return time.Date(2026, 11, 23, 23, 30, 0, 0, time.UTC) }
	services.Log = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	change(&services)
	return api.New(services), db
}

func TestFormatError(t *testing.T) {
	t.Run("Invalid", func(t *testing.T) {
		fe := backend.FieldErrors{}
		fe.Add("endDate", "campaign.end_before_start", nil)
		p := api.FormatError(fmt.Errorf("create campaign: %w", fe.Err("campaign")))
		b, _ := json.Marshal(p)
		if string(b) != `{"code":"invalid","message":"The campaign has fields that need attention.","fields":{"endDate":{"key":"campaign.end_before_start"}}}` {
			t.Fatalf("payload %s", b)
		}
	})
	t.Run("InternalDoesNotLeak", func(t *testing.T) {
		p := api.FormatError(errors.New("sqlite: disk I/O error at /home/dana/.local/share/mopsdesk/mopsdesk.db"))
		if p.Code != backend.EINTERNAL || strings.Contains(p.Message, "/home/") || strings.Contains(p.Message, "sqlite") {
			t.Fatalf("payload %+v", p)
		}
	})
}

func TestCampaigns_ExportPagesThroughEverything(t *testing.T) {
	var logs bytes.Buffer
	a, _ := newAPI(t, &logs)
	const n = backend.MaxPageSize*2 + 7
	for i := 0; i < n; i++ {
		_, err := a.Campaigns.Create(context.Background(), backend.Campaign{Name: fmt.Sprintf("C%04d", i), Status: backend.StatusPlanned,
			StartDate: "2026-01-01", EndDate: "2026-01-02", Budget: backend.Money{Currency: "USD"}})
		if err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := a.Exports.Campaigns(context.Background(), api.CampaignsRequest{}, &buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Campaigns")
	if len(rows) != n+1 {
		t.Fatalf("export has %d rows, want %d campaigns + header", len(rows), n)
	}
	if a.Exports.CampaignsFileName() != "campaigns-"+backend.Today(time.Date(2026, 11, 23, 23, 30, 0, 0, time.UTC))+".xlsx" {
		t.Fatalf("file name %q", a.Exports.CampaignsFileName())
	}
	if !strings.Contains(logs.String(), "method=Exports.Campaigns") {
		t.Fatalf("calls are not logged at debug level:\n%s", logs.String())
	}
}

func TestCharts_CampaignsByMonth(t *testing.T) {
	a, _ := newAPI(t, io.Discard)
	if _, err := a.Campaigns.Create(context.Background(), backend.Campaign{Name: "Launch", Status: backend.StatusLive,
		StartDate: "2026-03-01", EndDate: "2026-04-30", Budget: backend.Money{Currency: "USD"}}); err != nil {
		t.Fatal(err)
	}
	raw, err := a.Charts.CampaignsByMonth(context.Background(), 2026, chart.Labels{})
	if err != nil {
		t.Fatal(err)
	}
	var opt struct {
		Series []struct {
			Name string
			Data []struct{ Value int }
		}
	}
	if err := json.Unmarshal(raw, &opt); err != nil || len(opt.Series) != 1 || opt.Series[0].Name != "Live" {
		t.Fatalf("option %s (%v)", raw, err)
	}
	got := []int{}
	for _, d := range opt.Series[0].Data {
		got = append(got, d.Value)
	}
	if fmt.Sprint(got) != "[0 0 1 1 0 0 0 0 0 0 0 0]" {
		t.Fatalf("live per month = %v", got)
	}
	_, err = a.Charts.CampaignsByMonth(context.Background(), 20260, chart.Labels{})
	if backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("year 20260: %v", err)
	}
}

func TestInternalErrorsAreLogged(t *testing.T) {
	var logs bytes.Buffer
	a, db := newAPI(t, &logs)
	db.Close() // the disk went away
	_, err := a.Campaigns.Find(context.Background(), backend.CampaignFilter{})
	if backend.ErrorCode(err) != backend.EINTERNAL {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(logs.String(), "level=ERROR") || !strings.Contains(logs.String(), "Campaigns.Find") {
		t.Fatalf("internal error not logged:\n%s", logs.String())
	}
}

// BenchmarkFindCampaignsPage measures one page of the list view over a
// large workspace (10,000 campaigns), the call the UI makes on every
// filter change.
func BenchmarkFindCampaignsPage(b *testing.B) {
	a, db := newAPI(b, io.Discard)
	svc := sqlite.NewCampaignService(db)
	ctx := context.Background()
	for i := 0; i < 10_000; i++ {
		day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%365)
		c := &backend.Campaign{Name: fmt.Sprintf("Campaign %05d", i), Status: backend.CampaignStatuses[i%6],
			StartDate: day.Format(backend.DayLayout), EndDate: day.AddDate(0, 0, 14).Format(backend.DayLayout),
			Budget: backend.Money{Amount: int64(i) * 100, Currency: "USD"}}
		if err := svc.CreateCampaign(ctx, c); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		page, err := a.Campaigns.Find(context.Background(), backend.CampaignFilter{Search: "campaign 0", Sort: backend.SortByName, Offset: 50, Limit: 50})
		if err != nil || len(page.Campaigns) != 50 {
			b.Fatalf("%v %v", page, err)
		}
	}
}

func TestPreviewsAreMadeInTheBackground(t *testing.T) {
	a, _ := newAPI(t, io.Discard)
	var shas []string
	for i := 0; i < 3; i++ {
		var buf bytes.Buffer
		png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 400+i, 300)))
		res, err := a.Files.AddAsset(context.Background(), fmt.Sprintf("photo-%d.png", i), &buf, "")
		if err != nil {
			t.Fatal(err)
		}
		shas = append(shas, res.Asset.Versions[0].SHA256)
	}
	for i := 0; a.Assets.PreviewsPending(context.Background()) > 0; i++ {
		if i > 600 {
			t.Fatal("previews never finished")
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, sum := range shas {
		p, err := a.Thumbs.Path(sum)
		if err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Fatalf("preview of %s: %v", sum, err)
		}
	}
}
