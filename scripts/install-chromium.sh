#!/bin/sh
# Installs Debian's Chromium for the browser test (tests/test_browser.py), which drives it with
# Playwright's Python API instead of downloading a browser. Idempotent: does nothing when
# /usr/bin/chromium is already there.
set -eu

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    exit 0
fi

fail() {
    echo "install-chromium: $*" >&2
    exit 1
}

command -v apt-get >/dev/null 2>&1 \
    || fail "$CHROMIUM is missing and apt-get is not available; install Chromium so that $CHROMIUM exists"

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    fail "$CHROMIUM is missing; run as root (or install sudo) to apt-get install chromium"
fi

echo "install-chromium: installing Debian's chromium package (for the browser test)"
$SUDO apt-get update -q || fail "apt-get update failed"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium \
    || fail "apt-get install chromium failed"
[ -x "$CHROMIUM" ] || fail "the chromium package is installed but $CHROMIUM is not there"
echo "install-chromium: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM installed")"
