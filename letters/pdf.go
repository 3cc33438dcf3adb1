package letters

import (
	"bytes"
	"fmt"
	"io"

	"github.com/signintech/gopdf"
)

// PDFOptions chooses how the PDF is set.
type PDFOptions struct {
	LargePrint bool // at least 16 pt throughout
}

// RenderPDF sets the letter on A4 as a UK business letter. It first checks
// that the fonts can show every character, and says which they cannot.
func RenderPDF(l Letter, opt PDFOptions) ([]byte, error) {
	l = composed(l)
	if err := CheckPrintable(l); err != nil {
		return nil, err
	}
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	m := metricsFor(opt.LargePrint)
	pages := markPages(layoutLetter(l, fs, opt.LargePrint), l, fs, m)

	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	pdf.SetInfo(gopdf.PdfInfo{Title: l.Subject, Creator: "Second Opinion"})
	if err := pdf.AddTTFFontFromFontContainer(familyRegular, fs.container); err != nil {
		return nil, err
	}
	if err := pdf.AddTTFFontFromFontContainer(familyBold, fs.container); err != nil {
		return nil, err
	}
	pdf.SetTextColor(0, 0, 0)
	var shaped []overlayLine
	for i, runs := range pages {
		pdf.AddPage()
		for _, r := range runs {
			if !fs.isSimple(r.text, r.bold) {
				line, err := shapeLine(r.text, r.bold)
				if err != nil {
					return nil, err
				}
				shaped = append(shaped, overlayLine{page: i, x: r.x, base: r.y + fs.ascent*r.size, size: r.size, text: r.text, line: line})
				continue
			}
			family := familyRegular
			if r.bold {
				family = familyBold
			}
			if err := pdf.SetFont(family, "", r.size); err != nil {
				return nil, err
			}
			pdf.SetXY(r.x, r.y)
			if err := pdf.Cell(nil, r.text); err != nil {
				return nil, err
			}
		}
		if len(pages) > 1 && i == 0 {
			if err := footer(pdf, fs, m, len(pages)); err != nil {
				return nil, err
			}
		}
	}
	if len(shaped) > 0 {
		if err := layOver(pdf, shaped, len(pages)); err != nil {
			return nil, err
		}
	}
	return pdf.GetBytesPdfReturnErr()
}

// layOver draws the shaped lines over their pages (see overlay.go).
func layOver(pdf *gopdf.GoPdf, lines []overlayLine, pages int) (err error) {
	over, err := overlayPDF(lines, pages)
	if err != nil {
		return err
	}
	// gopdf's importer panics on a PDF it cannot read; ours is always
	// readable, but a panic must not take the program down with it.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the letter's text in other scripts could not be placed: %v", p)
		}
	}()
	used := map[int]bool{}
	for _, l := range lines {
		used[l.page] = true
	}
	rs := io.ReadSeeker(bytes.NewReader(over))
	for p := range pages {
		if !used[p] {
			continue
		}
		if err := pdf.SetPage(p + 1); err != nil {
			return err
		}
		tpl := pdf.ImportPageStream(&rs, p+1, "/MediaBox")
		pdf.UseImportedTemplate(tpl, 0, 0, pageW, pageH)
	}
	return nil
}

// footer centres "Page 1 of M" at the foot of the first page, so a reader
// knows more follows; the other pages say so at their head.
func footer(pdf *gopdf.GoPdf, fs *fontSet, m metrics, total int) error {
	text := fmt.Sprintf("Page 1 of %d", total)
	if err := pdf.SetFont(familyRegular, "", m.footer); err != nil {
		return err
	}
	pdf.SetXY((pageW-fs.regular.measure(text, m.footer))/2, footY-m.footer/2)
	return pdf.Cell(nil, text)
}
