#!/usr/bin/env bash
# What the test suite needs from the machine, brought up before `make test` (and .ci/run) runs it:
# Debian's packages (installed with apt-get when root), PostgreSQL and Redis started when they
# are installed but not running. Silent, with no apt call, when everything is already there.
set -euo pipefail

# chromium + fonts-noto-cjk: the browser tests; wrk: the benchmark smoke tests;
# nginx: the deploy-config tests; redis-server: the Redis tests.
PACKAGES=(chromium fonts-noto-cjk wrk nginx redis-server)
REDIS_HOST=127.0.0.1
REDIS_PORT=6379

say() { echo "make test: $*" >&2; }

missing_packages() {
  command -v dpkg-query >/dev/null || return 0  # not Debian: the tests skip what is missing
  local installed  # dpkg-query fails on a package it has never seen: that one is missing
  installed=$({ dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${PACKAGES[@]}" 2>/dev/null ||
    true; } | awk '$2 == "installed" { print $1 }')
  for package in "${PACKAGES[@]}"; do
    grep -qx "$package" <<<"$installed" || echo "$package"
  done
}

wait_for() {  # wait_for <what> <command…>: up to 30 s for the command to succeed
  local what=$1
  shift
  for _ in $(seq 1 60); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  say "$what did not start"
  return 1
}

mapfile -t missing < <(missing_packages)
if ((${#missing[@]})); then
  if ((EUID != 0)); then
    say "missing Debian packages; run: sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
  say "installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# PostgreSQL (the suite's second backend, DATABASE_URL=postgres://…): start the local cluster.
if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ] &&
  ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  if ((EUID == 0)); then
    say "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    wait_for PostgreSQL pg_isready -h 127.0.0.1 -p 5432 -q || [[ ${DATABASE_URL:-} != postgres* ]]
  elif [[ ${DATABASE_URL:-} == postgres* ]]; then
    say "PostgreSQL is not running; run: sudo pg_ctlcluster $version main start"
    exit 1
  fi
fi

# Redis (the Redis tests use database 15, KB_TEST_REDIS_URL): start it without persistence.
# Where it cannot start, the Redis tests are skipped with that reason (CI fails on such skips).
if command -v redis-server >/dev/null && ! redis-cli -h $REDIS_HOST -p $REDIS_PORT ping >/dev/null 2>&1; then
  if ((EUID == 0)); then
    say "starting Redis"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port $REDIS_PORT --save "" \
      --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
    wait_for Redis redis-cli -h $REDIS_HOST -p $REDIS_PORT ping || true
  else
    say "Redis is not running (start it as root): the Redis tests will be skipped"
  fi
fi
