#!/usr/bin/env bash
# Run Inno Setup's ISCC.exe under wine, headless, and pass its exit code through
# (0 ok, 1 bad command line, 2 compile error). Installed by .ci/install-packaging-tools.sh.
#   packaging/iscc.sh [ISCC options] script.iss
#   e.g. packaging/iscc.sh /Q /DAppVersion=1.2.3 /DCompression=lzma2/fast installer.iss
# Arguments naming an existing file or folder by absolute Linux path (the .iss, or the value
# of /O, /DSourceDir=, /DOutputDir=) are turned into Z:\ paths: ISCC would read "/work/x.iss"
# as an unknown switch. Relative paths are passed as they are (wine keeps the working dir).
set -euo pipefail
INNOSETUP_DIR=${INNOSETUP_DIR:-/opt/innosetup}
ISCC="$INNOSETUP_DIR/node_modules/innosetup/bin/ISCC.exe"
export WINEPREFIX=${ISCC_WINEPREFIX:-$INNOSETUP_DIR/wineprefix}
export WINEARCH=win32 WINEDEBUG=${WINEDEBUG:--all} WINEDLLOVERRIDES="mscoree,mshtml="
[[ -f $ISCC ]] || { echo "no $ISCC: run .ci/install-packaging-tools.sh" >&2; exit 1; }

winpath() {  # /abs/path -> Z:\abs\path (no winepath: it would start the prefix twice)
  local p=${1//\//\\}
  printf 'Z:%s' "$p"
}

args=()
for a in "$@"; do
  case $a in
    /O/*) args+=("/O$(winpath "${a#/O}")") ;;
    /D*=/*) args+=("${a%%=*}=$(winpath "${a#*=}")") ;;
    /*) if [[ -e $a ]]; then args+=("$(winpath "$a")"); else args+=("$a"); fi ;;
    *) args+=("$a") ;;
  esac
done

# exec: ISCC's exit code is ours. wineserver lingers ~3 s after; the prefix is ISCC's own, so
# no later wine run under Xvfb (wine-smoke-test.sh uses its own prefix) inherits this
# headless session (a setup.exe started in a prefix whose wineserver came up without DISPLAY
# fails with "Error reading FPreparingMemo.Lines.Strings: A call to an OS function failed").
exec wine "$ISCC" "${args[@]}"
