package store

import (
	"os"
	"path/filepath"
	"runtime"
)

// AppFolder is the folder name inside the user's data folder.
const AppFolder = "SecondOpinion"

// DefaultDir is where the user's own records live: the platform's folder
// for application data ($XDG_DATA_HOME or ~/.local/share on Linux,
// Application Support on macOS, AppData on Windows).
func DefaultDir() (string, error) {
	if runtime.GOOS == "linux" || runtime.GOOS == "freebsd" || runtime.GOOS == "openbsd" {
		if xdg := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(xdg) {
			return filepath.Join(xdg, AppFolder), nil
		}
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, ".local", "share", AppFolder), nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, AppFolder), nil
}

// ExampleDir is the separate folder for the example caseload a new user
// may look around in, so it never mixes with their real records.
func ExampleDir(dataDir string) string {
	return filepath.Join(filepath.Dir(dataDir), AppFolder+" example")
}
