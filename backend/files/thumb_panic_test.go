package files

import (
	"bytes"
	"image"
	"io"
	"strings"
	"testing"
)

// A decoder that panics, as golang.org/x/image's WebP decoder has done on
// malformed files: registered for the magic "PANIC!" in these tests only.
func init() {
	image.RegisterFormat("panicky", "PANIC!",
		func(io.Reader) (image.Image, error) { panic("decoder bug") },
		func(io.Reader) (image.Config, error) { panic("decoder bug") })
}

func TestImageSize_DecoderPanicIsAnError(t *testing.T) {
	data := []byte("PANIC! not really an image")
	if _, _, err := ImageSize(bytes.NewReader(data)); err == nil || !strings.Contains(err.Error(), "decoder bug") {
		t.Fatalf("ImageSize: %v", err)
	}
	if _, err := Thumbnail(data, 64); err == nil {
		t.Fatal("Thumbnail: want an error")
	}
}
