// Command icons makes, from the program's 512-pixel icon, what the
// packages need beside it: PNGs at the usual sizes in a hicolor theme tree
// for Linux, and a Windows .ico. Fyne's packaging tool takes one icon and
// makes neither.
//
//	go run ./packaging/icons -png DIR -name ID -ico FILE.ico
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"image"
	"image/png"
	"log"
	"os"
	"path/filepath"

	"golang.org/x/image/draw"
)

// Sizes are those desktops look for in hicolor; the .ico takes the
// Windows ones.
var (
	pngSizes = []int{16, 22, 24, 32, 48, 64, 128, 256, 512}
	icoSizes = []int{16, 24, 32, 48, 64, 256}
)

func main() {
	log.SetFlags(0)
	src := flag.String("src", "assets/icon.png", "the icon to scale")
	pngDir := flag.String("png", "", "write DIR/NxN/apps/NAME.png for each size")
	name := flag.String("name", "", "the icon's name (the program's id)")
	icoPath := flag.String("ico", "", "write a Windows icon here")
	flag.Parse()
	f, err := os.Open(*src)
	if err != nil {
		log.Fatal(err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		log.Fatal(err)
	}
	if *pngDir != "" {
		if *name == "" {
			log.Fatal("-png needs -name")
		}
		for _, n := range pngSizes {
			dir := filepath.Join(*pngDir, fmt.Sprintf("%dx%d", n, n), "apps")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				log.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, *name+".png"), encode(scale(img, n)), 0o644); err != nil {
				log.Fatal(err)
			}
		}
	}
	if *icoPath != "" {
		if err := os.WriteFile(*icoPath, ico(img), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

func scale(img image.Image, n int) image.Image {
	if img.Bounds().Dx() == n && img.Bounds().Dy() == n {
		return img
	}
	dst := image.NewRGBA(image.Rect(0, 0, n, n))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
	return dst
}

func encode(img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		log.Fatal(err)
	}
	return b.Bytes()
}

// ico writes an icon file whose images are PNGs, as Windows has read
// since Vista: a header, one directory entry per size, then the images.
func ico(img image.Image) []byte {
	var imgs [][]byte
	for _, n := range icoSizes {
		imgs = append(imgs, encode(scale(img, n)))
	}
	var b bytes.Buffer
	le := binary.LittleEndian
	binary.Write(&b, le, [3]uint16{0, 1, uint16(len(imgs))}) // reserved, type icon, count
	offset := 6 + 16*len(imgs)
	for i, n := range icoSizes {
		side := uint8(n)
		if n >= 256 {
			side = 0 // 0 means 256
		}
		binary.Write(&b, le, struct {
			W, H, Colours, Reserved uint8
			Planes, Bits            uint16
			Size, Offset            uint32
		}{side, side, 0, 0, 1, 32, uint32(len(imgs[i])), uint32(offset)})
		offset += len(imgs[i])
	}
	for _, p := range imgs {
		b.Write(p)
	}
	return b.Bytes()
}
