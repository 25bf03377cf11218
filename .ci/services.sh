#!/usr/bin/env bash
# The scale-out components on one machine: PostgreSQL and Redis from Debian's packages
# (and nginx), as throwaway instances on loopback that this script owns and stops on exit.
#
#   bash .ci/services.sh test    whole test suite on PostgreSQL + Redis, then tests/services/
#                                (real gunicorn, nginx, Celery workers and beat, faults, load);
#                                SERVICES_ONLY=1 skips the suite part (pytest args pass on:
#                                SERVICES_ONLY=1 bash .ci/services.sh test tests/services/x.py);
#                                SERVICES_SUITE_ONLY=1 runs only the suite part (.ci/run
#                                runs it beside the browser journeys, then the rest)
#   bash .ci/services.sh install installs what is missing (PostgreSQL, Redis, nginx), then ends
#   bash .ci/services.sh run     production settings: nginx (.ci/nginx.conf.template) on
#                                http://127.0.0.1:8089/ in front of gunicorn (127.0.0.1:8000),
#                                celery worker + beat, until Ctrl-C
#   bash .ci/services.sh bench   the benchmark suite (bench/)
#   bash .ci/services.sh stop    stops what a run that was killed (SIGKILL, reboot) left in
#                                SERVICES_DIR, by the pid files it wrote, and removes the folder
#
# Ports (override with env): PostgreSQL 54329, Redis 63799, gunicorn 8000, nginx 8089. Data
# lives in SERVICES_DIR (default /tmp/craftskills-services), made afresh on every run and
# removed on exit (KEEP_SERVICES_DATA=1 keeps it, to read the logs).
#
# Safe next to anything else: it signals only processes it started itself (pid files it
# wrote, "<pid> <start time>", the start time read again from /proc/<pid>/stat before any
# signal); it checks its ports before it stops or removes anything; a second run on the
# same SERVICES_DIR refuses while the first one lives (give it other SERVICES_* ports and
# folder to run both); apt is kept from starting system services while it installs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY="$ROOT/.venv/bin/python"
MODE=${1:-test}
shift || true

PG_PORT=${SERVICES_PG_PORT:-54329}
REDIS_PORT=${SERVICES_REDIS_PORT:-63799}
WEB_PORT=${SERVICES_WEB_PORT:-8000}
NGINX_PORT=${SERVICES_NGINX_PORT:-8089}
DIR=${SERVICES_DIR:-/tmp/craftskills-services}
DIR=${DIR%/}
MARKER="$DIR/.craftskills-services"
DB_NAME=craftskills
DB_USER=craftskills
DB_PASSWORD=craftskills-local-only
POLICY_RC=/usr/sbin/policy-rc.d

log() { printf 'services: %s\n' "$*" >&2; }
refuse() {
  log "$*"
  exit 1
}

case "$MODE" in
  test | run | bench | stop | install) ;;
  *)
    echo "usage: $0 test|run|bench|stop|install [pytest or bench args]" >&2
    exit 2
    ;;
esac

# The newest PostgreSQL installed (Debian 12 ships 15, Debian 13 ships 17).
pg_bin() {
  local bin
  bin=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null |
    sort -V | tail -n1)
  [ -n "$bin" ] && [ -x "$bin/pg_ctl" ] && echo "$bin"
}

# --- processes this script (or the tests it runs) started ------------------------------
start_time() {
  # Field 22 of /proc/<pid>/stat; the fields before it may hold spaces inside "(...)".
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  set -- $stat
  echo "${20}"
}

record_pid() { # file pid
  printf '%s %s\n' "$2" "$(start_time "$2")" >"$1"
}

recorded_alive() {
  # Prints the pid recorded in file $1 if that very process still runs: same pid and
  # same start time. A bare or stale pid (its number reused since) is never trusted.
  local pid start
  [ -f "$1" ] || return 1
  read -r pid start <"$1" || return 1
  [[ "$pid" =~ ^[0-9]+$ && "$start" =~ ^[0-9]+$ ]] || return 1
  [ "$(start_time "$pid" || true)" = "$start" ] || return 1
  echo "$pid"
}

