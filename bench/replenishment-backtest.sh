#!/usr/bin/env bash
# Replays seeded synthetic demand through the replenishment planner and two naive policies and writes the
# comparison (fill rate, backorder rate, average inventory, bullwhip ratio) to docs/replenishment-backtest.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl planning -am install -DskipTests
java -cp planning/target/classes io.backorder.planning.backtest.Backtest docs/replenishment-backtest.md
