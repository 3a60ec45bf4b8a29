#!/bin/sh
# Runs once, when the primary's data directory is created: a role for the replica to copy and follow.
set -e
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -c \
  "CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '$(cat /run/secrets/db_password)'"
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
