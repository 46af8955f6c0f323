#!/usr/bin/env bash
# Engine benchmarks (JMH): sample rulebook evaluation and next questions, and the three-table
# case against Operaton DMN (FEEL and JUEL). Builds the benchmark jar if needed.
# Usage: ops/bench/engine.sh [JMH options, e.g. -f 1 -wi 3 -i 5 threeTables]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=$ROOT/ops/bench/engine/target/engine-benchmarks.jar
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -B -q install -DskipTests -pl ops/bench/engine -am)
exec java -jar "$JAR" -rf json -rff "$ROOT/ops/bench/results/engine-jmh.json" "$@"
