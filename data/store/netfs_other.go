//go:build !linux && !darwin

package store

import "strings"

// networkDrive recognises a Windows network path (\\server\share).
func networkDrive(dir string) string {
	if strings.HasPrefix(dir, `\\`) || strings.HasPrefix(dir, "//") {
		return "network share"
	}
	return ""
}
