#!/usr/bin/env bash
# The benchmark suite in one run (results and how to read them: docs/benchmarks.md):
#   1. authentication overhead, 2. auth-service decisions (warm, floor, Keycloak's introspection, cold), 3. CRUD
#   (JSON/XML, 100,000 contacts), 4. revocation propagation, 5. start-up time and RSS, 6. the list and search paths
#   against PostgreSQL alone (pgbench), 7. usage counting on and off, 8. the administrator console's pages; then a soak
#   run (memory over 5 minutes).
#
# What it does:
#  - installs wrk with apt-get if missing;
#  - unless BENCH_PEER=0: fetches Keycloak's Quarkus distribution (org.keycloak:keycloak-quarkus-dist, zip, version
#    BENCH_KEYCLOAK_VERSION) from Maven Central with the Maven wrapper into tools/benchmarks/target/keycloak/, once; the
#    driver runs it as the peer of the decision measurements on a JDK >= 21 it finds (JAVA_HOME, BENCH_PEER_JAVA_HOME,
#    /usr/lib/jvm/*), and skips the peer, saying why in the results, where there is none;
#  - unless BENCH_SKIP_BUILD=1: exports the committed tree (git HEAD) to tools/benchmarks/target/source, so that what is
#    measured is a commit and not whatever is half-edited in the working tree, and builds it there
#    (./mvnw -B -q -DskipTests package, which also compiles the driver), then rebuilds resource-service with the build
#    profile `bench` (-Dquarkus.profile=bench), the only build in which the unauthenticated comparison endpoint exists;
#  - runs the driver com.onecloud.bench.BenchmarkMain (module tools/benchmarks) of that build, which starts the local
#    platform from it (embedded PostgreSQL and Kafka, free ports, data under tools/benchmarks/target/run-*/), seeds it,
#    measures with wrk on 127.0.0.1, writes tools/benchmarks/target/run-*/results.md (plus the raw wrk outputs) and stops
#    everything it started.
#
# Settings (environment; each is documented in the driver's BenchConfig): BENCH_DURATION (s per measured run, 20),
# BENCH_WARMUP (s, 10), BENCH_CONTACTS (100000), BENCH_REVOCATIONS (100), BENCH_REVOCATION_WARMUP (10, not counted),
# BENCH_COLD_TOKENS (30000), BENCH_COLD_WARMUP_TOKENS (3000), BENCH_COLD_DURATION (s, 4),
# BENCH_SOAK (s, 300; 0 skips), BENCH_STARTUP_RUNS (3),
# BENCH_QUIET_PERCENT (10: each measured start waits until the CPUs are at most this busy over 2 s, at most 60 s; 100: at once),
# BENCH_OVERHEAD_ROUNDS (3), BENCH_WRK_THREADS (2),
# BENCH_WRK_CONNECTIONS (32),
# BENCH_USERS (10000 directory users, each with a USER ticket, for the list paths), BENCH_DECISION_ROUNDS (3),
# BENCH_PEER (1; 0 skips Keycloak), BENCH_KEYCLOAK_VERSION (26.7.3), BENCH_PEER_WARMUP (s, 240: the most Keycloak is
# warmed until its JIT is quiet), BENCH_PEER_JAVA_HOME (a JDK >= 21 for Keycloak), BENCH_USAGE_ROUNDS (5),
# BENCH_PGBENCH (/usr/bin/pgbench: the floors of the list paths; installed with postgresql-client if missing),
# BENCH_MAIN (com.onecloud.bench.SubscriptionBenchmark runs the subscriptions benchmark instead: BENCH_SUBSCRIBERS 2000,
# BENCH_SUBSCRIBER_USERS 100, BENCH_CHANGES_PER_SECOND 20, BENCH_DURATION 20),
# BENCH_PHASES (comma list of startup,overhead,lists,decisions,usage,crud,revocation,console,soak; default all),
# BENCH_SERVICE_ENV ("NAME=value;..." extra environment for every service, for experiments), BENCH_NMT=1 (native memory tracking in every service, summary in run-*/memory-*.txt), BENCH_JFR=1 (records JFR on the service under test during each measurement: a profiling run, slower numbers;
# summarise a recording with tools/benchmarks/jfr-top.sh FILE).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
source_dir="$root/tools/benchmarks/target/source"

if ! command -v wrk >/dev/null; then
  echo "Installing wrk ..."
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk
fi

if [[ ! -x "${BENCH_PGBENCH:-/usr/bin/pgbench}" ]]; then
  echo "Installing pgbench (postgresql-client) ..."
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq postgresql-client
fi

export BENCH_KEYCLOAK_VERSION="${BENCH_KEYCLOAK_VERSION:-26.7.3}"
keycloak_cache="$root/tools/benchmarks/target/keycloak"
keycloak_zip="$keycloak_cache/keycloak-quarkus-dist-$BENCH_KEYCLOAK_VERSION.zip"
if [[ "${BENCH_PEER:-1}" != "0" && ! -f "$keycloak_zip" ]]; then
  echo "Fetching Keycloak $BENCH_KEYCLOAK_VERSION from Maven Central into $keycloak_cache ..."
  mkdir -p "$keycloak_cache"
  ./mvnw -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    "-Dartifact=org.keycloak:keycloak-quarkus-dist:$BENCH_KEYCLOAK_VERSION:zip" "-DoutputDirectory=$keycloak_cache" \
    || echo "Cannot fetch Keycloak: the run goes on without the peer."
fi

if [[ "${BENCH_SKIP_BUILD:-0}" != "1" ]]; then
  commit=$(git rev-parse HEAD)
  echo "Exporting $commit to $source_dir and building it (set BENCH_SKIP_BUILD=1 to reuse the last build) ..."
  rm -rf "$source_dir"
  mkdir -p "$source_dir"
  git archive --format=tar HEAD | tar -x -C "$source_dir"
  echo "$commit" > "$source_dir/COMMIT"
  (cd "$source_dir" && ./mvnw -B -q -DskipTests package)
  echo "Rebuilding resource-service with the build profile bench ..."
  (cd "$source_dir" && ./mvnw -B -q -DskipTests -pl resource-service -am package -Dquarkus.profile=bench)
fi

exec java -cp "$source_dir/tools/benchmarks/target/classes:$source_dir/tools/benchmarks/target/lib/*" \
  "${BENCH_MAIN:-com.onecloud.bench.BenchmarkMain}" "$source_dir" "$root/tools/benchmarks/target"
