#!/usr/bin/env bash
# Install, upgrade, check and uninstall the built installers in a throw-away 64-bit wine prefix.
#   packaging/wine-smoke-test.sh [--setup SETUP.exe] [--msi PACKAGE.msi]
#       [--old-setup OLD_SETUP.exe] [--old-msi OLD.msi] [--old-only REL/PATH] [--version X.Y.Z]
# Checks: both executables in Program Files, the i3sync:// URL protocol command, the Start menu
# shortcut (and the desktop icon task of the Inno setup); with --old-*: the older version is
# installed first and the new one upgrades it in place (the file only the old one had, --old-only,
# is gone; one "I3 Sync Desktop" in Add/Remove Programs, at --version), and the MSI refuses to
# downgrade; after uninstall: files and registry gone, the user's profile folder kept (Inno).
# Run by tests/packaging/test_wine_install.py on the artefacts of packaging/build.py.
# Needs wine, xvfb-run (Inno's setup.exe creates windows even when /VERYSILENT; msiexec /qn
# does not). Inno is installed with /ALLUSERS: wine 8 has no FOLDERID_UserProgramFiles, so
# {autopf} of a per-user install fails there ("Failed to expand shell folder constant
# autopf"); on Windows the per-user default works (the Windows workflow installs per user).
set -euo pipefail
setup="" msi="" old_setup="" old_msi="" old_only="" version=""
while (($#)); do
  case $1 in
    --setup) setup=$2; shift 2 ;;
    --msi) msi=$2; shift 2 ;;
    --old-setup) old_setup=$2; shift 2 ;;
    --old-msi) old_msi=$2; shift 2 ;;
    --old-only) old_only=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
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
uninstall_key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall'
inno_key="$uninstall_key\\{4B9F1ADC-1F59-4739-8E4D-032CC8228158}_is1"

# Every headless wine call is followed by "wineserver -w": a setup.exe or unins000.exe started
# under Xvfb while a wineserver from a headless call still lingers (~3 s) joins that session
# and dies ("Class does not exist", "Error reading FPreparingMemo.Lines.Strings").
# "wine reg" is the 32-bit reg.exe: /reg:64 reads the 64-bit view, where both installers
# (64-bit) register under HKLM\Software (Software\Classes is shared by both views).
reg_value() {  # $1 = key, $2 = value name ("" = default value)
  local args=(/ve)
  [[ -n $2 ]] && args=(/v "$2")
  wine reg query "$1" "${args[@]}" /reg:64 2>/dev/null | tr -d '\r' | sed -n 's/.*REG_SZ *//p'
  wineserver -w
}
url_command() { reg_value 'HKLM\Software\Classes\i3sync\shell\open\command' ""; }
installed_count() {  # "I3 Sync Desktop" entries of Add/Remove Programs, both registry views
  { wine reg query "$uninstall_key" /s /reg:64 2>/dev/null
    wine reg query "$uninstall_key" /s /reg:32 2>/dev/null; } | tr -d '\r' \
    | grep -c 'DisplayName *REG_SZ *I3 Sync Desktop$' || true
  wineserver -w
}

inno() {  # run an Inno setup or uninstaller under Xvfb, waiting for all its phases
  xvfb-run -a sh -c 'wine "$@"; rc=$?; wineserver -w; exit $rc' wine-run "$@" >/dev/null 2>&1
}

check_installed() {  # $1 = label
  local exe
  for exe in i3sync.exe i3sync-cli.exe; do
    [[ -f $app/$exe ]] && ok "$1: $exe installed" || bad "$1: $app/$exe missing"
  done
  local cmd
  cmd=$(url_command)
  [[ $cmd == '"C:\Program Files\I3 Sync Desktop\i3sync.exe" "%1"' ]] \
    && ok "$1: i3sync:// -> $cmd" || bad "$1: i3sync:// command is '$cmd'"
  find "$WINEPREFIX/drive_c" -name 'I3 Sync Desktop.lnk' -path '*Start Menu*' | grep -q . \
    && ok "$1: Start menu shortcut" || bad "$1: no Start menu shortcut"
}

