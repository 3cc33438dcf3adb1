package letters

import (
	"fmt"

	"github.com/signintech/gopdf"
)

// PDFOptions chooses how the PDF is set.
type PDFOptions struct {
	LargePrint bool // at least 16 pt throughout
}

// RenderPDF sets the letter on A4 as a UK business letter. It first checks
// that the font can show every character, and says which one it cannot.
func RenderPDF(l Letter, opt PDFOptions) ([]byte, error) {
	l = composed(l)
	if err := CheckPrintable(l); err != nil {
		return nil, err
	}
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	pages := layoutLetter(l, fs, opt.LargePrint)
	m := metricsFor(opt.LargePrint)

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
	for i, runs := range pages {
		pdf.AddPage()
		for _, r := range runs {
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
		if len(pages) > 1 {
			if err := footer(pdf, fs, m, i+1, len(pages)); err != nil {
				return nil, err
			}
		}
	}
	return pdf.GetBytesPdfReturnErr()
}

// footer centres "Page N of M" at the foot of the page.
func footer(pdf *gopdf.GoPdf, fs *fontSet, m metrics, n, total int) error {
	text := fmt.Sprintf("Page %d of %d", n, total)
	if err := pdf.SetFont(familyRegular, "", m.footer); err != nil {
		return err
	}
	pdf.SetXY((pageW-fs.regular.measure(text, m.footer))/2, footY-m.footer/2)
	return pdf.Cell(nil, text)
}
