#!/usr/bin/env bash
# Builds the container image of every service that is a Quarkus application, under the name and tag its generated
# manifest uses (quarkus.container-image.*: docker.io/backorder/<service>:<project version>), with docker or podman.
# For kind, load them into the cluster afterwards: kind load docker-image docker.io/backorder/<service>:<version>
#
# Usage: deploy/build-images.sh [--no-build]    (--no-build: use the application the last build packaged)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
services=(inventory-service order-service supplier-service notification-service insights-service)
engine="${CONTAINER_ENGINE:-$(command -v docker || command -v podman || true)}"
if [[ -z "$engine" ]]; then
  echo "neither docker nor podman found (set CONTAINER_ENGINE)" >&2
  exit 1
fi

landed=()
for service in "${services[@]}"; do
  if [[ -f "$root/$service/src/main/resources/application.properties" ]]; then
    landed+=("$service")
  fi
done

if [[ "${1:-}" != "--no-build" ]]; then
  (cd "$root" && ./mvnw -q -pl "$(IFS=,; echo "${landed[*]}")" -am package -DskipTests)
fi

for service in "${landed[@]}"; do
  # the image the committed manifest names, so that what is built is what is deployed
  image="$(sed -n 's/^ *image: \(.*\)$/\1/p' "$root/deploy/base/services/$service/kubernetes.yml" | head -n 1)"
  if [[ -z "$image" ]]; then
    echo "no image in deploy/base/services/$service/kubernetes.yml: run deploy/regenerate.sh" >&2
    exit 1
  fi
  "$engine" build -f "$root/$service/src/main/docker/Dockerfile.jvm" -t "$image" "$root/$service"
  echo "$image"
done
