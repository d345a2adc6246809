#!/usr/bin/env bash
# Every benchmark in sequence against one stack that this script starts (./run --detach) and stops.
# The stack gets its own data folder and ports (defaults below, all overridable) so it never collides
# with a developer's stack on the default ports, and the gateway's per-IP rate limits are raised for it:
# the load comes from one IP, and the limits would otherwise answer 429 instead of measuring anything.
#   RUN_ROOT=/path/to/checkout   start the stack from another checkout (default: this repository)
#   BENCH_DURATION=15            seconds per load run
#   BENCHES="content outbox-latency"  run only these (default: all, in the order below)
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
RUN_ROOT=${RUN_ROOT:-$(cd "$BENCH_DIR/.." && pwd)}

# shellcheck source=stack-env.sh
source "$BENCH_DIR/stack-env.sh"

stop_stack() { "$RUN_ROOT/run" stop >/dev/null 2>&1 || true; }
trap stop_stack EXIT
"$RUN_ROOT/run" --detach

# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"
note "run-all: stack from $RUN_ROOT, gateway rate limits raised, trace sampling ${OTEL_TRACES_SAMPLER_ARG:-1 (100 %)}"
failed=()
# Latency-sensitive ones first while the stack is fresh; the contention run (which leaves many rows and
# may upset the booking service) and the outbox program (its own broker and database) last.
BENCHES=${BENCHES:-gateway-overhead shop content storefront booking-availability booking-contention outbox-latency}
for bench in gateway-overhead shop content storefront booking-availability booking-contention; do
  case " $BENCHES " in *" $bench "*) ;; *) continue ;; esac
  printf '\n\033[1m== %s ==\033[0m\n' "$bench"
  "$BENCH_DIR/$bench.sh" || failed+=("$bench")
done
# Stopped once, here: a second "run stop" on a stopped node left a rabbitmqctl hanging on the node's
# fixed distribution port, and the next ./run could not start RabbitMQ.
stop_stack
trap - EXIT
case " $BENCHES " in *" outbox-latency "*)
  printf '\n\033[1m== outbox-latency ==\033[0m\n'
  OUTBOX_ROOT=${OUTBOX_ROOT:-$RUN_ROOT} "$BENCH_DIR/outbox-latency.sh" || failed+=(outbox-latency) ;;
esac

[ ${#failed[@]} -eq 0 ] || { echo "failed: ${failed[*]}" >&2; exit 1; }
echo "results appended to $BENCH_DIR/RESULTS.md"
