#!/usr/bin/env bash
# The scale-out components on one machine: PostgreSQL 15 and Redis 7 from Debian's
# packages, as throwaway instances on loopback that this script owns and stops on exit.
#
#   bash .ci/services.sh test    whole test suite on PostgreSQL + Redis, plus tests/services/
#                                (real Celery workers, faults)
#   bash .ci/services.sh run     production settings: gunicorn + celery worker + beat on
#                                http://127.0.0.1:8000/ until Ctrl-C
#   bash .ci/services.sh bench   the benchmark suite (bench/)
#
# Ports (override with env): PostgreSQL 54329, Redis 63799, web 8000. Data lives in
# SERVICES_DIR (default /tmp/craftskills-services), made afresh on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY="$ROOT/.venv/bin/python"
MODE=${1:-test}
shift || true

PG_BIN=/usr/lib/postgresql/15/bin
PG_PORT=${SERVICES_PG_PORT:-54329}
REDIS_PORT=${SERVICES_REDIS_PORT:-63799}
WEB_PORT=${SERVICES_WEB_PORT:-8000}
NGINX_PORT=${SERVICES_NGINX_PORT:-8089}
DIR=${SERVICES_DIR:-/tmp/craftskills-services}
DB_NAME=craftskills
DB_USER=craftskills
DB_PASSWORD=craftskills-local-only

log() { printf 'services: %s\n' "$*" >&2; }

case "$MODE" in
  test | run | bench) ;;
  *)
    echo "usage: $0 test|run|bench [pytest or bench args]" >&2
    exit 2
    ;;
esac

