#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh machine, then run it.
# Used by the README's second command and by .ci/run (with CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; it never downloads one).
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# --- deploy tests (tests/deploy/): real rsync and nginx, run as the current user on a free port ---
if { ! command -v rsync >/dev/null || { ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; }; } \
    && command -v apt-get >/dev/null; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx-light rsync >/dev/null \
    || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx rsync >/dev/null
fi
# --- end of deploy tests ---

# Exactly the versions in the hashed lock (runtime, test and conformance extras), then Warta itself.
python3 -m venv .venv
.venv/bin/python -m pip install -q --require-hashes -r requirements/lock.txt
.venv/bin/python -m pip install -q --no-deps -e .

# axe-core (accessibility checks in the browser tests), from the npm registry, into a local cache.
if [ ! -f .warta/node/node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null; then
  npm install --silent --no-audit --no-fund --prefix .warta/node axe-core@4 >/dev/null
fi

# --- API descriptions for the conformance tests (tests/dispatch/test_conformance_*.py) ---
# Google's discovery document and Meta's SDK from PyPI (in the lock); GitHub's OpenAPI and X's SDK types from npm.
if [ ! -f .warta/node/node_modules/@octokit/openapi/generated/api.github.com.json ] && command -v npm >/dev/null; then
  npm install --silent --no-audit --no-fund --prefix .warta/node @octokit/openapi@23.0.2 @xdevplatform/xdk@0.6.6 >/dev/null
fi
# --- end of API descriptions ---

.venv/bin/ruff check src tests
.venv/bin/mypy
exec .venv/bin/python -m pytest -q -n 2 "$@"
