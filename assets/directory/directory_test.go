package directory

import "testing"

func TestLoad(t *testing.T) {
	f, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if f.LastVerified == "" || f.Check == "" {
		t.Errorf("no date or warning: %+v", f)
	}
	for _, b := range f.Bodies {
		if b.Key == "" || b.Organisation == "" || b.Role == "" || b.About == "" || len(b.Nations) == 0 {
			t.Errorf("incomplete body: %+v", b)
		}
	}
}
