package api_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strings"
	"sync"
	"testing"
	"time"

	"mopsdesk/backend/api"
	"mopsdesk/backend/files"
)

// A panic while making a preview (here: previews with no folder behind
// them) happens on the background worker, where it would end the whole
// app: it is logged and the worker goes on with the next file.
func TestPreviews_PanicIsLoggedNotFatal(t *testing.T) {
	var logs syncBuffer
	a, _ := newAPIWith(t, &logs, func(s *api.Services) { s.Thumbs = &files.Thumbs{} })
	for i := 0; i < 2; i++ {
		var buf bytes.Buffer
		png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 10+i, 10)))
		if _, err := a.Files.AddAsset(context.Background(), "photo.png", &buf, ""); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; a.Assets.PreviewsPending(context.Background()) > 0; i++ {
		if i > 600 {
			t.Fatal("previews never finished")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if n := strings.Count(logs.String(), `msg="preview failed"`); n != 2 || !strings.Contains(logs.String(), "stack=") {
		t.Fatalf("%d failures logged: %s", n, logs.String())
	}
}

// syncBuffer is a log the worker goroutine writes while the test reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
