package files

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // registers GIF decoding
	"image/jpeg"
	_ "image/png" // registers PNG decoding
	"io"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // registers WebP decoding
)

// MaxPixels bounds the images we decode: a header that claims more (a
// decompression bomb) is refused before any pixel is read.
const MaxPixels = 50_000_000

// ErrNotImage means the bytes are not an image we preview.
var ErrNotImage = errors.New("not a JPEG, PNG, GIF or WebP image")

// ImageSize reads only an image's header and returns its dimensions,
// refusing sizes above MaxPixels. A decoder panic on a malformed header
// (golang.org/x/image has had them) becomes an error, never a crash.
func ImageSize(r io.Reader) (w, h int, err error) {
	defer func() {
		if p := recover(); p != nil {
			w, h, err = 0, 0, fmt.Errorf("the image is damaged: %v", p)
		}
	}()
	cfg, _, err := image.DecodeConfig(r)
	if err != nil {
		return 0, 0, ErrNotImage
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return cfg.Width, cfg.Height, fmt.Errorf("image of %d×%d pixels is too large to preview", cfg.Width, cfg.Height)
	}
	return cfg.Width, cfg.Height, nil
}

// Thumbnail decodes an image and returns a JPEG no larger than maxSide on
// either side. The header is checked first (see ImageSize); a decoder
// panic on a malformed file becomes an error, never a crash.
func Thumbnail(data []byte, maxSide int) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("the image is damaged: %v", r)
		}
	}()
	if _, _, err := ImageSize(bytes.NewReader(data)); err != nil {
		return nil, err
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("the image is damaged or cut off: %w", err)
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if w > maxSide || h > maxSide {
		if w >= h {
			w, h = maxSide, max(1, h*maxSide/w)
		} else {
			w, h = max(1, w*maxSide/h), maxSide
		}
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src) // transparent areas on white
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Over, nil)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 82}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
