#!/usr/bin/env bash
# Debian packages the test suite needs: a PostgreSQL server and headless Chromium (with fonts
# for page screenshots). Installs only what is missing, so a second run costs nothing.
set -euo pipefail
missing=()
for pkg in postgresql chromium fonts-liberation; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
