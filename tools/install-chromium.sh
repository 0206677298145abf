#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (test/browser). Idempotent: does nothing when `chromium` is on PATH.
# Playwright's own browser download is not used: the tests drive the system Chromium through playwright-core.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends chromium
  command -v chromium >/dev/null 2>&1 && exit 0
fi

echo "install-chromium: the browser tests need Chromium on PATH as 'chromium': install it with your package manager (Debian/Ubuntu: sudo apt-get install chromium), then run the tests again." >&2
exit 1
