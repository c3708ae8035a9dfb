#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when the machine has none (the test command runs this itself).
# The tests never download a browser of their own: Playwright drives /usr/bin/chromium.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "Chromium is missing: installing Debian's chromium package for the browser tests (about a minute and a half)..."
run() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo > /dev/null; then sudo -n "$@"; else
  echo "Cannot install Chromium: run as root, or install the Debian package chromium yourself." >&2; exit 1; fi; }
run env DEBIAN_FRONTEND=noninteractive apt-get update -q
run env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
echo "Chromium installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
