# Install the artefacts of packaging/build.py on a Windows runner, check them, uninstall them.
#   pwsh packaging/windows-install-test.ps1 [-Dist dist]
# Reads dist/build-summary.json (written by build.py). Checks, for the Inno setup installed per
# user without admin rights (the default HR administrators get) and for the MSI installed per
# machine (as deployment tools do): both executables installed, the i3sync:// command in the
# registry, the Start menu shortcut, the installed copy's --self-check, a hostile link refused
# with exit 2; after uninstall: folder and URL scheme gone, the user's profiles kept (Inno).
# The setup is installed per user twice: into its default folder, then (/DIR=) into a folder
# named like a user called Juergen Mueller-Orsted or Guelsen, spelled with their real letters,
# where PySide apps have been reported not to start (packaging/NOTES.md, "A user name with an
# accent"); that copy's self-check runs with TEMP and TMP in such a folder too.
# The Linux equivalent, under wine, is packaging/wine-smoke-test.sh.
param([string]$Dist = "dist")
$ErrorActionPreference = "Stop"
$failures = 0
function Ok([string]$What) { Write-Output "ok   $What" }
function Bad([string]$What) { Write-Output "FAIL $What"; $script:failures++ }
function Check([bool]$Condition, [string]$What) { if ($Condition) { Ok $What } else { Bad $What } }

$summary = Get-Content (Join-Path $Dist "build-summary.json") -Raw | ConvertFrom-Json
$setup = ($summary.artefacts | Where-Object kind -eq "setup").path
$msi = ($summary.artefacts | Where-Object kind -eq "msi").path
$hostile = "i3sync://sync/one?profile=Acme&user=42&password=hunter2"

function Run([string]$Exe, [string[]]$Arguments) {
    $process = Start-Process -FilePath $Exe -ArgumentList $Arguments -Wait -PassThru -NoNewWindow
    return $process.ExitCode
}

function UrlCommand([string]$Hive) {
    $key = "${Hive}:\Software\Classes\i3sync\shell\open\command"
    if (Test-Path $key) { return (Get-ItemProperty -Path $key).'(default)' }
    return $null
}

