#!/bin/sh
# One-shot, before the Temporal server starts (temporalio/admin-tools image): creates Temporal's two schemas on
# the first run and upgrades them after a TEMPORAL_VERSION change. Idempotent: setup-schema keeps a newer version,
# update-schema applies only the versions missing. The databases exist already (docker/postgres/init-databases.sh).
# Connection from SQL_PLUGIN, SQL_HOST, SQL_PORT, SQL_USER and SQL_PASSWORD (read by temporal-sql-tool).
set -eu
schemas=/etc/temporal/schema/postgresql/v12
temporal-sql-tool --db temporal setup-schema -v 0.0
temporal-sql-tool --db temporal update-schema -d "$schemas/temporal/versioned"
temporal-sql-tool --db temporal_visibility setup-schema -v 0.0
temporal-sql-tool --db temporal_visibility update-schema -d "$schemas/visibility/versioned"
echo 'temporal-schema: up to date'
