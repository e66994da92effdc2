#!/usr/bin/env bash
# System packages the test suite needs on Debian 12: PHP with NuSOAP (the real ESWS test server)
# and the shared libraries QtWebEngine loads when rendering offscreen. Idempotent; run as root.
set -euo pipefail
packages=(
    python3 python3-venv binutils ca-certificates openssl
    php-cli php-xml libnusoap-php
    libnss3 libnspr4 libxkbcommon0 libxkbcommon-x11-0 libegl1 libgl1 libopengl0 libgbm1 libdrm2
    libfontconfig1 libfreetype6 fonts-dejavu-core libglib2.0-0 libdbus-1-3 libasound2 libcups2
    libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxi6 libxkbfile1 libxshmfence1 libx11-xcb1
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
    libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libatk1.0-0
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
php -r 'echo "PHP ", PHP_VERSION, "\n";'
