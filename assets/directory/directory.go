// Package directory ships the national bodies every user of the program
// needs (the ombudsmen, complaints advocacy, the national specialist
// services) as data, with the date they were last checked.
package directory

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
)

//go:embed national.json
var nationalJSON []byte

// File is the shipped data.
type File struct {
	LastVerified string `json:"last_verified"` // ISO date
	Check        string `json:"check"`         // the warning every entry carries
	Sources      string `json:"sources"`
	Bodies       []Body `json:"bodies"`
}

// Body is one national body or service. Only details that were checked
// are given; anything else is left blank, never guessed.
type Body struct {
	Key          string   `json:"key"` // stable, for updating a seeded entry later
	Organisation string   `json:"organisation"`
	Role         string   `json:"role"`    // a data.ContactRole
	Nations      []string `json:"nations"` // data.Nation values it serves
	Address      string   `json:"address,omitempty"`
	Website      string   `json:"website,omitempty"`
	Phone        string   `json:"phone,omitempty"`
	Email        string   `json:"email,omitempty"`
	About        string   `json:"about"`
	LastVerified string   `json:"last_verified,omitempty"` // overrides the file's date
	// Source is where the details were checked, and Confirm what a person
	// should still check before relying on them.
	Source  string `json:"source,omitempty"`
	Confirm string `json:"confirm,omitempty"`
	// Added is the date of the data that first shipped this body, so a
	// folder seeded before it gains the body once (and only once).
	Added string `json:"added,omitempty"`
}

// Load reads the embedded data.
func Load() (File, error) {
	var f File
	dec := json.NewDecoder(bytes.NewReader(nationalJSON))
	dec.DisallowUnknownFields() // a misspelt field would silently drop a detail
	if err := dec.Decode(&f); err != nil {
		return f, fmt.Errorf("national directory data: %w", err)
	}
	if len(f.Bodies) == 0 {
		return f, fmt.Errorf("national directory data: no bodies")
	}
	return f, nil
}
