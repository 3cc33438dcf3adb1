// Command gen writes the bank holiday data file from the statutory rules.
// Run it with go generate in the parent folder, then check the result
// against GOV.UK before committing.
package main

import (
	"encoding/json"
	"flag"
	"log"
	"os"

	"secondopinion/assets/holidays"
)

func main() {
	out := flag.String("o", "uk-bank-holidays.json", "file to write")
	first := flag.Int("from", 2020, "first year")
	last := flag.Int("to", 2030, "last year")
	verified := flag.String("verified", "2026-11-21", "date the data was last checked against GOV.UK")
	projected := flag.String("projected-from", "2028-01-01", "first date GOV.UK had not yet published")
	flag.Parse()

	f := holidays.File{
		Source:        "GOV.UK bank holidays, https://www.gov.uk/bank-holidays (also published as https://www.gov.uk/bank-holidays.json)",
		LastVerified:  *verified,
		ProjectedFrom: *projected,
		Note: "Dates from projected_from onwards had not been published by GOV.UK when last verified: " +
			"they are projected by the statutory rules (Banking and Financial Dealings Act 1971 and the " +
			"standing royal proclamations) and may change if a one-off holiday is announced. " +
			"Wales uses the England and Wales list. Scotland's one-off bank holiday of 15 June 2026 (the FIFA World Cup) " +
			"is taken from the Scottish Government's announcement of the Royal Proclamation (February 2026, checked 2026-12-04).",
		FirstYear: *first,
		LastYear:  *last,
		Divisions: map[string][]holidays.Holiday{},
	}
	for _, d := range holidays.Divisions {
		for y := *first; y <= *last; y++ {
			f.Divisions[d] = append(f.Divisions[d], holidays.Project(d, y)...)
		}
	}
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
}