stop_recorded() {
  # TERM to the recorded process (to its whole group when it leads one, as the tests'
  # workers and servers do), KILL after 15 s; then the pid file goes.
  local file=$1 pid target
  if pid=$(recorded_alive "$file"); then
    target=$pid
    [ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" = "$pid" ] && target=-$pid
    kill -TERM -- "$target" 2>/dev/null || true
    for _ in $(seq 1 75); do recorded_alive "$file" >/dev/null || break; sleep 0.2; done
    if recorded_alive "$file" >/dev/null; then kill -KILL -- "$target" 2>/dev/null || true; fi
  fi
  rm -f "$file"
}

stop_postgres() {
  local bin
  [ -f "$DIR/pids/postgres.pid" ] || return 0
  bin=${PG_BIN:-$(pg_bin || true)}
  if [ -n "$bin" ] && recorded_alive "$DIR/pids/postgres.pid" >/dev/null; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$DIR/pg" -m fast -w -t 20 stop \
      >/dev/null 2>&1 ||
      runuser -u postgres -- "$bin/pg_ctl" -D "$DIR/pg" -m immediate -w stop \
        >/dev/null 2>&1 || true
  fi
  rm -f "$DIR/pids/postgres.pid"
}

stop_all() {
  [ -d "$DIR/pids" ] || return 0
  local f
  for f in "$DIR"/pids/*.pid; do
    [ -e "$f" ] || continue
    case ${f##*/} in postgres.pid | redis.pid) continue ;; esac
    stop_recorded "$f"
  done
  stop_postgres
  stop_recorded "$DIR/pids/redis.pid"
}

