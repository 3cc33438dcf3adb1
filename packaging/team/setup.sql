-- Second Opinion: a team's caseload on a PostgreSQL server (version 15 or newer).
--
-- Run this once, as the server's administrator, with psql:
--
--     psql -U postgres -v caseload=secondopinion -f setup.sql
--
-- caseload is the database's name (letters, digits and underscores; the
-- default is secondopinion). The script makes:
--
--   <caseload>_owner         owns the database and its tables. Whoever looks
--                            after the server signs in as it once, to bring
--                            the tables up (and again after installing a
--                            newer version of the program), and to add the
--                            first manager. Not for daily work.
--   <caseload>_manager       managers: everyone's clients, the directory,
--                            the members and the audit log
--   <caseload>_advocate      advocates: their own clients, and those shared
--                            with them
--   <caseload>_receptionist  the desk: the people and requests any
--                            receptionist of the practice made
--   <caseload>               the database, which only these may open
--
-- The server itself enforces who sees what (row-level security), and keeps
-- an audit log of every change (who, when, which record; never a value),
-- which no member can change.
--
-- Then:
--
--   1. Give the owner a password when asked at the end of this script (or
--      later: psql -c '\password secondopinion_owner').
--
--   2. Bring the tables up, as the owner, from a computer with Second Opinion:
--
--          secondopinion team-setup -db postgres://secondopinion_owner@SERVER/secondopinion
--
--   3. Add the first manager, as the owner (the password is asked for, twice;
--      it reaches the server only as a SCRAM verifier):
--
--          secondopinion member add -db postgres://secondopinion_owner@SERVER/secondopinion -name jane.smith -kind manager
--
--      A manager then adds the desks and advocates in the same way, signed
--      in as themselves:
--
--          secondopinion member add -db postgres://jane.smith@SERVER/secondopinion -name desk1 -kind receptionist
--          secondopinion member add -db postgres://jane.smith@SERVER/secondopinion -name sam.jones -kind advocate
--          secondopinion member list -db postgres://jane.smith@SERVER/secondopinion
--          secondopinion member remove -db postgres://jane.smith@SERVER/secondopinion -name sam.jones
--
--      Each person signs in with their own name; no one shares a sign-in,
--      or the audit log cannot say who did what. A removed member's clients
--      stay, for a manager to hand to someone else.
--
--   4. Each desk connects with the address
--
--          postgres://THEIR-NAME@SERVER/secondopinion
--
--      and its password, typed at sign-in (or kept in ~/.pgpass on that
--      computer, readable by its user only).
--
-- Network and encryption (postgresql.conf and pg_hba.conf): names and health
-- details must never cross a network unencrypted. Second Opinion insists on
-- TLS with the server's certificate checked (sslmode=verify-full) whenever
-- the server is not on the same computer.
--
--   postgresql.conf:
--       ssl = on
--       ssl_cert_file = 'server.crt'      -- issued for the name the desks use
--       ssl_key_file = 'server.key'
--       password_encryption = scram-sha-256
--
--   pg_hba.conf, with your own network in place of 192.168.10.0/24 (the +
--   means "any member of"); hostssl refuses unencrypted connections, and
--   nothing else may reach the caseload:
--
--       hostssl  secondopinion  +secondopinion_manager       192.168.10.0/24  scram-sha-256
--       hostssl  secondopinion  +secondopinion_advocate      192.168.10.0/24  scram-sha-256
--       hostssl  secondopinion  +secondopinion_receptionist  192.168.10.0/24  scram-sha-256
--       hostssl  secondopinion  secondopinion_owner          192.168.10.5/32  scram-sha-256
--
--   Each desk needs the certificate of whoever issued the server's (for a
--   certificate you made yourself, that certificate), saved as
--   ~/.postgresql/root.crt (on Windows %APPDATA%\postgresql\root.crt), or
--   named in the address: ...?sslrootcert=/path/to/root.crt
--
-- Backups: `secondopinion backup -db ADDRESS` (as a manager) writes an
-- ordinary Second Opinion file; the server's own pg_dump works too.

\set ON_ERROR_STOP on

\if :{?caseload}
\else
\set caseload secondopinion
\endif
\set owner :caseload '_owner'
\set manager :caseload '_manager'
\set advocate :caseload '_advocate'
\set receptionist :caseload '_receptionist'

-- The owner may create sign-ins, which is how managers add members (through
-- the caseload's own functions, which run as the owner and touch only the
-- caseload's members): the managers themselves need no such power.
CREATE ROLE :"owner" LOGIN CREATEROLE;
CREATE ROLE :"manager" NOLOGIN;
CREATE ROLE :"advocate" NOLOGIN;
CREATE ROLE :"receptionist" NOLOGIN;

-- On PostgreSQL 16 and newer a role that may create roles still needs to
-- be given the groups it adds members to.
GRANT :"manager", :"advocate", :"receptionist" TO :"owner" WITH ADMIN OPTION;

CREATE DATABASE :"caseload" OWNER :"owner" ENCODING 'UTF8' TEMPLATE template0;
REVOKE CONNECT, TEMPORARY ON DATABASE :"caseload" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"caseload" TO :"manager", :"advocate", :"receptionist";

\connect :"caseload"
-- The tables go in the public schema, which only the owner may add to.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO PUBLIC;
ALTER SCHEMA public OWNER TO :"owner";

\if :{?no_password_prompt}
\else
\echo 'Now choose a password for' :"owner"
\password :"owner"
\endif
