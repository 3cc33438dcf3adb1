package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/png" // pdftoppm writes PNG
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/letters"
)

// previewPane shows the first page as it will print: the PDF drawn by
// pdftoppm when the computer has it, otherwise the letter's plain text,
// with a line saying which.
type previewPane struct {
	s     *shell
	image *canvas.Image
	text  *widget.Label
	note  *widget.Label
	stack *fyne.Container
	frame *canvas.Rectangle // the page's edge, seen on a light background
	gen   int               // the latest request; older results are dropped
}

func newPreviewPane(s *shell) *previewPane {
	p := &previewPane{s: s}
	p.image = canvas.NewImageFromImage(nil)
	p.image.FillMode = canvas.ImageFillContain
	p.image.ScaleMode = canvas.ImageScaleSmooth
	p.text = widget.NewLabel("")
	p.text.Wrapping = fyne.TextWrapWord
	p.note = quiet("Drawing the page…")
	p.stack = container.NewStack()
	p.frame = canvas.NewRectangle(color.Transparent)
	p.frame.StrokeColor = theme.Color(theme.ColorNameSeparator)
	p.frame.StrokeWidth = 1
	return p
}

// a4 lays out a page and its frame at the shape of A4, centred.
type a4 struct{}

func (a4) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(210, 297) }

func (a4) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w, h := size.Width, size.Width*297/210
	if h > size.Height {
		w, h = size.Height*210/297, size.Height
	}
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos((size.Width-w)/2, (size.Height-h)/2))
	}
}

func (p *previewPane) content() fyne.CanvasObject {
	return container.NewBorder(nil, p.note, nil, nil, p.stack)
}

// show renders the letter's first page in the background.
func (p *previewPane) show(l letters.Letter, large bool) {
	p.gen++
	gen := p.gen
	tool, _ := exec.LookPath("pdftoppm")
	background(p.s, func(ctx context.Context) (image.Image, error) {
		pdf, err := letters.RenderPDF(l, letters.PDFOptions{LargePrint: large})
		if err != nil {
			return nil, pdfError(err)
		}
		if tool == "" {
			return nil, nil
		}
		return firstPage(ctx, tool, pdf)
	}, func(img image.Image) {
		if gen != p.gen {
			return
		}
		if img == nil {
			p.text.SetText(letters.RenderText(l))
			p.stack.Objects = []fyne.CanvasObject{container.NewVScroll(p.text)}
			p.note.SetText("A text preview: the printed page is laid out as an A4 letter.")
		} else {
			p.image.Image = img
			p.image.Refresh()
			p.stack.Objects = []fyne.CanvasObject{container.New(a4{}, p.image, p.frame)}
			p.note.SetText("The first page, as it will print.")
		}
		p.stack.Refresh()
	})
}

// previewRoot is this user's own folder for the letter PDFs pdftoppm
// reads: a letter names a person and their illness, so it is never left
// loose in the shared temporary folder, and what a crash left is found by
// name and removed at the next start (removeOldPreviews).
func previewRoot() (string, error) {
	root := filepath.Join(os.TempDir(), fmt.Sprintf("secondopinion-previews-%d", os.Getuid()))
	if err := os.Mkdir(root, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", err
	}
	// Someone else may have made the name first, or left a link there.
	info, err := os.Lstat(root)
	if err != nil {
		return "", err
	}
	if !info.IsDir() || !ownedByMe(info) {
		return "", fmt.Errorf("%s is not this user's own private folder", root)
	}
	return root, nil
}

// previewsKeptFor is how long a preview's folder may stand before it is
// taken for a crash's leftover: drawing one takes a second or two.
const previewsKeptFor = 10 * time.Minute

// removeOldPreviews deletes the letter previews an earlier run left behind
// when it stopped without tidying up.
func removeOldPreviews() {
	root, err := previewRoot()
	if err != nil {
		return
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > previewsKeptFor {
			os.RemoveAll(filepath.Join(root, e.Name()))
		}
	}
}

// firstPage draws page one of a PDF with pdftoppm. A failure gives no
// image, not an error: the text preview stands in.
func firstPage(ctx context.Context, tool string, pdf []byte) (image.Image, error) {
	root, err := previewRoot()
	if err != nil {
		return nil, nil
	}
	dir, err := os.MkdirTemp(root, "letter-")
	if err != nil {
		return nil, nil
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "letter.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		return nil, nil
	}
	out := filepath.Join(dir, "page")
	cmd := exec.CommandContext(ctx, tool, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", in, out)
	if err := cmd.Run(); err != nil {
		return nil, nil
	}
	b, err := os.ReadFile(out + ".png")
	if err != nil {
		return nil, nil
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, nil
	}
	return img, nil
}
