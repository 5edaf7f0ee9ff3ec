#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379) answer:
#   1. already running → nothing to do;
#   2. a Docker engine answers → `docker compose up -d postgres redis`;
#   3. otherwise the machine's own servers: started if installed, installed from the OS packages first
#      when missing (Debian/Ubuntu, as root).
set -euo pipefail
cd "$(dirname "$0")/.."

port_open() { node -e "const s=require('net').connect($1,'127.0.0.1');s.on('connect',()=>process.exit(0));s.on('error',()=>process.exit(1));setTimeout(()=>process.exit(1),1000)"; }
wait_port() { for _ in $(seq 1 60); do port_open "$1" && return 0; sleep 0.5; done; echo "port $1 did not open" >&2; return 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "need root for: $*" >&2; return 1; fi; }

if port_open 5432 && port_open 6379; then exit 0; fi

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  echo "services: starting postgres and redis with docker compose"
  docker compose up -d postgres redis
  wait_port 5432; wait_port 6379
  exit 0
fi

apt_updated=0
apt_install() {
  command -v apt-get >/dev/null || { echo "services: $* missing and no apt-get; install it yourself" >&2; exit 1; }
  [ "$apt_updated" = 1 ] || { as_root apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

if ! port_open 5432; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "services: installing PostgreSQL from the OS packages"
    apt_install postgresql
  fi
  ver=$(ls /etc/postgresql | sort -V | tail -n 1)
  hba="/etc/postgresql/$ver/main/pg_hba.conf"
  # Local development database: trust connections from this machine only.
  if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba" 2>/dev/null; then
    as_root sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  echo "services: starting PostgreSQL $ver"
  as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start || as_root pg_ctlcluster "$ver" main start
  wait_port 5432
fi

if ! port_open 6379; then
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "services: installing Redis from the OS packages"
    apt_install redis-server
  fi
  echo "services: starting Redis"
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/aggregator.log
  wait_port 6379
fi
