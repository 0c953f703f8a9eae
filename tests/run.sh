#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need (Dovecot, PostgreSQL, Chromium,
# the Python packages in a local .venv), then runs pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Real servers for the ingest and ledger tests; the fixtures start private instances themselves.
if [ ! -x /usr/sbin/dovecot ]; then
  echo "installing dovecot-imapd for the IMAP tests" >&2
  apt_install dovecot-imapd
fi
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "installing postgresql for the ledger tests" >&2
  apt_install postgresql
fi
# A real headless browser for the web page's tests (Selenium drives it; nothing is downloaded).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "installing chromium and chromium-driver for the web page's browser tests" >&2
  apt_install chromium chromium-driver
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'

exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
