package store

import (
	"context"
	"slices"
	"strings"

	"secondopinion/data"
)

// Readings of several records by id at once, for a desk catching up with
// what other desks changed: one query for many records, where one each
// took a round trip to the team's server apiece (200 changes, read one by
// one over a network 20 ms away, took seconds to appear).

// idsPerQuery is how many ids one query names at most: well inside
// SQLite's limit on parameters, and a short query to send.
const idsPerQuery = 512

// PeopleByID reads the people of these ids that are stored and this
// sign-in may see; anyone else is left out of the list.
func (s *Store) PeopleByID(ctx context.Context, ids []string) ([]data.Person, error) {
	return queryByIDs(ctx, s, "people", personCols, scanPerson, selectPersonSQL, "id", ids)
}

// RequestsByID reads the requests of these ids that are stored and may be
// seen.
func (s *Store) RequestsByID(ctx context.Context, ids []string) ([]data.Request, error) {
	return queryByIDs(ctx, s, "requests", requestCols, scanRequest, selectRequestSQL, "id", ids)
}

// StepsByID reads the steps of these ids that are stored and may be seen.
func (s *Store) StepsByID(ctx context.Context, ids []string) ([]data.Step, error) {
	return queryByIDs(ctx, s, "steps", stepCols, scanStep, selectStepSQL, "id", ids)
}

// TimelinesOf reads the timelines of these requests, each in the order
// StepsFor gives; a request with no steps has none in the map.
func (s *Store) TimelinesOf(ctx context.Context, requestIDs []string) (map[string][]data.Step, error) {
	steps, err := queryByIDs(ctx, s, "steps", stepCols, scanStep, selectStepSQL, "request_id", requestIDs)
	if err != nil {
		return nil, err
	}
	out := map[string][]data.Step{}
	for _, st := range steps {
		out[st.RequestID] = append(out[st.RequestID], st)
	}
	for _, list := range out {
		slices.SortFunc(list, timelineOrder)
	}
	return out, nil
}

// queryByIDs runs query (a SELECT from table, without WHERE) for the rows
// whose col is one of ids, a chunk of ids at a time.
func queryByIDs[T any](ctx context.Context, s *Store, table string, cols []string, scan func(scanner) (T, error), query, col string, ids []string) ([]T, error) {
	var out []T
	for chunk := range slices.Chunk(ids, idsPerQuery) {
		// As many ids as the next power of two, the last repeated: the
		// server's driver prepares each query text once per connection,
		// and keeps a few hundred, so there are only ten texts, not one
		// for each number of ids.
		size := 1
		for size < len(chunk) {
			size *= 2
		}
		args := make([]any, size)
		for i := range args {
			args[i] = chunk[min(i, len(chunk)-1)]
		}
		where := " WHERE " + col + " IN (?" + strings.Repeat(", ?", size-1) + ")"
		list, err := queryList(ctx, s.db, opened(s, table, cols, scan), query+where, args...)
		if err != nil {
			return nil, err
		}
		out = append(out, list...)
	}
	return out, nil
}
