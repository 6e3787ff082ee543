package files

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"testing"
)

func pngBytes(t testing.TB, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, x%h, color.RGBA{200, 30, 30, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bombPNG is a valid PNG header claiming 100,000 × 100,000 pixels.
func bombPNG() []byte {
	var buf bytes.Buffer
	buf.Write([]byte("\x89PNG\r\n\x1a\n"))
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], 100_000)
	binary.BigEndian.PutUint32(ihdr[4:], 100_000)
	ihdr[8], ihdr[9] = 8, 6 // 8-bit RGBA
	binary.Write(&buf, binary.BigEndian, uint32(len(ihdr)))
	chunk := append([]byte("IHDR"), ihdr...)
	buf.Write(chunk)
	binary.Write(&buf, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return buf.Bytes()
}

func TestThumbnail(t *testing.T) {
	out, err := Thumbnail(pngBytes(t, 1200, 600), 256)
	if err != nil {
		t.Fatal(err)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(out))
	if err != nil || format != "jpeg" || cfg.Width != 256 || cfg.Height != 128 {
		t.Fatalf("%s %dx%d %v", format, cfg.Width, cfg.Height, err)
	}
	if _, err := Thumbnail(bombPNG(), 256); err == nil {
		t.Fatal("a header claiming 10^10 pixels must be refused before decoding")
	}
	whole := pngBytes(t, 300, 300)
	if _, err := Thumbnail(whole[:len(whole)/2], 256); err == nil {
		t.Fatal("a truncated image must be an error")
	}
	if _, err := Thumbnail([]byte("%PDF-1.4"), 256); err != ErrNotImage {
		t.Fatalf("a PDF: %v", err)
	}
}

func FuzzThumbnail(f *testing.F) {
	f.Add(pngBytes(f, 8, 8))
	f.Add(bombPNG())
	f.Add([]byte("GIF89a\x01\x00\x01\x00"))
	f.Add([]byte("RIFF\x00\x00\x00\x00WEBPVP8 "))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := Thumbnail(data, 64)
		if err == nil {
			if cfg, _, derr := image.DecodeConfig(bytes.NewReader(out)); derr != nil || cfg.Width > 64 || cfg.Height > 64 {
				t.Fatalf("thumbnail is not a small JPEG: %v %+v", derr, cfg)
			}
		}
	})
}
