#!/usr/bin/env bash
# Builds the benchmarks module (and what it depends on) and runs every scenario.
# Arguments go to the harness: --quick for a smoke run; see benchmarks/README-section.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
export REDGATE_DISABLE_TELEMETRY=true
exec java -Xmx1g -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath/full.txt)" \
	-Dbenchmarks.module=benchmarks -Dliquibase.analytics.enabled=false \
	dev.migrations.benchmarks.Benchmarks "$@"
