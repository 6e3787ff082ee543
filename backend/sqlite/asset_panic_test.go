package sqlite_test

import (
	"bytes"
	"context"
	"image"
	"io"
	"testing"
)

// A BMP decoder that panics (none is registered otherwise): adding such a
// file must store it with a note, not take the app down.
func init() {
	image.RegisterFormat("bmp-that-panics", "BM",
		func(io.Reader) (image.Image, error) { panic("decoder bug") },
		func(io.Reader) (image.Config, error) { panic("decoder bug") })
}

func TestAssetService_AddImageWhoseDecoderPanics(t *testing.T) {
	_, s := newAssets(t)
	res, err := s.AddAssetFile(context.Background(), "scan.bmp", bytes.NewReader([]byte("BM\x36\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00")), "")
	if err != nil || res.Asset == nil {
		t.Fatalf("%+v %v", res, err)
	}
	v := res.Asset.Versions[0]
	if v.ContentType != "image/bmp" || v.Width != 0 || v.Note == "" {
		t.Fatalf("version %+v", v)
	}
}
