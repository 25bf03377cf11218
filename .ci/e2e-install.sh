#!/usr/bin/env bash
# What the browser journeys and `make screenshots` need, installed when missing:
# Debian's Chromium, CJK fonts (so the Chinese pages' screenshots show characters)
# and axe-core (accessibility rules) from the npm registry, pinned in
# tests/e2e/package.json. Run by .ci/e2e-setup.sh, and by .ci/run before the steps
# that run side by side (two apt-get at once would fight over apt's locks).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v chromium >/dev/null || [ ! -d /usr/share/fonts/opentype/noto ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
if [ ! -f tests/e2e/node_modules/axe-core/axe.min.js ]; then
  (cd tests/e2e && npm install --no-audit --no-fund --silent)
fi
