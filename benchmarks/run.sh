#!/usr/bin/env bash
# Benchmarks of the Infisical starter: start-up cost (fresh JVMs, with vs without the starter)
# and refresh cost (in-process). See benchmarks/README.md.
#
#   benchmarks/run.sh                 build, then start-up + refresh benchmarks
#   benchmarks/run.sh startup         only the start-up benchmark
#   benchmarks/run.sh refresh         only the refresh benchmark
#   benchmarks/run.sh rotation        only the database credential rotation benchmark
#   benchmarks/run.sh profile         where the start-up time goes (class loading, Boot steps)
#   benchmarks/run.sh fleet           a fleet refreshed by webhook + Spring Cloud Bus vs polling
#
# Environment (defaults): PAIRS=10 WARMUP=1 SCENARIOS=minimal-20,minimal-10000,web-20,locations-10-vs-1,operability-off-vs-on
#   IDLE_SECONDS=60 IDLE_CONTROL=1 POLLS=10 LATENCY_REPEATS=10 REFRESH_INTERVAL_MS=1000
#   PROFILE_RUNS=5 PROFILE_APP=minimal APP_JAVA_OPTS= SKIP_BUILD=0
#   ROTATIONS=20 LOAD_THREADS=8 POOL_SIZE=10
#   FLEET_SIZE=5 CHANGES=20 POLL_CHANGES=5 POLL_INTERVAL_MS=10000 FLEET_IDLE_SECONDS=30
# Run it on a quiet machine: other builds running at the same time make the numbers noisy.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
what="${1:-all}"

export PAIRS="${PAIRS:-10}"
export IDLE_SECONDS="${IDLE_SECONDS:-60}"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	echo "Building (./mvnw -q -B -DskipTests install) ..." >&2
	(cd "$root" && ./mvnw -q -B -DskipTests install)
fi

if [[ -n "${JAVA_HOME:-}" ]]; then
	java="$JAVA_HOME/bin/java"
else
	java="java"
fi
classpath="$here/target/classes:$(cat "$here/target/classpath/all.txt")"
results="$here/target/benchmark-results.txt"
: > "$results"

run() {
	"$java" -cp "$classpath" "io.github.infisicalstarter.benchmarks.$1" | tee -a "$results"
}

# the fleet benchmark has its own module and class path (Spring Cloud Bus, Kafka)
fleet() {
	"$java" -cp "$here/fleet/target/classes:$(cat "$here/fleet/target/classpath.txt")" \
		io.github.infisicalstarter.benchmarks.fleet.FleetBenchmark | tee -a "$results"
}

# the rotation benchmark has its own module and class path (Spring Boot's JDBC auto-configuration)
rotation() {
	"$java" -cp "$here/rotation/target/classes:$(cat "$here/rotation/target/classpath.txt")" \
		io.github.infisicalstarter.benchmarks.rotation.RotationBenchmark | tee -a "$results"
}

case "$what" in
	all) run StartupBenchmark; run RefreshBenchmark; rotation ;;
	startup) run StartupBenchmark ;;
	refresh) run RefreshBenchmark ;;
	rotation) rotation ;;
	fleet) fleet ;;
	profile) run StartupProfile ;;
	*) echo "usage: $0 [all|startup|refresh|rotation|fleet|profile]" >&2; exit 2 ;;
esac
echo "(tables also written to ${results#"$root"/})" >&2
