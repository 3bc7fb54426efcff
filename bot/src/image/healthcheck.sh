#!/usr/bin/env bash
# Adds the health check to the image tarball Jib wrote (Jib has no setting for it): `steward ready`, which asks
# /readyz on the port the container's own configuration gives. Docker and podman read it from the image config.
#
#   healthcheck.sh IMAGE.tar
set -euo pipefail
tarball=${1:?usage: healthcheck.sh IMAGE.tar}
work=$(mktemp -d "${tarball}.XXXXXX")
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xf "$tarball"
grep -q '"Healthcheck"' "$work/config.json" && exit 0
# Durations in nanoseconds: every 30 s, 10 s to answer, a minute to start (the memory model loads), 3 failures.
check='"Healthcheck":{"Test":["CMD","/usr/local/bin/steward","ready","-c","/data/config.yaml"],"Interval":30000000000,"Timeout":10000000000,"StartPeriod":60000000000,"Retries":3},'
sed -i "s#\"config\":{#\"config\":{$check#" "$work/config.json"
grep -q '"Healthcheck"' "$work/config.json" || { echo "healthcheck.sh: the image config has no \"config\" section" >&2; exit 1; }
(cd "$work" && tar -cf "$(realpath -m "$tarball").part" manifest.json config.json $(ls "$work" | grep -v -e '^manifest.json$' -e '^config.json$'))
mv "$tarball.part" "$tarball"
