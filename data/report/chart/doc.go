// Package chart draws the report's charts as pictures, in Go, with no
// window: requests opened per month, and how requests ended. The UI shows
// them with canvas.NewImageFromImage; the report command saves them as PNG.
//
// Sizes are in real pixels. Text and lines grow with the picture, so a
// chart drawn at twice the size is the same chart, sharper: draw at the
// window's scale for a crisp result on a high-density screen.
package chart