remove_dir() {
  # Renamed first (atomic), so that no other run ever sees it half removed.
  local gone="$DIR.removing.$$"
  mv "$DIR" "$gone" && rm -rf "$gone"
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_all
  if [ "${KEEP_SERVICES_DATA:-0}" = 1 ]; then
    rm -f "$DIR/owner.pid"
    log "data kept in $DIR (KEEP_SERVICES_DATA=1)"
  else
    remove_dir
  fi
  exit "$rc"
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- the data folder: one run at a time -------------------------------------------------
dir_in_use() {
  # Refuses when $DIR is not ours or another run of this script still uses it. Only reads.
  local owner
  [ -e "$DIR" ] || return 0
  [ -f "$MARKER" ] || refuse "$DIR exists and was not made by this script: remove it or set SERVICES_DIR"
  if owner=$(recorded_alive "$DIR/owner.pid"); then
    refuse "another run (pid $owner) is using $DIR; wait for it to end, or give this run its own SERVICES_DIR, SERVICES_PG_PORT, SERVICES_REDIS_PORT, SERVICES_WEB_PORT and SERVICES_NGINX_PORT"
  fi
}

remove_leftovers() {
  # A run that was killed without its cleanup: stop what it recorded, then its folder.
  [ -e "$DIR" ] || return 0
  log "$DIR holds the leftovers of a run that did not finish: stopping what it started"
  stop_all
  remove_dir
}

claim_dir() {
  dir_in_use  # again: installing took a while
  remove_leftovers
  # mkdir is atomic: of two runs racing for the same folder, one wins.
  mkdir -m 755 "$DIR" 2>/dev/null || refuse "another run has just taken $DIR"
  touch "$MARKER"
  mkdir "$DIR/pids"
  record_pid "$DIR/owner.pid" "$$"
}

if [ "$MODE" = stop ]; then
  dir_in_use
  remove_leftovers
  exit 0
fi

# --- install what is missing (a fresh machine has nothing) --------------------------
running_units() {
  [ -d /run/systemd/system ] || return 0
  systemctl list-units --type=service --state=running --no-legend --plain 2>/dev/null |
    awk '{print $1}' | sort
}

install_packages() {
  local want=() wrote_policy=0 before rc=0 unit
  pg_bin >/dev/null || want+=(postgresql)  # Debian's default version
  command -v redis-server >/dev/null || want+=(redis-server)
  command -v redis-cli >/dev/null || want+=(redis-tools)
  # nginx in front of gunicorn (run mode, services tests) and the bench floor; the
  # plain `nginx` package exists in Debian 12 and 13 (nginx-light is gone in 13).
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || want+=(nginx)
  if [ "$MODE" = bench ]; then  # the load generators (locust comes from pyproject)
    command -v wrk >/dev/null || want+=(wrk)
  fi
  [ ${#want[@]} -gt 0 ] || return 0
  log "installing ${want[*]}"
  # Debian starts a package's service when it is installed (a system PostgreSQL on
  # 5432, Redis on 6379, nginx on 80); policy-rc.d answering 101 forbids that. One that
  # is there already (container images have one) is left as it is.
  if [ ! -e "$POLICY_RC" ]; then
    printf '#!/bin/sh\n# .ci/services.sh: no service starts during its apt-get install\nexit 101\n' \
      >"$POLICY_RC"
    chmod 755 "$POLICY_RC"
    wrote_policy=1
    trap 'rm -f "$POLICY_RC"' EXIT
  fi
  before=$(running_units)
  {
    apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        -o DPkg::Lock::Timeout=300 "${want[@]}" >/dev/null
  } || rc=$?
  if [ "$wrote_policy" = 1 ]; then
    rm -f "$POLICY_RC"
    trap - EXIT
  fi
  # Should a service have started anyway (a policy-rc.d someone else wrote that allows
  # it), stop what was not running before.
  for unit in $(comm -13 <(echo "$before") <(running_units)); do
    case $unit in postgresql* | redis* | nginx*)
      log "stopping $unit, started by apt"
      systemctl stop "$unit" || true
      ;;
    esac
  done
  return "$rc"
}

# --- start -----------------------------------------------------------------------------
start_postgres() {
  install -d -o postgres -g postgres -m 700 "$DIR/pg" "$DIR/pgrun"
  runuser -u postgres -- test -w "$DIR/pg" ||
    refuse "the postgres user cannot reach $DIR: choose a SERVICES_DIR it may enter"
  printf '%s\n' "$DB_PASSWORD" >"$DIR/pgpass.tmp"
  chown postgres "$DIR/pgpass.tmp"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$DIR/pg" -U "$DB_USER" \
    --pwfile="$DIR/pgpass.tmp" --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 ||
    refuse "initdb failed: $(tail -n 5 "$DIR/initdb.log")"
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
    start >/dev/null || refuse "PostgreSQL did not start: $(tail -n 5 "$DIR/pgrun/postgres.log")"
  record_pid "$DIR/pids/postgres.pid" "$(head -n1 "$DIR/pg/postmaster.pid")"
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
pidfile $DIR/redis/redis.pid
logfile $DIR/redis/redis.log
EOF
  mkdir -p "$DIR/redis"
  redis-server "$DIR/redis.conf"
  for _ in $(seq 1 100); do
    if redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG &&
      [ -s "$DIR/redis/redis.pid" ]; then
      record_pid "$DIR/pids/redis.pid" "$(cat "$DIR/redis/redis.pid")"
      return 0
    fi
    sleep 0.1
  done
  log "Redis did not answer on 127.0.0.1:$REDIS_PORT (see $DIR/redis/redis.log)"
  return 1
}

wait_for_url() {
  "$PY" - "$1" <<'EOF'
import sys, time, urllib.request
for _ in range(150):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=2)
        sys.exit(0)
    except OSError:
        time.sleep(0.2)
sys.exit(f"{sys.argv[1]} did not answer")
EOF
}

wait_for_pidfile() { # file: a daemon's own pid file, once it is written
  for _ in $(seq 1 150); do
    [ -s "$1" ] && return 0
    sleep 0.1
  done
  return 1
}

if [ "$MODE" = install ]; then
  install_packages
  exit 0
fi

# 1. Only reads: the folder (is another run using it?) and the ports.
dir_in_use
ports=("$PG_PORT" "$REDIS_PORT")
[ "$MODE" != test ] && ports+=("$WEB_PORT" "$NGINX_PORT")
for port in "${ports[@]}"; do
  if port_busy "$port"; then
    log "port $port on 127.0.0.1 is taken: this script starts nothing on a port in use."
    log "Choose others (SERVICES_PG_PORT, SERVICES_REDIS_PORT, SERVICES_WEB_PORT,"
    log "SERVICES_NGINX_PORT); if it is left over from a run that was killed,"
    log "'bash .ci/services.sh stop' (same SERVICES_DIR) stops what that run started."
    exit 1
  fi
done
# 2. Install, then take the folder (stopping only what a dead run recorded there).
install_packages
PG_BIN=$(pg_bin) || refuse "no PostgreSQL under /usr/lib/postgresql/*/bin"
claim_dir
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_postgres
start_redis
log "PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT, data in $DIR"

export DATABASE_URL="postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/$DB_NAME"
export CELERY_BROKER_URL="redis://127.0.0.1:$REDIS_PORT/0"
export CACHE_URL="redis://127.0.0.1:$REDIS_PORT/1"
export SERVICES_DIR="$DIR"
export SERVICES_REDIS_CONF="$DIR/redis.conf"
export SERVICES_PG_BIN="$PG_BIN"

production_env() {
  # Production settings for plain http on loopback.
  export DJANGO_SETTINGS_MODULE=config.settings.production
  SECRET_KEY=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')
  export SECRET_KEY
  CREDENTIAL_KEYS_SECRET=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')
  export CREDENTIAL_KEYS_SECRET
  # The demo's own certificate authority signs the certificate PDFs (a real
  # deployment names its certificate and key files instead: docs/deployment.md).
  export PDF_SIGNING_MODE=database
  PDF_SIGNING_SECRET=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(32))')
  export PDF_SIGNING_SECRET
  export ALLOWED_HOSTS=127.0.0.1,localhost
  export CSRF_TRUSTED_ORIGINS="http://127.0.0.1:$WEB_PORT,http://localhost:$WEB_PORT"
  # Plain http on loopback: no redirect to https, no HSTS, cookies without Secure.
  export SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0 SECURE_COOKIES=0
  export SERVE_MEDIA=1
  export MEDIA_ROOT="$DIR/media" PRIVATE_MEDIA_ROOT="$DIR/private"
  export STATIC_ROOT="$DIR/static"
  export SITE_URL="http://127.0.0.1:$WEB_PORT"
  export EMAIL_URL="filemail:///$DIR/mail"  # django-environ drops one leading /
  mkdir -p "$DIR/media" "$DIR/private" "$DIR/mail"
}

