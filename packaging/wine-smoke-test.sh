#!/usr/bin/env bash
# Install, check and uninstall the built installers in a throw-away 64-bit wine prefix.
#   packaging/wine-smoke-test.sh [--setup SETUP.exe] [--msi PACKAGE.msi] [--exe i3sync.exe]
# Checks: files in Program Files, the i3sync:// URL protocol command, the Start menu shortcut;
# after uninstall: files and registry gone, the user's profile folder kept (Inno only).
# Needs wine, xvfb-run (Inno's setup.exe creates windows even when /VERYSILENT; msiexec /qn
# does not). Inno is installed with /ALLUSERS: wine 8 has no FOLDERID_UserProgramFiles, so
# {autopf} of a per-user install fails there ("Failed to expand shell folder constant
# autopf"); on Windows the per-user default works.
set -euo pipefail
setup="" msi="" exe=i3sync.exe
while (($#)); do
  case $1 in
    --setup) setup=$2; shift 2 ;;
    --msi) msi=$2; shift 2 ;;
    --exe) exe=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ -n $setup || -n $msi ]] || { echo "give --setup and/or --msi" >&2; exit 2; }

export WINEPREFIX=${SMOKE_WINEPREFIX:-$(mktemp -d /tmp/i3sync-smoke.XXXXXX)/prefix}
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
unset WINEARCH
fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fail=1; }
t0=$(date +%s)

wine wineboot -i >/dev/null 2>&1
wine winecfg -v win10 >/dev/null 2>&1   # Inno's MinVersion=10.0.17763; wine 8 defaults to win7
wineserver -w
echo "prefix $WINEPREFIX ready in $(($(date +%s) - t0)) s"

app="$WINEPREFIX/drive_c/Program Files/I3 Sync Desktop"
appdata="$WINEPREFIX/drive_c/users/$(id -un)/AppData"

# Every headless wine call is followed by "wineserver -w": a setup.exe or unins000.exe started
# under Xvfb while a wineserver from a headless call still lingers (~3 s) joins that session
# and dies ("Class does not exist", "Error reading FPreparingMemo.Lines.Strings").
url_command() {
  wine reg query 'HKLM\Software\Classes\i3sync\shell\open\command' /ve 2>/dev/null | tr -d '\r' \
    | sed -n 's/.*REG_SZ *//p'
  wineserver -w
}

check_installed() {  # $1 = label
  [[ -f $app/$exe ]] && ok "$1: $exe installed" || bad "$1: $app/$exe missing"
  local cmd
  cmd=$(url_command)
  [[ $cmd == "\"C:\\Program Files\\I3 Sync Desktop\\$exe\" \"%1\"" ]] \
    && ok "$1: i3sync:// -> $cmd" || bad "$1: i3sync:// command is '$cmd'"
  find "$WINEPREFIX/drive_c" -name 'I3 Sync Desktop.lnk' -path '*Start Menu*' | grep -q . \
    && ok "$1: Start menu shortcut" || bad "$1: no Start menu shortcut"
}

check_removed() {
  [[ ! -e $app ]] && ok "$1: install folder removed" || bad "$1: $app still there"
  [[ -z $(url_command) ]] && ok "$1: i3sync:// removed" || bad "$1: i3sync:// still registered"
}

if [[ -n $setup ]]; then
  t=$(date +%s)
  xvfb-run -a sh -c 'wine "$0" /VERYSILENT /SUPPRESSMSGBOXES /ALLUSERS /TASKS=desktopicon; rc=$?; wineserver -w; exit $rc' \
    "$setup" >/dev/null 2>&1 && ok "inno: setup exited 0 ($(($(date +%s) - t)) s)" || bad "inno: setup failed"
  check_installed inno
  mkdir -p "$appdata/Roaming/I3Sync/i3sync"
  echo '{}' > "$appdata/Roaming/I3Sync/i3sync/profiles.json"
  xvfb-run -a sh -c 'wine "C:\\Program Files\\I3 Sync Desktop\\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES; rc=$?; wineserver -w; exit $rc' \
    >/dev/null 2>&1 && ok "inno: uninstaller exited 0" || bad "inno: uninstaller failed"
  check_removed inno
  [[ -f $appdata/Roaming/I3Sync/i3sync/profiles.json ]] \
    && ok "inno: user profile kept" || bad "inno: user profile deleted"
  rm -rf "$appdata/Roaming/I3Sync"
fi

if [[ -n $msi ]]; then
  t=$(date +%s)
  msi=$(realpath "$msi"); msi="Z:${msi//\//\\}"   # msiexec reads /tmp/x.msi as a switch
  wine msiexec /i "$msi" /qn && ok "msi: msiexec /i exited 0 ($(($(date +%s) - t)) s)" || bad "msi: install failed"
  wineserver -w
  check_installed msi
  wine msiexec /x "$msi" /qn && ok "msi: msiexec /x exited 0" || bad "msi: uninstall failed"
  wineserver -w
  check_removed msi
fi

[[ -z ${SMOKE_WINEPREFIX:-} ]] && rm -rf "$(dirname "$WINEPREFIX")"
echo "smoke test $( ((fail)) && echo FAILED || echo passed) in $(($(date +%s) - t0)) s"
exit $fail
