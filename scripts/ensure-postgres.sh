#!/usr/bin/env bash
# Make Debian's PostgreSQL server available for the state-store tests, if it can be had.
# Best effort and quiet: it never fails the build. When it cannot install, it prints one line
# saying why and exits 0; the PostgreSQL tests then skip with a clear reason.
set -u

have_postgres() {
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && return 0
    [ -n "${PG_BIN:-}" ] && [ -x "${PG_BIN}/initdb" ] && return 0
    command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1
}

skip() {
    echo "ensure-postgres: $1; PostgreSQL tests will be skipped"
    exit 0
}

have_postgres && exit 0

command -v apt-get >/dev/null 2>&1 || skip "PostgreSQL is not installed and apt-get is not available"

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    skip "PostgreSQL is not installed and installing it needs root"
fi

export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! timeout 300 "${SUDO[@]}" apt-get update -qq >"$log" 2>&1; then
    skip "apt-get update failed ($(tail -n 1 "$log"))"
fi
if ! timeout 600 "${SUDO[@]}" apt-get install -y -qq --no-install-recommends \
    postgresql >"$log" 2>&1; then
    skip "apt-get install postgresql failed ($(tail -n 1 "$log"))"
fi
have_postgres || skip "postgresql installed but initdb was not found"
echo "ensure-postgres: installed $(ls -d /usr/lib/postgresql/*/ 2>/dev/null | head -n 1)"
exit 0
