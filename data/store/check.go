package store

import "context"

// Count is the number of records of one type.
type Count struct {
	Table string
	N     int
}

// countedTables are the record types, in the order they are reported.
var countedTables = []string{"people", "contacts", "requests", "letters", "steps", "attachments"}

// Counts returns the number of records of each type.
func (s *Store) Counts(ctx context.Context) ([]Count, error) {
	var counts []Count
	for _, t := range countedTables {
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM "+t).Scan(&n); err != nil {
			return nil, explainRead(err)
		}
		counts = append(counts, Count{t, n})
	}
	return counts, nil
}

// Check is the one health check (see healthy) on the open records; it
// returns a damaged-database error describing the first problems found.
func (s *Store) Check(ctx context.Context) error {
	check := healthy
	if s.d == onServer {
		check = healthyServer
	}
	if err := check(ctx, s.db); err != nil {
		return err
	}
	return s.CheckSealed(ctx)
}
