// Package assets holds what the program embeds: its icon, and (in
// sub-packages) the data the rules ship with.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the program's icon: two pages on a teal tile, the front one
// ticked. assets/icon_gen.go draws it.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
