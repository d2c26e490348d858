#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL server: Debian's postgresql package
# (installed when missing, as test/browser/ensure-chromium.sh does for Chromium), a new
# cluster in a temporary folder on a free port of 127.0.0.1, owned by a non-root user
# (initdb and pg_ctl refuse root), stopped and removed afterwards. The command sees the
# server as JIXIAO_TEST_PG=postgres://postgres@127.0.0.1:<port>/postgres.
#   bash packages/server/test/pg/with-postgres.sh <command…>
set -euo pipefail

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ -z "$(bindir)" ] || [ ! -x "$(bindir)/initdb" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL 测试需要 Debian 软件包 postgresql。请以 root 运行：apt-get install -y postgresql" >&2
    echo "the PostgreSQL tests need the Debian package postgresql: run as root: apt-get install -y postgresql" >&2
    exit 1
  fi
  echo "installing postgresql (Debian package) for the server tests…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
BIN="$(bindir)"

# initdb and pg_ctl will not run as root: use a system user of our own
AS=()
if [ "$(id -u)" -eq 0 ]; then
  id jixiao-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin jixiao-pg
  AS=(runuser -u jixiao-pg --)
fi

DIR="$(mktemp -d /tmp/jixiao-pg.XXXXXX)"
chmod 755 "$DIR"
[ "$(id -u)" -eq 0 ] && chown jixiao-pg "$DIR"
PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

stop() {
  "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT

"${AS[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT ($DIR)" >&2

export JIXIAO_TEST_PG="postgres://postgres@127.0.0.1:$PORT/postgres"
"$@"
