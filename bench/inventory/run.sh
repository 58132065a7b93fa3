#!/bin/sh
# Runs the inventory benchmark; see README.md. Extra arguments go to Maven, e.g. -Dbench.seconds=30 -Dbench.repeat=9
set -eu
cd "$(dirname "$0")/../.."
./mvnw -q -pl inventory-service -am install -DskipTests
./mvnw -pl inventory-service -Pbench test "$@"
echo "Results: inventory-service/target/bench/latest.md"
