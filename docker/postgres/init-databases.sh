#!/bin/sh
# Run once by the postgres image, on the first start of an empty data volume: a role and two databases for
# Temporal, a role and a database for Passage. Each role owns its own databases and can reach no other.
# No `set -eu`: the image sources a script that is not executable, and the options would outlive it. psql stops
# at the first error and its status is the script's.
: "${TEMPORAL_DB_PASSWORD:?}" "${PASSAGE_DB_PASSWORD:?}"
# psql reads the passwords from the environment (\getenv) and quotes them (:'name'): they appear in no command
# line and no SQL text.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<'SQL'
\getenv temporal_password TEMPORAL_DB_PASSWORD
\getenv passage_password PASSAGE_DB_PASSWORD
CREATE ROLE temporal LOGIN PASSWORD :'temporal_password';
CREATE DATABASE temporal OWNER temporal;
CREATE DATABASE temporal_visibility OWNER temporal;
CREATE ROLE passage LOGIN PASSWORD :'passage_password';
CREATE DATABASE passage OWNER passage;
REVOKE ALL ON DATABASE temporal, temporal_visibility, passage FROM PUBLIC;
GRANT CONNECT ON DATABASE temporal, temporal_visibility TO temporal;
GRANT CONNECT ON DATABASE passage TO passage;
-- Temporal's visibility schema wants btree_gin; created here, as the superuser, so its own role needs no more.
\connect temporal_visibility
CREATE EXTENSION IF NOT EXISTS btree_gin;
SQL
