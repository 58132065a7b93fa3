#!/usr/bin/env bash
# Starts the whole Backorder Suite on this machine (PostgreSQL, Artemis, SMTP catcher, five services, demo data).
# Builds first when the build is missing or older than the sources. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

services=(inventory-service order-service supplier-service notification-service insights-service)
jars=(local-stack/target/local-stack.jar)
for service in "${services[@]}"; do jars+=("$service/target/quarkus-app/quarkus-run.jar"); done

needs_build=false
for jar in "${jars[@]}"; do
  if [[ ! -f "$jar" ]]; then needs_build=true; break; fi
done
if ! $needs_build; then
  oldest=$(ls -t "${jars[@]}" | tail -n 1)
  if [[ -n "$(find . -path ./.local-stack -prune -o \( -path '*/src/main/*' -o -name pom.xml \) -newer "$oldest" -type f -print -quit)" ]]; then
    needs_build=true
  fi
fi
if $needs_build; then
  echo "Building the suite (tests skipped)..."
  ./mvnw -q -B install -Dmaven.test.skip=true
fi

exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dbackorder.home="$PWD" \
  -jar local-stack/target/local-stack.jar "$@"