start_nginx() { # config file
  nginx -c "$1" -e "$DIR/nginx/error.log"
  wait_for_pidfile "$DIR/nginx/nginx.pid" || refuse "nginx did not start (see $DIR/nginx)"
  record_pid "$DIR/pids/nginx.pid" "$(cat "$DIR/nginx/nginx.pid")"
}

render_nginx_conf() {
  # .ci/nginx.conf.template, every upper-case name between at signs filled in.
  mkdir -p "$DIR/nginx"
  sed -e "s|@USER@|$(id -un)|g" -e "s|@NGINX_DIR@|$DIR/nginx|g" \
    -e "s|@PID_FILE@|$DIR/nginx/nginx.pid|g" -e "s|@GUNICORN_PORT@|$WEB_PORT|g" \
    -e "s|@NGINX_PORT@|$NGINX_PORT|g" -e "s|@STATIC_ROOT@|$STATIC_ROOT|g" \
    -e "s|@MEDIA_ROOT@|$MEDIA_ROOT|g" -e "s|@PRIVATE_MEDIA_ROOT@|$PRIVATE_MEDIA_ROOT|g" \
    "$ROOT/.ci/nginx.conf.template" >"$DIR/nginx/nginx.conf"
  if grep -v '^ *#' "$DIR/nginx/nginx.conf" | grep -q '@[A-Z_]*@'; then
    refuse "nginx.conf.template has a value this script does not fill in"
  fi
}

