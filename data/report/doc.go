// Package report turns the records into the figures an advocate or a
// surgery is asked for: requests opened in a period and by whom, how they
// ended, how long a decision took, whether refusals were answered in
// time, and what is overdue now. It also writes them as text and CSV, with
// an anonymised form of the rows fit to send to a commissioner.
//
// Every figure is about the requests opened in the period, as they stand
// on the report's day ("today"). A request is opened on the day of its
// first step (a request logged at the desk, or its first letter): that is
// when the person asked. A request with no steps yet is opened on the day
// it was saved.
package report
