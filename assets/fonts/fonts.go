// Package fonts holds the Noto fonts for the scripts the letters can set
// beyond Latin, Greek and Cyrillic (which Fyne's own Noto Sans covers).
// They come unchanged from Debian's fonts-noto-core package and are
// licensed under the SIL Open Font License 1.1 (OFL.txt, beside them).
// Only the glyphs a letter uses go into its PDF.
package fonts

import "embed"

// Files holds NotoSans<Script>-Regular.ttf and NotoSans<Script>-Bold.ttf.
//
//go:embed *.ttf
var Files embed.FS