case "$MODE" in
  test)
    # Ordinary tests keep eager Celery; tests/services/ start real workers themselves.
    export SERVICES=1
    export DJANGO_SETTINGS_MODULE=config.settings.test
    # pytest's temporary folders inside $DIR: removed with it.
    base="$DIR/pytest"
    mkdir -p "$base"
    # The suite on PostgreSQL + Redis, one worker per core (each has its own test
    # database and Redis database), with production's caches on (cached_db sessions on
    # Redis, the anonymous page cache: config/settings/test.py), so the code path
    # production runs is the one the whole suite runs; then the real-process tests,
    # one at a time.
    # (Exit status 5 = nothing selected, e.g. when only a services file is named.)
    if [ "${SERVICES_ONLY:-0}" != 1 ]; then
      PRODUCTION_CACHES=1 "$PY" -m pytest -n 2 -m "not e2e and not services" -p no:randomly \
        --basetemp="$base/suite" "$@" || [ $? -eq 5 ]
    fi
    if [ "${SERVICES_SUITE_ONLY:-0}" != 1 ]; then
      "$PY" -m pytest -m services -p no:randomly -p no:xdist --durations=0 --durations-min=1 \
        --basetemp="$base/services" "$@"
    fi
    ;;

  run)
    production_env
    # The public address is nginx's; gunicorn on $WEB_PORT answers it too.
    export SITE_URL="http://127.0.0.1:$NGINX_PORT"
    # nginx is the one proxy in front: the client is the last X-Forwarded-For entry.
    export TRUSTED_PROXY_COUNT=1
    # Private files: Django checks the permission, nginx sends the bytes.
    export PRIVATE_MEDIA_ACCEL_REDIRECT=/protected/
    export CSRF_TRUSTED_ORIGINS="$SITE_URL,http://localhost:$NGINX_PORT,$CSRF_TRUSTED_ORIGINS"
    "$PY" manage.py migrate --no-input -v 0
    "$PY" manage.py collectstatic --no-input -v 0
    "$PY" manage.py load_demo
    "$ROOT/.venv/bin/gunicorn" config.wsgi --workers 3 --bind "127.0.0.1:$WEB_PORT" \
      --access-logfile - --graceful-timeout 10 &
    record_pid "$DIR/pids/gunicorn.pid" $!
    "$ROOT/.venv/bin/celery" -A config worker -l info --concurrency 2 -P prefork &
    record_pid "$DIR/pids/worker.pid" $!
    "$ROOT/.venv/bin/celery" -A config beat -l info \
      --schedule "$DIR/celerybeat-schedule" &
    record_pid "$DIR/pids/beat.pid" $!
    wait_for_url "http://127.0.0.1:$WEB_PORT/healthz/" || log "gunicorn did not answer yet"
    render_nginx_conf
    start_nginx "$DIR/nginx/nginx.conf"
    log "serving http://127.0.0.1:$NGINX_PORT/ (nginx in front of gunicorn on :$WEB_PORT,"
    log "production settings); e-mails go to $DIR/mail"
    log "Ctrl-C stops nginx, gunicorn, the worker, beat, Redis and PostgreSQL"
    # Stays in the foreground until Ctrl-C or until one of the three exits.
    wait -n || true
    ;;

  bench)
    # The benchmark suite on generated data (BENCH_SIZE=small|large; BENCH_QUICK=1 for
    # a tiny run that checks the wiring) under the
    # production settings: gunicorn (2 x cores + 1 sync workers), a Celery worker, the
    # load scenarios with locust (bench/scenarios.py), the bare floor
    # view (config.settings.bench: production plus bench/urls.py, never used outside
    # this mode) and nginx serving the static floor on $NGINX_PORT. Figures go to
    # bench/results/ and docs/benchmarks.md.
    production_env
    export DJANGO_SETTINGS_MODULE=config.settings.bench
    export REQUIRE_MFA=0  # the benchmark signs people in directly
    SIZE=${BENCH_SIZE:-small}
    WORKERS=$((2 * $(nproc) + 1))
    "$PY" manage.py migrate --no-input -v 0
    "$PY" manage.py collectstatic --no-input -v 0
    log "load_demo (output in $DIR/load_demo.log)"
    # The minimal demo: the figures compare with earlier runs (the demo world would
    # add its own rows to the generated volume).
    "$PY" manage.py load_demo --small >"$DIR/load_demo.log" 2>&1
    mkdir -p "$DIR/floor" "$DIR/nginx"
    cat >"$DIR/nginx/floor.conf" <<EOF
worker_processes 1;
daemon on;
pid $DIR/nginx/nginx.pid;
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
    start_nginx "$DIR/nginx/floor.conf"
    # --timeout 120: a worker booting on a loaded machine takes longer than the
    # default 30 s (it is killed and booted again, for ever); a slow request under
    # load is then measured as latency instead of cut off.
    "$ROOT/.venv/bin/gunicorn" config.wsgi --workers "$WORKERS" \
      --bind "127.0.0.1:$WEB_PORT" --pid "$DIR/gunicorn.pid" --daemon --timeout 120 \
      --error-logfile "$DIR/gunicorn.log"
    wait_for_pidfile "$DIR/gunicorn.pid" || refuse "gunicorn did not start"
    record_pid "$DIR/pids/gunicorn.pid" "$(cat "$DIR/gunicorn.pid")"
    # The production layout has a Celery worker: what the learners' actions queue
    # (notices, completion work) is done beside the load, as it would be.
    "$ROOT/.venv/bin/celery" -A config worker -l warning --concurrency 1 -P prefork \
      --logfile "$DIR/celery.log" &
    record_pid "$DIR/pids/worker.pid" $!
    wait_for_url "http://127.0.0.1:$WEB_PORT/healthz/"
    log "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
    "$PY" -m bench.run --size "$SIZE" --workers "$WORKERS" \
      --base-url "http://127.0.0.1:$WEB_PORT" \
      --nginx-url "http://127.0.0.1:$NGINX_PORT" --floor-dir "$DIR/floor" "$@"
    ;;
esac
