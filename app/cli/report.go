package cli

import (
	"bufio"
	"context"
	"io"
	"secondopinion/data/safefile"

	"secondopinion/data"
	"secondopinion/data/report"
	"secondopinion/data/report/chart"
	"secondopinion/data/store"
)

func init() {
	register(Command{Name: "report", Summary: "figures for a period: requests, routes, outcomes, time to decide; CSV and charts", Run: runReport})
}

// chartWidth is the saved chart's width in pixels: sharp when printed on A4.
const chartWidth = 1400

func runReport(args []string, out, errOut io.Writer) error {
	fs := newFlags("report", "report -data DIR [-from DATE] [-to DATE] [-csv FILE] [-rows FILE [-anonymous]] [-chart FILE.png]", errOut)
	dir := dataFlag(fs)
	fromFlag := fs.String("from", "", "count requests opened on or after this day, as 21/11/2026 or 2026-11-21 (default: the first)")
	toFlag := fs.String("to", "", "…and on or before this day (default: the latest)")
	onFlag := fs.String("on", "", "work out what is overdue as on this day (default today)")
	csvPath := fs.String("csv", "", "also write the figures to this CSV file")
	rowsPath := fs.String("rows", "", "also write one line per request to this CSV file")
	anonymous := fs.Bool("anonymous", false, "make -rows and -csv fit to send outside: no names, ids, days or words; every line shared by at least 5 requests; counts under 5 hidden (whole months only)")
	chartPath := fs.String("chart", "", "also draw the charts (requests per month; outcomes) to this PNG file")
	if err := parse(fs, args); err != nil {
		return err
	}
	from, err := dateFlag("-from", *fromFlag)
	if err != nil {
		return err
	}
	to, err := dateFlag("-to", *toFlag)
	if err != nil {
		return err
	}
	today, err := dateFlag("-on", *onFlag)
	if err != nil {
		return err
	}
	if today.IsZero() {
		today = data.Today()
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return usagef("-to (%s) is before -from (%s)", to.UK(), from.UK())
	}
	if *anonymous && *rowsPath == "" && *csvPath == "" {
		return usagef("-anonymous applies to -rows FILE and -csv FILE")
	}

	st, err := openData(dir)
	if err != nil {
		return err
	}
	defer st.Close()
	p := startProgress(errOut, "Counting the requests", nil)
	r, err := report.FromStore(context.Background(), st, from, to, today)
	p.stop()
	if err != nil {
		return err
	}

	w := bufio.NewWriter(out)
	if err := report.WriteText(w, r); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if *csvPath != "" {
		if err := safefile.Write(*csvPath, "the figures", safefile.Private, func(w io.Writer) error {
			if *anonymous {
				return report.WriteSafeFiguresCSV(w, r) // counts under 5 hidden
			}
			return report.WriteFiguresCSV(w, r)
		}); err != nil {
			return err
		}
	}
	if *rowsPath != "" {
		if err := safefile.Write(*rowsPath, "the rows", safefile.Private, func(w io.Writer) error { return report.WriteRowsCSV(w, r, *anonymous) }); err != nil {
			return err
		}
	}
	if *csvPath != "" || *rowsPath != "" {
		noteDone(st, store.AuditExported, store.AuditReport, "", errOut)
	}
	if *chartPath != "" {
		img, err := chart.Both(r, chartWidth)
		if err != nil {
			return err
		}
		return chart.SavePNG(*chartPath, img)
	}
	return nil
}

// dateFlag reads a date in any form data.ParseDate takes; blank is zero.
func dateFlag(name, v string) (data.Date, error) {
	d, err := data.ParseDate(v)
	if err != nil {
		return d, usagef("%s %q is not a date we can use (%v)", name, v, err)
	}
	return d, nil
}
