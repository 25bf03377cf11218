# Shared by .ci/e2e.sh (the browser journeys) and .ci/screenshots.sh (`make
# screenshots`); sourced, not run. Installs Debian's Chromium, the CJK fonts and
# axe-core if missing, then serves the site on a free loopback port with a fresh
# database and the small demo, and exports E2E_BASE_URL (and the other E2E_*
# settings) for Playwright. The server stops when the calling script exits.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=.venv/bin/python

# Chromium, CJK fonts, axe-core.
bash .ci/e2e-install.sh

work=$(mktemp -d /tmp/craftskills-e2e.XXXXXX)
# A free loopback port of our own, so several runs on one machine never share a server.
port=${E2E_PORT:-$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
export DJANGO_SETTINGS_MODULE=config.settings.dev
export DATABASE_URL="sqlite:///$work/db.sqlite3"
export MEDIA_ROOT="$work/media"
export EMAIL_URL="filemail:///$work/mail"   # journeys read verification links from here
export REQUIRE_MFA=0
export DEBUG=1
export E2E_BASE_URL="http://127.0.0.1:$port"
export SITE_URL="$E2E_BASE_URL"  # QR codes and links in e-mails
export E2E_MAIL_DIR="$work/mail"
export SMS_BACKEND=lms.sms.backends.FileSender  # text messages (sign-in codes) as files
export SMS_FILE_PATH="$work/sms" E2E_SMS_DIR="$work/sms"
mkdir -p "$work/mail" "$work/sms"

$PY manage.py migrate --no-input -v 0
# The journeys count on the minimal demo (one agreement, a few certificates); the
# world of workers (tests/home/test_demo_world.py) is not loaded here.
$PY manage.py load_demo --small >"$work/demo.log"
$PY manage.py runserver "127.0.0.1:$port" --noreload >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$E2E_BASE_URL/healthz/" >/dev/null && break
  kill -0 $server 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.5
done
