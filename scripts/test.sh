#!/usr/bin/env bash
# `npm test`: the system packages the tests need, a throwaway PostgreSQL for the PostgreSQL suites when
# this machine can run one, then typecheck, lint, build, Vitest and the offline evals.
#
# System packages: chromium (browser tests) and poppler-utils (pdftotext, used as a reference). Missing
# ones are installed when this is Debian and we are root; anywhere else the run stops naming them.
#
# PostgreSQL suites: run against PREJURY_TEST_DATABASE_URL when it is set. Otherwise, as root on Debian,
# this installs postgresql-15 + postgresql-server-dev-15, builds pgvector from the vendored tarball
# (PREJURY_PGVECTOR_TARBALL, default ../shared/vendor/pgvector-0.8.6.tar.gz), starts a cluster as the
# `postgres` user on a free port under a temporary folder, and stops it at the end. Elsewhere (or with
# PREJURY_TEST_POSTGRES=0) those suites skip and say why. CI sets nothing: it is root on Debian.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[npm test]\033[0m %s\n' "$*"; }

is_root_debian() { [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; }

apt_updated=0
apt_install() {
  say "installing $* (apt-get)"
  if [ $apt_updated = 0 ]; then
    apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- system packages the browser and extraction tests need -------------------------------------------
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  if is_root_debian; then
    apt_install "${need[@]}" fonts-dejavu-core
  else
    echo "npm test needs these system packages, missing here: ${need[*]}." >&2
    echo "Install them (Debian/Ubuntu: sudo apt-get install ${need[*]}) and run npm test again." >&2
    exit 1
  fi
fi

# --- PostgreSQL for the PostgreSQL suites ------------------------------------------------------------
pg_bin=/usr/lib/postgresql/15/bin
pg_dir=""
stop_postgres() {
  if [ -n "$pg_dir" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap stop_postgres EXIT

start_postgres() {
  local tarball="${PREJURY_PGVECTOR_TARBALL:-../shared/vendor/pgvector-0.8.6.tar.gz}"
  local pkgs=()
  [ -x "$pg_bin/initdb" ] || pkgs+=(postgresql-15)
  [ -f /usr/include/postgresql/15/server/postgres.h ] || pkgs+=(postgresql-server-dev-15)
  local has_vector=0
  [ -f /usr/share/postgresql/15/extension/vector.control ] && has_vector=1
  if [ $has_vector = 0 ] && [ ! -f "$tarball" ]; then
    say "PostgreSQL suites will be skipped: pgvector is not installed and $tarball is missing (set PREJURY_PGVECTOR_TARBALL)."
    return 0
  fi
  if [ ${#pkgs[@]} -gt 0 ]; then apt_install "${pkgs[@]}" make gcc; fi
  if [ $has_vector = 0 ]; then
    say "building pgvector from $tarball"
    local src
    src=$(mktemp -d /tmp/prejury-pgvector.XXXXXX)
    tar xzf "$tarball" -C "$src"
    make -s -C "$src"/pgvector-* >/dev/null 2>&1 && make -s -C "$src"/pgvector-* install >/dev/null
    rm -rf "$src"
  fi
  pg_dir=$(mktemp -d /tmp/prejury-test-pg.XXXXXX)
  chown postgres "$pg_dir"
  local port
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -w -l "$pg_dir/log" \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  export PREJURY_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  say "PostgreSQL $(runuser -u postgres -- "$pg_bin/postgres" --version | awk '{print $3}') + pgvector on 127.0.0.1:$port for the PostgreSQL suites"
}

if [ -n "${PREJURY_TEST_DATABASE_URL:-}" ]; then
  say "PostgreSQL suites run against PREJURY_TEST_DATABASE_URL"
elif [ "${PREJURY_TEST_POSTGRES:-1}" = 0 ]; then
  say "PostgreSQL suites will be skipped (PREJURY_TEST_POSTGRES=0)"
elif is_root_debian; then
  start_postgres
else
  say "PostgreSQL suites will be skipped: set PREJURY_TEST_DATABASE_URL to a superuser URL on PostgreSQL 15+ with pgvector (or run as root on Debian to have one started)."
fi

# --- the tests ---------------------------------------------------------------------------------------
npm run typecheck
npm run lint
npm run build
npx vitest run
npm run evals -- --ci