# --- install what is missing (a fresh machine has nothing) --------------------------
install_packages() {
  local want=()
  [ -x "$PG_BIN/pg_ctl" ] || want+=(postgresql-15)
  command -v redis-server >/dev/null || want+=(redis-server)
  command -v redis-cli >/dev/null || want+=(redis-tools)
  if [ "$MODE" = bench ]; then  # the load generator and the static-file floor
    command -v wrk >/dev/null || want+=(wrk)
    command -v nginx >/dev/null || want+=(nginx-light)
  fi
  if [ ${#want[@]} -gt 0 ]; then
    log "installing ${want[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${want[@]}" >/dev/null
  fi
}

# --- stop what this script started ---------------------------------------------------
pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
# A pid file may be stale (after a reboot its number can belong to anything): only a
# process that is one of ours is ever signalled.
ours() { grep -qaE 'celery|gunicorn|redis-server|nginx' "/proc/$1/cmdline" 2>/dev/null; }

stop_pidfile() {
  # Stops the process whose id is in $1 (TERM, then KILL after a grace period).
  local file=$1 pid
  [ -f "$file" ] || return 0
  pid=$(head -n1 "$file" 2>/dev/null || true)
  if pid_alive "$pid" && ours "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do pid_alive "$pid" || break; sleep 0.2; done
    if pid_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$file"
}

stop_all() {
  [ -d "$DIR" ] || return 0
  # Processes the run mode or the services tests started (gunicorn, celery workers).
  if [ -d "$DIR/pids" ]; then
    for f in "$DIR"/pids/*.pid; do [ -e "$f" ] && stop_pidfile "$f"; done
  fi
  if [ -f "$DIR/pg/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast -w -t 20 stop \
      >/dev/null 2>&1 ||
      runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DIR/pg" -m immediate stop \
        >/dev/null 2>&1 || true
  fi
  stop_pidfile "$DIR/redis.pid"
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_all
  exit "$rc"
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- start -----------------------------------------------------------------------------
start_postgres() {
  install -d -o postgres -g postgres -m 700 "$DIR/pg" "$DIR/pgrun"
  printf '%s\n' "$DB_PASSWORD" >"$DIR/pgpass.tmp"
  chown postgres "$DIR/pgpass.tmp"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$DIR/pg" -U "$DB_USER" \
    --pwfile="$DIR/pgpass.tmp" --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1
  rm -f "$DIR/pgpass.tmp"
  # A throwaway cluster: durability settings off make the test database fast.
  cat >>"$DIR/pg/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$DIR/pgrun'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 128MB
EOF
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DIR/pg" -l "$DIR/pgrun/postgres.log" -w -t 60 \
    start >/dev/null
  runuser -u postgres -- "$PG_BIN/createdb" -h "$DIR/pgrun" -p "$PG_PORT" -U "$DB_USER" \
    "$DB_NAME"
}

start_redis() {
  cat >"$DIR/redis.conf" <<EOF
port $REDIS_PORT
bind 127.0.0.1
protected-mode yes
save ""
appendonly no
daemonize yes
dir $DIR/redis
pidfile $DIR/redis.pid
logfile $DIR/redis.log
EOF
  mkdir -p "$DIR/redis"
  redis-server "$DIR/redis.conf"
  for _ in $(seq 1 100); do
    redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && return 0
    sleep 0.1
  done
  log "Redis did not answer on 127.0.0.1:$REDIS_PORT (see $DIR/redis.log)"
  return 1
}

install_packages
# A previous run that was killed may have left its instances behind: stop them by pid.
stop_all
ports=("$PG_PORT" "$REDIS_PORT")
[ "$MODE" = run ] && ports+=("$WEB_PORT")
[ "$MODE" = bench ] && ports+=("$WEB_PORT" "$NGINX_PORT")
for port in "${ports[@]}"; do
  if port_busy "$port"; then
    log "port $port on 127.0.0.1 is taken by a process this script did not start;"
    log "stop it or choose others (SERVICES_PG_PORT, SERVICES_REDIS_PORT, SERVICES_WEB_PORT)"
    exit 1
  fi
done
# Only a folder this script made (it carries a marker) is ever removed.
if [ -e "$DIR" ] && [ ! -f "$DIR/.craftskills-services" ]; then
  log "$DIR exists and was not made by this script: remove it or set SERVICES_DIR"
  exit 1
fi
rm -rf "$DIR"
install -d -m 755 "$DIR" "$DIR/pids"
touch "$DIR/.craftskills-services"
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_postgres
start_redis
log "PostgreSQL on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT, data in $DIR"

export DATABASE_URL="postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/$DB_NAME"
export CELERY_BROKER_URL="redis://127.0.0.1:$REDIS_PORT/0"
export CACHE_URL="redis://127.0.0.1:$REDIS_PORT/1"
export SERVICES_DIR="$DIR"
export SERVICES_REDIS_CONF="$DIR/redis.conf"

production_env() {
  # Production settings for plain http on loopback.
  export DJANGO_SETTINGS_MODULE=config.settings.production
  SECRET_KEY=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')
  export SECRET_KEY
  export ALLOWED_HOSTS=127.0.0.1,localhost
  export CSRF_TRUSTED_ORIGINS="http://127.0.0.1:$WEB_PORT,http://localhost:$WEB_PORT"
  # Plain http on loopback: no redirect to https, no HSTS, cookies without Secure.
  export SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0 SECURE_COOKIES=0
  export SERVE_MEDIA=1
  export MEDIA_ROOT="$DIR/media"
  export SITE_URL="http://127.0.0.1:$WEB_PORT"
  export EMAIL_URL="filemail:///$DIR/mail"  # django-environ drops one leading /
  mkdir -p "$DIR/media" "$DIR/mail"
}

case "$MODE" in
  test)
    # Ordinary tests keep eager Celery; tests/services/ start real workers themselves.
    export SERVICES=1
    export DJANGO_SETTINGS_MODULE=config.settings.test
    # The suite on PostgreSQL + Redis, one worker per core (each has its own test
    # database and Redis database); then the real-worker tests, one at a time.
    # (Exit status 5 = nothing selected, e.g. when only a services file is named.)
    "$PY" -m pytest -n 2 -m "not e2e and not services" -p no:randomly "$@" ||
      [ $? -eq 5 ]
    "$PY" -m pytest -m services -p no:randomly "$@"
    ;;

  run)
    production_env
    "$PY" manage.py migrate --no-input -v 0
    "$PY" manage.py collectstatic --no-input -v 0
    "$PY" manage.py load_demo
    "$ROOT/.venv/bin/gunicorn" config.wsgi --workers 3 --bind "127.0.0.1:$WEB_PORT" \
      --pid "$DIR/pids/gunicorn.pid" --access-logfile - --graceful-timeout 10 &
    "$ROOT/.venv/bin/celery" -A config worker -l info --concurrency 2 -P prefork \
      --pidfile "$DIR/pids/worker.pid" &
    "$ROOT/.venv/bin/celery" -A config beat -l info \
      --schedule "$DIR/celerybeat-schedule" --pidfile "$DIR/pids/beat.pid" &
    "$PY" - "http://127.0.0.1:$WEB_PORT/healthz/" <<'EOF' || log "gunicorn did not answer yet"
import sys, time, urllib.request
for _ in range(150):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=2)
        sys.exit(0)
    except OSError:
        time.sleep(0.2)
sys.exit(1)
EOF
    log "serving http://127.0.0.1:$WEB_PORT/ (production settings); e-mails go to $DIR/mail"
    log "Ctrl-C stops gunicorn, the worker, beat, Redis and PostgreSQL"
    # Stays in the foreground until Ctrl-C or until one of the three exits.
    wait -n || true
    ;;

  bench)
    # The benchmark suite on generated data (BENCH_SIZE=small|large) under the
    # production settings: gunicorn (2 x cores + 1 sync workers) with the bare floor
    # view (BENCH_FLOOR=1, never set outside this mode) and nginx serving the static
    # floor on $NGINX_PORT. Figures go to bench/results/ and docs/benchmarks.md.
    production_env
    export REQUIRE_MFA=0  # the benchmark signs people in directly
    export BENCH_FLOOR=1
    SIZE=${BENCH_SIZE:-small}
    WORKERS=$((2 * $(nproc) + 1))
    "$PY" manage.py migrate --no-input -v 0
    "$PY" manage.py collectstatic --no-input -v 0
    log "load_demo (output in $DIR/load_demo.log)"
    # The minimal demo: the figures compare with earlier runs (the demo world would
    # add its own rows to the generated volume).
    "$PY" manage.py load_demo --small >"$DIR/load_demo.log" 2>&1
    mkdir -p "$DIR/floor" "$DIR/nginx"
    cat >"$DIR/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon on;
pid $DIR/pids/nginx.pid;
error_log $DIR/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $DIR/nginx/body;
  proxy_temp_path $DIR/nginx/proxy;
  fastcgi_temp_path $DIR/nginx/fastcgi;
  uwsgi_temp_path $DIR/nginx/uwsgi;
  scgi_temp_path $DIR/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $DIR/floor;
    default_type text/html;
  }
}
EOF
    nginx -c "$DIR/nginx/nginx.conf"
    "$ROOT/.venv/bin/gunicorn" config.wsgi --workers "$WORKERS" \
      --bind "127.0.0.1:$WEB_PORT" --pid "$DIR/pids/gunicorn.pid" --daemon \
      --error-logfile "$DIR/gunicorn.log"
    "$PY" - "http://127.0.0.1:$WEB_PORT/healthz/" <<'EOF'
import sys, time, urllib.request
for _ in range(150):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=2)
        sys.exit(0)
    except OSError:
        time.sleep(0.2)
sys.exit("gunicorn did not answer")
EOF
    "$PY" -m bench.run --size "$SIZE" --workers "$WORKERS" \
      --base-url "http://127.0.0.1:$WEB_PORT" \
      --nginx-url "http://127.0.0.1:$NGINX_PORT" --floor-dir "$DIR/floor" "$@"
    ;;
esac
