#!/usr/bin/env bash
# `make screenshots`: every demo role's start page and the main pages at 360 and
# 1280 px, in English and Simplified Chinese, photographed by Playwright (Debian's
# Chromium) against the site served as for the browser journeys (.ci/e2e-setup.sh).
set -euo pipefail
out="${SCREENSHOTS_DIR:-$(cd "$(dirname "$0")/.." && pwd)/artifacts/screenshots}"
source "$(dirname "$0")/e2e-setup.sh"
mkdir -p "$out"
$PY .ci/screenshots.py "$out"
