// Package team holds the script that sets up a team's PostgreSQL server:
// the database, its owner and its groups of members. The program carries
// it (secondopinion team-setup -print) so that whoever runs the server
// has the one that matches this version.
package team

import _ "embed"

// SetupSQL is setup.sql, for psql.
//
//go:embed setup.sql
var SetupSQL string
