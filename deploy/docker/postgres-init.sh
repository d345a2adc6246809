#!/usr/bin/env bash
# Compose: the postgres image runs this once, on an empty data volume (docker-entrypoint-initdb.d), as the
# superuser. For every service in deploy/service-access.txt with a database: a LOGIN role of the service's
# name whose password is the environment variable <SERVICE>_DB_PASSWORD, owning a database of that name that
# only it may connect to. (An existing volume from before keeps its old single owner: recreate the volume, or
# run ./deploy/local/infra.sh pg-service's SQL by hand.)
set -euo pipefail
ACCESS=${SERVICE_ACCESS_FILE:-/service-access.txt}
grep -vE '^[[:space:]]*(#|$)' "$ACCESS" | while read -r service database _; do
  [ "$database" = yes ] || continue
  var="${service^^}_DB_PASSWORD"; var=${var//-/_}
  [ -n "${!var:-}" ] || { echo "postgres-init: set $var" >&2; exit 1; }
  psql -v ON_ERROR_STOP=1 -qAt --username "$POSTGRES_USER" --dbname postgres -v svc="$service" -v pw="${!var}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'svc', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'svc', :'svc') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'svc') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'svc', :'svc') \gexec
SQL
  psql -v ON_ERROR_STOP=1 -qAt --username "$POSTGRES_USER" --dbname "$service" -v svc="$service" <<'SQL'
SELECT format('ALTER SCHEMA public OWNER TO %I', :'svc') \gexec
SQL
done
