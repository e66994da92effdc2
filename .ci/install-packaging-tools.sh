#!/usr/bin/env bash
# Install the Windows packaging toolchain that packaging/build.py and tests/packaging need, on
# Debian 12 (amd64), non-interactive:
#   - wine (wine64 + wine32:i386) to run Inno Setup's ISCC.exe and to test-install installers
#   - msitools (wixl, msiinfo) to build and inspect the MSI natively
#   - xvfb + xauth: an installer's setup.exe needs an X display under wine (ISCC does not)
#   - Inno Setup 6.4.1 from the npm package "innosetup" (ships ISCC.exe; nothing downloaded at
#     install time) into $INNOSETUP_DIR (default /opt/innosetup)
#   - the build tools pinned in packaging/requirements.txt (PyInstaller) into the venv given as $1
#     (default: the repository's .venv; else the python3 on PATH)
# and warms a 32-bit wine prefix for ISCC at $ISCC_WINEPREFIX (default /opt/innosetup/wineprefix).
#
# Idempotent: every step checks first and prints how long it took (about 1 s when all is there,
# ~45 s on a fresh machine). Runs as root, or as a user with sudo (apt, /opt); the wine prefix
# belongs to the user who runs the script, as wine requires. Usage:
#   bash .ci/install-packaging-tools.sh [/path/to/venv]
# Then: python packaging/build.py (see packaging/NOTES.md).
set -euo pipefail

INNOSETUP_VERSION=6.4.1
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REQUIREMENTS="$REPO/packaging/requirements.txt"
INNOSETUP_DIR=${INNOSETUP_DIR:-/opt/innosetup}
ISCC_WINEPREFIX=${ISCC_WINEPREFIX:-$INNOSETUP_DIR/wineprefix}
export DEBIAN_FRONTEND=noninteractive

t_all=$(date +%s)
step() { printf '\n== %s\n' "$*"; t_step=$(date +%s%N); }
done_step() {
  local ms=$((($(date +%s%N) - t_step) / 1000000))
  printf '== done in %d.%01d s\n' $((ms / 1000)) $((ms % 1000 / 100))
}

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "run as root, or install sudo (apt-get, /opt)" >&2; exit 1; }
  SUDO="sudo"
fi

# ---------------------------------------------------------------------------------------------
APT_PKGS=(wine wine32:i386 wine64 msitools wixl xvfb xauth)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
command -v npm >/dev/null || missing+=(npm)

if ((${#missing[@]})); then
  step "apt: ${missing[*]}"
  if ! dpkg --print-foreign-architectures | grep -qx i386; then
    $SUDO dpkg --add-architecture i386
  fi
  # A mirror mid-sync can fail one index (seen: bookworm-security i386 "File has unexpected
  # size"); apt-get update then exits 100 but the other indexes are fine, so go on.
  $SUDO apt-get update -q || echo "WARNING: apt-get update reported errors; continuing with the indexes it got"
  # wine32:i386 needs its i386 libraries at exactly the installed amd64 versions. When the
  # i386 and amd64 indexes disagree (security index of one arch missing, or amd64 libs older
  # than the bookworm point release), a plain install fails with "held broken packages";
  # -t bookworm then takes both arches from the bookworm suite and upgrades the amd64 libs to
  # match.
  if ! $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    echo "plain install failed; retrying with -t bookworm"
    $SUDO apt-get install -y -q --no-install-recommends -t bookworm "${missing[@]}"
  fi
  done_step
else
  echo "== apt: wine, wine32, msitools, wixl, xvfb, npm already installed"
fi
wine --version
wixl --version | sed 's/^/wixl /'

# ---------------------------------------------------------------------------------------------
ISCC="$INNOSETUP_DIR/node_modules/innosetup/bin/ISCC.exe"
installed_inno=$(node -p "require('$INNOSETUP_DIR/node_modules/innosetup/package.json').version" 2>/dev/null || true)
if [[ $installed_inno != "$INNOSETUP_VERSION" || ! -f $ISCC ]]; then
  step "npm: innosetup@$INNOSETUP_VERSION into $INNOSETUP_DIR"
  if [[ ! -d $INNOSETUP_DIR ]]; then
    $SUDO mkdir -p "$INNOSETUP_DIR"
    $SUDO chown "$(id -u):$(id -g)" "$INNOSETUP_DIR"
  fi
  [[ -f $INNOSETUP_DIR/package.json ]] \
    || echo '{"name":"i3sync-innosetup","private":true}' > "$INNOSETUP_DIR/package.json"
  # --ignore-scripts: the package has no install script (ISCC.exe is in the tarball); keep it so.
  (cd "$INNOSETUP_DIR" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error \
     --save-exact "innosetup@$INNOSETUP_VERSION")
  done_step
else
  echo "== npm: innosetup $installed_inno already in $INNOSETUP_DIR"
fi
test -f "$ISCC"

# ---------------------------------------------------------------------------------------------
# A 32-bit prefix is enough for ISCC.exe (a 32-bit program): created in ~7 s and ~590 MB,
# against ~12-14 s and ~1.3 GB for the default 64-bit one.
if [[ ! -f $ISCC_WINEPREFIX/system.reg ]]; then
  step "wine prefix for ISCC: $ISCC_WINEPREFIX (win32)"
  WINEPREFIX=$ISCC_WINEPREFIX WINEARCH=win32 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" \
    wine "$ISCC" '/?' >/dev/null 2>&1 || true   # ISCC /? exits 1 by design
  WINEPREFIX=$ISCC_WINEPREFIX wineserver -w
  test -f "$ISCC_WINEPREFIX/system.reg"
  done_step
else
  echo "== wine prefix for ISCC already at $ISCC_WINEPREFIX"
fi

# ---------------------------------------------------------------------------------------------
if [[ -n ${1:-} ]]; then
  PY="$1/bin/python"
elif [[ -x $REPO/.venv/bin/python ]]; then
  PY="$REPO/.venv/bin/python"
else
  PY=$(command -v python3 || command -v python)
fi
# Every "name==version" line of packaging/requirements.txt must be installed at that version.
if ! "$PY" - "$REQUIREMENTS" <<'PYCHECK'
import sys
from importlib import metadata

for line in open(sys.argv[1], encoding="utf-8"):
    line = line.split("#")[0].strip()
    if not line:
        continue
    name, _, wanted = line.partition("==")
    try:
        if metadata.version(name) != wanted:
            sys.exit(1)
    except metadata.PackageNotFoundError:
        sys.exit(1)
PYCHECK
then
  step "pip: packaging/requirements.txt into $("$PY" -c 'import sys; print(sys.prefix)')"
  "$PY" -m pip install -q --disable-pip-version-check -r "$REQUIREMENTS"
  done_step
else
  echo "== pip: packaging/requirements.txt already satisfied in $("$PY" -c 'import sys; print(sys.prefix)')"
fi

printf '\nISCC.exe:       %s\nISCC prefix:    %s\nPyInstaller:    %s\nall done in %d s\n' \
  "$ISCC" "$ISCC_WINEPREFIX" "$("$PY" -m PyInstaller --version)" "$(($(date +%s) - t_all))"
