//go:build smoke

package main

import (
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRealWindow opens the real program on a demo folder under Xvfb (make
// smoke runs it inside xvfb-run), waits for its window, and checks that the
// screen shows more than a blank window.
func TestRealWindow(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Fatal("no DISPLAY: run this test with xvfb-run (make smoke)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "secondopinion")
	run(t, "go", "build", "-o", bin, ".")
	data := filepath.Join(dir, "data")
	run(t, bin, "demo", "-data", data, "-clients", "500")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	prog := exec.CommandContext(ctx, bin, "-data", data)
	prog.Env = append(os.Environ(), "HOME="+dir, "XDG_DATA_HOME="+filepath.Join(dir, "xdg"))
	var stderr strings.Builder
	prog.Stderr = &stderr
	if err := prog.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- prog.Wait() }()

	found := make(chan string, 1)
	go func() {
		out, _ := exec.Command("xdotool", "search", "--sync", "--onlyvisible", "--name", "^Second Opinion").Output()
		found <- strings.TrimSpace(string(out))
	}()
	select {
	case id := <-found:
		if id == "" {
			t.Fatal("xdotool found no window")
		}
	case err := <-exited:
		t.Fatalf("the program exited before showing a window: %v\n%s", err, stderr.String())
	case <-time.After(90 * time.Second):
		t.Fatalf("no window titled Second Opinion within 90 s\n%s", stderr.String())
	}

	time.Sleep(3 * time.Second) // let it draw the first screen
	shot := filepath.Join(dir, "screen.png")
	run(t, "import", "-window", "root", shot)
	if colours := distinctColours(t, shot); colours < 50 {
		t.Errorf("the screen shows only %d colours: the window looks blank", colours)
	}
	if out := os.Getenv("SMOKE_SCREENSHOT"); out != "" {
		b, _ := os.ReadFile(shot)
		os.WriteFile(out, b, 0o644)
	}
	select {
	case err := <-exited:
		t.Fatalf("the program exited while showing its window: %v\n%s", err, stderr.String())
	default:
	}
}

func run(t *testing.T, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

func distinctColours(t *testing.T, path string) int {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
		}
	}
	return len(seen)
}
