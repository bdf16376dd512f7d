#!/bin/sh
# Installs the Debian packages the tests need, only when one is missing:
# chromium (browser tests), ffmpeg and espeak-ng (sample media), nginx
# (production web-server test), nodejs and npm (axe-core, Lighthouse), fonts-dejavu-core
# (slide text of the sample videos). Runs as root, or through sudo when present.
set -eu
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v ffmpeg >/dev/null 2>&1 || missing="$missing ffmpeg"
command -v espeak-ng >/dev/null 2>&1 || missing="$missing espeak-ng"
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx"
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ] || missing="$missing fonts-dejavu-core"
# node + npm: axe-core (accessibility tests) and Lighthouse (make bench-web), see package.json.
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "install-system-deps: need root to install:$missing" >&2; exit 1
fi
echo "install-system-deps: installing$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
