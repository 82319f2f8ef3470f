#!/usr/bin/env bash
# Runs a local Keycloak with the platform realm, in the foreground, until it is stopped (SIGTERM/Ctrl-C).
#   infra/keycloak/keycloak.sh RUN_DIR HTTP_PORT MANAGEMENT_PORT [HOSTNAME_URL]
# The server distribution comes from Maven Central (unpacked by `./mvnw -pl infra initialize` into the cache below).
# It is built once per machine for the options the platform needs; each run gets its own copy (hard links, so it is
# instant) with an empty data directory, and imports infra/keycloak/platform-realm.json on first start.
# Environment: PLATFORM_SMTP_HOST/PORT (mail for the realm), PLATFORM_BACKEND_SECRET, KC_BOOTSTRAP_ADMIN_USERNAME/PASSWORD,
# PLATFORM_CACHE (where Maven unpacked Keycloak: the tests and bin/start pass Maven's platform.cache; the default below
# only matches Maven's when $HOME is Java's user.home).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version="${KEYCLOAK_VERSION:-26.5.6}"
cache="${PLATFORM_CACHE:-$HOME/.cache/kodoku-platform}"
dist="$cache/keycloak-$version"
run="${1:?run directory}"
port="${2:?http port}"
management_port="${3:?management port}"
hostname="${4:-http://127.0.0.1:$port}"

if [[ ! -x "$dist/bin/kc.sh" ]]; then
    echo "keycloak.sh: no Keycloak at $dist; run: ./mvnw -pl infra initialize" >&2
    exit 1
fi

# Build-time options: changing them means one rebuild (about 30 s); the lock keeps parallel runs from building twice.
build_options="--db=dev-file --health-enabled=true"
(
    flock 9
    if [[ "$(cat "$dist/.platform-build" 2>/dev/null)" != "$build_options" ]]; then
        echo "keycloak.sh: building Keycloak $version once for this machine ($build_options)" >&2
        "$dist/bin/kc.sh" build $build_options >&2
        echo "$build_options" > "$dist/.platform-build"
    fi
) 9>"$cache/keycloak-$version.lock"

if [[ ! -d "$run/keycloak" ]]; then
    mkdir -p "$run"
    # Hard links where the run directory shares the cache's file system; a full copy where it does not.
    cp -al "$dist" "$run/keycloak" 2>/dev/null || { rm -rf "$run/keycloak"; cp -a "$dist" "$run/keycloak"; }
    rm -rf "$run/keycloak/data"
    mkdir -p "$run/keycloak/data/import"
fi
# A real file, not a link: an edit of the realm must never reach the shared cache.
cp "$here/platform-realm.json" "$run/keycloak/data/import/platform-realm.json"

export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}"
exec "$run/keycloak/bin/kc.sh" start --optimized \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$port" \
    --http-management-port="$management_port" \
    --hostname="$hostname" --hostname-strict=false \
    --import-realm
