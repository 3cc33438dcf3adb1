// Package holidays ships the UK bank holidays as data, with their source
// and the date they were last checked, and the statutory rules that
// project them for years the data does not cover.
package holidays

import (
	"embed"
	"encoding/json"
	"fmt"
)

//go:generate go run ./gen -o uk-bank-holidays.json

//go:embed *.json
var files embed.FS

// The divisions GOV.UK publishes; Wales shares England's list.
const (
	EnglandAndWales = "england-and-wales"
	Scotland        = "scotland"
	NorthernIreland = "northern-ireland"
)

// Divisions lists them in GOV.UK's order.
var Divisions = []string{EnglandAndWales, Scotland, NorthernIreland}

// Holiday is one bank holiday: an ISO date and its name.
type Holiday struct {
	Date  string `json:"date"`
	Title string `json:"title"`
}

// File is the shipped data.
type File struct {
	Source        string               `json:"source"`
	LastVerified  string               `json:"last_verified"`
	ProjectedFrom string               `json:"projected_from"`
	Note          string               `json:"note"`
	FirstYear     int                  `json:"first_year"`
	LastYear      int                  `json:"last_year"`
	Divisions     map[string][]Holiday `json:"divisions"`
}

// Load reads the embedded data.
func Load() (File, error) {
	var f File
	b, err := files.ReadFile("uk-bank-holidays.json")
	if err != nil {
		return f, err
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return f, fmt.Errorf("bank holiday data: %w", err)
	}
	for _, d := range Divisions {
		if len(f.Divisions[d]) == 0 {
			return f, fmt.Errorf("bank holiday data: no dates for %s", d)
		}
	}
	return f, nil
}
