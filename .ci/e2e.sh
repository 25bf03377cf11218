#!/usr/bin/env bash
# Browser journeys: Debian's Chromium driven by Playwright for Python, against the site
# served on loopback with a fresh database and the demo content. No browser is downloaded.
set -euo pipefail
export E2E_SCREENSHOTS="${E2E_SCREENSHOTS:-$(cd "$(dirname "$0")/.." && pwd)/artifacts/e2e}"
mkdir -p "$E2E_SCREENSHOTS"
source "$(dirname "$0")/e2e-setup.sh"

echo "e2e: screenshots go to $E2E_SCREENSHOTS"
$PY -m pytest -m e2e -p no:xdist "$@"
echo "e2e: screenshots are in $E2E_SCREENSHOTS"
