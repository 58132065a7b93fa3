#!/bin/sh
# Benchmarks the whole suite as the local stack runs it; see README.md. Extra arguments are JVM system properties,
# e.g. -Dbench.seconds=30 -Dbench.fanout.lines=2000
set -eu
cd "$(dirname "$0")/../.."
./mvnw -q install -Dmaven.test.skip=true
java -Xmx1g "$@" -cp "bench/suite/target/classes:bench/suite/target/lib/*" io.backorder.bench.SuiteBenchmark
