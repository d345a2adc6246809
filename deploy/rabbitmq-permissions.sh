#!/bin/sh
# The RabbitMQ permissions of one service's broker user, as three lines: configure, write, read (regexes).
#
#   rabbitmq-permissions.sh SERVICE PUBLISHES CONSUMES      (event type names, comma-separated, "-" or "" for none)
#
# One home for the rule, used by ./run (deploy/local/infra.sh), compose (deploy/docker/rabbitmq-users.sh) and
# checked against the k8s Permission objects by deploy/k8s/validate.py. POSIX sh: the compose init runs it in a
# minimal image.
#
# MassTransit names, for a service "booking" (KebabCaseEndpointNameFormatter with the service as prefix):
#   receive endpoints   booking-order-paid: a queue and an exchange of that name, plus ..._error and ..._skipped
#   the bus endpoint    HOST_PROCESS_bus_RANDOM: a temporary queue and exchange per process
#   events              exchange CultureHealth.Contracts:OrderPaid, bound to CultureHealth.Contracts:IIntegrationEvent
# Rights (https://www.rabbitmq.com/docs/access-control): declaring needs configure; publishing needs write on the
# exchange; binding needs write on the destination and read on the source; consuming needs read on the queue.
#   configure  its own endpoints, the bus endpoint, the exchanges of the events it publishes or consumes (MassTransit
#              declares them) and IIntegrationEvent (the publish topology binds every event exchange to it)
#   write      its own endpoints, the bus endpoint, the events it publishes, IIntegrationEvent (binding destination)
#   read       its own endpoints, the bus endpoint, the events it consumes, and those it publishes (binding source)
# Nobody may read IIntegrationEvent, so binding a queue to it (and so reading every event) is refused.
set -eu

rabbit_events_regex() { # "A,B" -> CultureHealth\.Contracts:(A|B) ; "" or "-" -> nothing
  case "${1:-}" in ""|-) return 0 ;; esac
  printf 'CultureHealth\\.Contracts:(%s)' "$(printf '%s' "$1" | tr ',' '|')"
}

rabbit_permissions() {
  service=$1; publishes=${2:-}; consumes=${3:-}
  case "$service" in *[!a-z0-9_]*|"") echo "not a valid service name: '$service'" >&2; return 2 ;; esac
  case "$publishes$consumes" in *[!A-Za-z0-9,-]*) echo "event names are letters and digits, comma-separated" >&2; return 2 ;; esac
  own="${service}-[a-z0-9-]+(_error|_skipped)?|[^:]*_bus_[^:]*"
  all='CultureHealth\.Contracts:IIntegrationEvent'
  pub=$(rabbit_events_regex "$publishes"); con=$(rabbit_events_regex "$consumes")
  both=$(rabbit_events_regex "$(printf '%s,%s' "$publishes" "$consumes" | tr ',' '\n' | grep -v '^-\{0,1\}$' | sort -u | paste -sd, -)")
  join() { printf '^(%s)$' "$(printf '%s\n' "$@" | grep -v '^$' | paste -sd'|' -)"; }
  join "$own" "$both" "$all"; echo
  join "$own" "$pub" "$all"; echo
  join "$own" "$con" "$pub"; echo
}

if [ "${0##*/}" = rabbitmq-permissions.sh ] && [ $# -gt 0 ]; then rabbit_permissions "$@"; fi
