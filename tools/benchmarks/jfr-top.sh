#!/usr/bin/env bash
# Summarises a JFR recording made by a BENCH_JFR=1 run: CPU samples by package and method, GC pauses.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec java -cp "tools/benchmarks/target/source/tools/benchmarks/target/classes" com.onecloud.bench.JfrTop "$@"
