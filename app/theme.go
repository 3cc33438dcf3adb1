package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// calmTheme is Fyne's theme with a softer primary colour, the user's
// choice of light or dark, and larger text for those who need it.
type calmTheme struct {
	variant *fyne.ThemeVariant // nil follows the system
	scale   float32
}

func newCalmTheme(variant, textSize string) *calmTheme {
	t := &calmTheme{scale: 1}
	switch variant {
	case "light":
		v := theme.VariantLight
		t.variant = &v
	case "dark":
		v := theme.VariantDark
		t.variant = &v
	}
	switch textSize {
	case "large":
		t.scale = 1.2
	case "larger":
		t.scale = 1.45
	}
	return t
}

var (
	tealLight = color.NRGBA{R: 0x1f, G: 0x6f, B: 0x78, A: 0xff}
	tealDark  = color.NRGBA{R: 0x5f, G: 0xb8, B: 0xc2, A: 0xff}
)

func (t *calmTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.variant != nil {
		v = *t.variant
	}
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink, theme.ColorNameFocus:
		c := tealLight
		if v == theme.VariantDark {
			c = tealDark
		}
		if n == theme.ColorNameFocus {
			c.A = 0x55
		}
		return c
	case theme.ColorNameSelection:
		c := tealLight
		if v == theme.VariantDark {
			c = tealDark
		}
		c.A = 0x40
		return c
	case theme.ColorNameDisabled:
		// Quiet text uses this colour: keep it easy to read.
		if v == theme.VariantDark {
			return color.NRGBA{R: 0x9a, G: 0x9a, B: 0x9a, A: 0xff}
		}
		return color.NRGBA{R: 0x6a, G: 0x6a, B: 0x6a, A: 0xff}
	case theme.ColorNameForegroundOnPrimary:
		if v == theme.VariantDark {
			return color.NRGBA{R: 0x10, G: 0x1c, B: 0x1e, A: 0xff}
		}
		return color.White
	}
	return theme.DefaultTheme().Color(n, v)
}

func (t *calmTheme) Font(s fyne.TextStyle) fyne.Resource     { return theme.DefaultTheme().Font(s) }
func (t *calmTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *calmTheme) Size(n fyne.ThemeSizeName) float32 {
	s := theme.DefaultTheme().Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return s * t.scale
	}
	return s
}
