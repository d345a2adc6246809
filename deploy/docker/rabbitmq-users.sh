#!/bin/sh
# Compose: a one-shot container (after rabbitmq is healthy) that gives every service in deploy/service-access.txt
# its own broker user, password <SERVICE>_RABBIT_PASSWORD, with the rights deploy/rabbitmq-permissions.sh works out,
# through the management API as the operator user. Idempotent: it runs at every `docker compose up`.
set -eu
. /rabbitmq-permissions.sh
API=${RABBITMQ_API:-http://rabbitmq:15672/api}
AUTH="$RABBITMQ_ADMIN_USER:$RABBITMQ_ADMIN_PASSWORD"
json() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }
grep -vE '^[[:space:]]*(#|$)' "${SERVICE_ACCESS_FILE:-/service-access.txt}" | while read -r service _ publishes consumes; do
  var=$(printf '%s_RABBIT_PASSWORD' "$service" | tr 'a-z-' 'A-Z_')
  password=$(eval "printf '%s' \"\${$var:-}\"")
  [ -n "$password" ] || { echo "rabbitmq-users: set $var" >&2; exit 1; }
  rights=$(rabbit_permissions "$service" "$publishes" "$consumes")
  configure=$(echo "$rights" | sed -n 1p); write=$(echo "$rights" | sed -n 2p); read=$(echo "$rights" | sed -n 3p)
  curl -fsS -u "$AUTH" -X PUT -H 'content-type: application/json' "$API/users/$service" \
    -d "{\"password\":\"$(json "$password")\",\"tags\":\"\"}"
  curl -fsS -u "$AUTH" -X PUT -H 'content-type: application/json' "$API/permissions/%2F/$service" \
    -d "{\"configure\":\"$(json "$configure")\",\"write\":\"$(json "$write")\",\"read\":\"$(json "$read")\"}"
  echo "rabbitmq-users: $service"
done
