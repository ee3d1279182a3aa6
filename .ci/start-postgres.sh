#!/usr/bin/env bash
# Starts the machine's PostgreSQL (whatever version /etc/postgresql holds; installs it when
# absent) and makes a database for the tests. Prints the TEST_DATABASE_URL to use.
# Usage: start-postgres.sh [database name, default zugong_test]
set -euo pipefail
db=${1:-zugong_test}
case $db in *[!a-z0-9_]*) echo "数据库名只能含小写字母、数字和下划线：$db" >&2; exit 2 ;; esac
if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "PostgreSQL 未安装，正在安装…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version=$(ls /etc/postgresql | sort -V | tail -n 1)
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
  if su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
su postgres -c "psql -qAtc \"do \\\$\\\$ begin if not exists (select from pg_roles where rolname='zugong') then create role zugong login password 'zugong'; end if; end \\\$\\\$;\"" >&2
# A fresh test database every run: schemas left by an interrupted run do not pile up.
su postgres -c "dropdb --if-exists --force $db" >&2
su postgres -c "createdb -O zugong $db" >&2
port=$(su postgres -c "psql -qAtc 'show port'")
echo "postgres://zugong:zugong@127.0.0.1:${port}/${db}"