function CheckInstalled([string]$Label, [string]$AppDir, [string]$Hive, [string]$StartMenu,
                        [string]$Temp = "") {
    foreach ($exe in "i3sync.exe", "i3sync-cli.exe") {
        Check (Test-Path (Join-Path $AppDir $exe)) "${Label}: $exe installed in $AppDir"
    }
    $expected = '"' + (Join-Path $AppDir "i3sync.exe") + '" "%1"'
    $command = UrlCommand $Hive
    Check ($command -eq $expected) "${Label}: i3sync:// -> $command"
    $shortcut = Join-Path $StartMenu "I3 Sync Desktop.lnk"
    Check (Test-Path $shortcut) "${Label}: Start menu shortcut $shortcut"
    # The installed copy works: offscreen self-check (vault must be the Credential Manager).
    # (Chromium writes to stderr: collected as text, never taken for a PowerShell error.)
    $ErrorActionPreference = "Continue"
    $savedTemp = $env:TEMP, $env:TMP
    if ($Temp) {
        New-Item -ItemType Directory -Force -Path $Temp | Out-Null
        $env:TEMP = $Temp; $env:TMP = $Temp
    }
    $check = & (Join-Path $AppDir "i3sync-cli.exe") --self-check 2>&1 | Out-String
    $selfCheckCode = $LASTEXITCODE
    $env:TEMP = $savedTemp[0]; $env:TMP = $savedTemp[1]
    $ErrorActionPreference = "Stop"
    Write-Output $check.TrimEnd()
    Check ($selfCheckCode -eq 0) "${Label}: installed self-check passed"
    Check ($check -match "Windows Credential Manager") "${Label}: vault is the Windows Credential Manager"
    # What a hostile web page would launch through the URL scheme: refused, no window.
    $code = Run (Join-Path $AppDir "i3sync.exe") @("`"$hostile`"")
    Check ($code -eq 2) "${Label}: hostile i3sync:// link refused by i3sync.exe (exit $code)"
}

function CheckRemoved([string]$Label, [string]$AppDir, [string]$Hive) {
    Check (-not (Test-Path (Join-Path $AppDir "i3sync.exe"))) "${Label}: files removed"
    Check ($null -eq (UrlCommand $Hive)) "${Label}: i3sync:// removed"
}

# -- Inno Setup, per user, no admin rights -------------------------------------------------------
$innoDir = Join-Path $env:LOCALAPPDATA "Programs\I3 Sync Desktop"
$userMenu = Join-Path $env:APPDATA "Microsoft\Windows\Start Menu\Programs"
$code = Run $setup @("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/CURRENTUSER")
Check ($code -eq 0) "inno: setup exited $code"
CheckInstalled "inno" $innoDir "HKCU" $userMenu
$profiles = Join-Path $env:APPDATA "I3Sync\i3sync"
New-Item -ItemType Directory -Force -Path $profiles | Out-Null
Set-Content -Path (Join-Path $profiles "profiles.json") -Value "{}"
$code = Run (Join-Path $innoDir "unins000.exe") @("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART")
Check ($code -eq 0) "inno: uninstaller exited $code"
# The uninstaller finishes from a copy of itself in %TEMP%: wait for the folder to go.
for ($i = 0; $i -lt 60 -and (Test-Path (Join-Path $innoDir "unins000.exe")); $i++) { Start-Sleep 1 }
CheckRemoved "inno" $innoDir "HKCU"
Check (Test-Path (Join-Path $profiles "profiles.json")) "inno: user profiles kept"
Remove-Item -Recurse -Force (Join-Path $env:APPDATA "I3Sync")

# -- Inno Setup, per user, into a folder whose name is not ASCII ----------------------------------
# Built from code points so that this file stays ASCII (Windows PowerShell reads a file without
# BOM in the ANSI code page). u+015F (s with cedilla) is outside Windows-1252: the ANSI path has
# "?" there.
$jurgen = "J" + [char]0x00FC + "rgen M" + [char]0x00FC + "ller-" + [char]0x00D8 + "rsted"
$gulsen = "G" + [char]0x00FC + "l" + [char]0x015F + "en"
$accentDir = Join-Path $env:LOCALAPPDATA "Programs\$jurgen\$gulsen\I3 Sync"
$accentTemp = Join-Path $env:TEMP "$gulsen\Temp"
$code = Run $setup @("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/CURRENTUSER",
                     "/DIR=`"$accentDir`"")
Check ($code -eq 0) "inno-accent: setup /DIR=$accentDir exited $code"
CheckInstalled "inno-accent" $accentDir "HKCU" $userMenu $accentTemp
$code = Run (Join-Path $accentDir "unins000.exe") @("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART")
Check ($code -eq 0) "inno-accent: uninstaller exited $code"
for ($i = 0; $i -lt 60 -and (Test-Path (Join-Path $accentDir "unins000.exe")); $i++) { Start-Sleep 1 }
CheckRemoved "inno-accent" $accentDir "HKCU"

# -- MSI, per machine ----------------------------------------------------------------------------
$msiDir = Join-Path $env:ProgramFiles "I3 Sync Desktop"
$allMenu = Join-Path $env:ProgramData "Microsoft\Windows\Start Menu\Programs"
$code = Run "msiexec.exe" @("/i", "`"$msi`"", "/qn", "/norestart", "/l*v", "`"$Dist\msi-install.log`"")
Check ($code -eq 0) "msi: msiexec /i exited $code (log: $Dist\msi-install.log)"
CheckInstalled "msi" $msiDir "HKLM" $allMenu
$code = Run "msiexec.exe" @("/x", "`"$msi`"", "/qn", "/norestart")
Check ($code -eq 0) "msi: msiexec /x exited $code"
CheckRemoved "msi" $msiDir "HKLM"

# -- MSI with a managed profile (PROFILE_NAME ...): the policy key the app reads, gone on uninstall
$policy = "HKLM:\Software\Policies\I3Sync\Profiles\Head office"
$code = Run "msiexec.exe" @("/i", "`"$msi`"", "/qn", "/norestart", "PROFILE_NAME=`"Head office`"",
    "ESWS_ENDPOINT=https://esws.example.test/webservicesesws", "I3_URL=https://i3.example.test",
    "I3_ADMIN=hr.admin", "CLOUD=1")
Check ($code -eq 0) "msi-profile: msiexec /i PROFILE_NAME=... exited $code"
$values = Get-ItemProperty -Path $policy -ErrorAction SilentlyContinue
Check ($null -ne $values -and $values.Endpoint -eq "https://esws.example.test/webservicesesws" -and
    $values.I3Url -eq "https://i3.example.test" -and $values.Admin -eq "hr.admin" -and
    $values.Cloud -eq 1) "msi-profile: policy key $policy written"
$listed = & (Join-Path $msiDir "i3sync-cli.exe") profile list --json 2>$null | Out-String
Check ($listed -match '"name": "Head office"' -and $listed -match '"managed": true') `
    "msi-profile: i3sync profile list --json shows the managed profile"
$code = Run "msiexec.exe" @("/x", "`"$msi`"", "/qn", "/norestart")
Check ($code -eq 0) "msi-profile: msiexec /x exited $code"
Check (-not (Test-Path $policy)) "msi-profile: policy key removed"

if ($failures -gt 0) { Write-Output "install test FAILED ($failures)"; exit 1 }
Write-Output "install test passed"
