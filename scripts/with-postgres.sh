#!/usr/bin/env bash
# Runs CMD... next to a throwaway PostgreSQL server: Debian's `postgresql` package (installed when missing, as root or
# with sudo), `initdb` in a temporary directory, the server on a free port of 127.0.0.1 (its unix socket in that
# directory), stopped and deleted afterwards. CMD sees:
#   KF_MESH_POSTGRES_URL                                     postgresql://postgres@127.0.0.1:<port>/postgres
#   BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING  the same URL, for TestDatabases of @backstage/backend-test-utils
#   KF_MESH_REQUIRE_POSTGRES=1                               tests fail (instead of running on SQLite only) without it
# Usage: scripts/with-postgres.sh CMD [ARGS...]
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "with-postgres: PostgreSQL is not installed; install Debian's postgresql package (needs root)" >&2
    exit 1
  fi
}

if [ -z "$(pg_bindir)" ]; then
  echo "with-postgres: installing Debian's postgresql package" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
bindir="$(pg_bindir)"
major="$(basename "$(dirname "$bindir")")"

# The server refuses to run as root: as root it runs as the postgres user the package created.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

dir="$(mktemp -d "${TMPDIR:-/tmp}/kf-mesh-postgres.XXXXXX")"
chmod 700 "$dir"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi

stop() {
  as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
trap "exit 130" INT TERM

as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
# fsync off: a throwaway server for tests, durability is not the question
as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null

url="postgresql://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $major on 127.0.0.1:$port (data in $dir)" >&2
export KF_MESH_POSTGRES_URL="$url"
export "BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING=$url"
export KF_MESH_REQUIRE_POSTGRES=1

"$@"
