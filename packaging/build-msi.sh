#!/usr/bin/env bash
# Build the per-machine MSI with msitools' wixl (Linux, no wine needed).
#   packaging/build-msi.sh VERSION [SOURCE_DIR] [OUTPUT_MSI]
# VERSION: x.y.z digits only (MSI ProductVersion). SOURCE_DIR: the PyInstaller onedir folder
# (default dist/i3sync). OUTPUT_MSI default dist/i3sync-VERSION-x64.msi.
# Env: EXE_NAME (default i3sync.exe), ICON_FILE (optional .ico for Add/Remove Programs).
set -euo pipefail
version=${1:?usage: build-msi.sh VERSION [SOURCE_DIR] [OUTPUT_MSI]}
src=${2:-dist/i3sync}
out=${3:-dist/i3sync-$version-x64.msi}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "VERSION must be x.y.z, got $version" >&2; exit 2; }
[[ -f $src/${EXE_NAME:-i3sync.exe} ]] || { echo "$src/${EXE_NAME:-i3sync.exe} missing" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
src=${src%/}
# wixl-heat: one component per file, ids hashed from the path (stable across builds).
find "$src" -type f | LC_ALL=C sort \
  | wixl-heat -p "$src/" --component-group AppFiles --var var.SourceDir \
      --directory-ref INSTALLDIR --win64 > "$work/files.wxs"
defs=(-D "Version=$version" -D "SourceDir=$src" -D Win64=yes -D "ExeName=${EXE_NAME:-i3sync.exe}")
[[ -n ${ICON_FILE:-} ]] && defs+=(-D "IconFile=$ICON_FILE")
mkdir -p "$(dirname "$out")"
wixl -a x64 "${defs[@]}" -o "$out" "$here/i3sync.wxs" "$work/files.wxs"
echo "built $out ($(du -h "$out" | cut -f1))"