check_upgraded() {  # $1 = label
  if [[ -n $old_only ]]; then
    [[ ! -e $app/$old_only ]] && ok "$1: upgrade removed $old_only of the old version" \
      || bad "$1: $old_only of the old version left behind"
  fi
  local count
  count=$(installed_count)
  [[ $count == 1 ]] && ok "$1: one I3 Sync Desktop installed after the upgrade" \
    || bad "$1: $count I3 Sync Desktop entries in Add/Remove Programs"
}

check_removed() {
  [[ ! -e $app ]] && ok "$1: install folder removed" || bad "$1: $app still there"
  [[ -z $(url_command) ]] && ok "$1: i3sync:// removed" || bad "$1: i3sync:// still registered"
  [[ $(installed_count) == 0 ]] && ok "$1: no longer in Add/Remove Programs" \
    || bad "$1: still in Add/Remove Programs"
}

inno_flags=(/VERYSILENT /SUPPRESSMSGBOXES /ALLUSERS /TASKS=desktopicon)
if [[ -n $setup ]]; then
  if [[ -n $old_setup ]]; then
    inno "$old_setup" "${inno_flags[@]}" && ok "inno: old version installed" \
      || bad "inno: old setup failed"
    [[ -z $old_only || -e $app/$old_only ]] || bad "inno: the old version has no $old_only"
  fi
  t=$(date +%s)
  inno "$setup" "${inno_flags[@]}" && ok "inno: setup exited 0 ($(($(date +%s) - t)) s)" \
    || bad "inno: setup failed"
  check_installed inno
  [[ -n $old_setup ]] && check_upgraded inno
  if [[ -n $version ]]; then
    shown=$(reg_value "$inno_key" DisplayVersion)
    [[ $shown == "$version" ]] && ok "inno: Add/Remove Programs shows $shown" \
      || bad "inno: DisplayVersion is '$shown', not $version"
  fi
  find "$WINEPREFIX/drive_c" -name 'I3 Sync Desktop.lnk' -path '*Desktop*' -not -path '*Start Menu*' \
    | grep -q . && ok "inno: desktop icon (task desktopicon)" || bad "inno: no desktop icon"
  mkdir -p "$appdata/Roaming/I3Sync/i3sync"
  echo '{}' > "$appdata/Roaming/I3Sync/i3sync/profiles.json"
  inno 'C:\Program Files\I3 Sync Desktop\unins000.exe' /VERYSILENT /SUPPRESSMSGBOXES \
    && ok "inno: uninstaller exited 0" || bad "inno: uninstaller failed"
  check_removed inno
  [[ -f $appdata/Roaming/I3Sync/i3sync/profiles.json ]] \
    && ok "inno: user profile kept" || bad "inno: user profile deleted"
  rm -rf "$appdata/Roaming/I3Sync"
fi

winmsi() { local p; p=$(realpath "$1"); printf 'Z:%s' "${p//\//\\}"; }  # /tmp/x.msi is a switch
if [[ -n $msi ]]; then
  if [[ -n $old_msi ]]; then
    wine msiexec /i "$(winmsi "$old_msi")" /qn && ok "msi: old version installed" \
      || bad "msi: old MSI failed"
    wineserver -w
  fi
  t=$(date +%s)
  wine msiexec /i "$(winmsi "$msi")" /qn && ok "msi: msiexec /i exited 0 ($(($(date +%s) - t)) s)" \
    || bad "msi: install failed"
  wineserver -w
  check_installed msi
  if [[ -n $old_msi ]]; then
    check_upgraded msi
    if wine msiexec /i "$(winmsi "$old_msi")" /qn >/dev/null 2>&1; then
      bad "msi: the older MSI installed over the newer one"
    else
      ok "msi: downgrade refused"
    fi
    wineserver -w
    [[ -f $app/i3sync.exe && $(installed_count) == 1 ]] && ok "msi: newer version still installed" \
      || bad "msi: the refused downgrade changed the install"
  fi
  wine msiexec /x "$(winmsi "$msi")" /qn && ok "msi: msiexec /x exited 0" || bad "msi: uninstall failed"
  wineserver -w
  check_removed msi
fi

[[ -z ${SMOKE_WINEPREFIX:-} ]] && rm -rf "$(dirname "$WINEPREFIX")"
echo "smoke test $( ((fail)) && echo FAILED || echo passed) in $(($(date +%s) - t0)) s"
exit $fail
