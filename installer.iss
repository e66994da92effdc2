; I3 Sync Desktop - Inno Setup 6 script (compiled with Inno Setup 6.4.1).
;
; Per-user install without admin rights by default; the wizard offers "install for all users"
; (PrivilegesRequiredOverridesAllowed=dialog), and /ALLUSERS or /CURRENTUSER on the setup's
; command line pick one without asking.
;
; Build everything (frozen app, self-check, MSI, this setup) with:   python packaging/build.py
; which passes the version from pyproject.toml and runs, on Windows,
;   ISCC.exe /DAppVersion=0.1.0 /DSourceDir=C:\...\dist\i3sync installer.iss
; and on Linux the same ISCC.exe under wine (a structure check: the payload is the Linux build).
;   Give wine Z:\... paths: an absolute Linux path such as /work/x.iss is read by ISCC as a
;   switch. Call ISCC.exe itself: the npm "innosetup-compiler" wrapper exits 0 even when the
;   script has errors. ISCC exits 0 = ok, 1 = bad command line, 2 = script error.
;   See packaging/NOTES.md.
;
; Defines (all optional, /DName=value):
;   AppVersion     version shown to users and in the setup's file name (default 0.0.0)
;   NumericVersion a.b.c[.d], digits only, for the Windows version resource (default AppVersion;
;                  pass it when AppVersion is something like 0.2.0rc1)
;   SourceDir      PyInstaller onedir folder, relative to this script (default dist\i3sync)
;   OutputDir      where the setup .exe goes, relative to this script (default dist)
;   OutputBaseName the setup's file name without .exe (default i3sync-setup-<AppVersion>)
;   AppExeName     the windowed executable inside SourceDir (default i3sync.exe)
;   CliExeName     the console executable inside SourceDir (default i3sync-cli.exe)
;   SetupIcon      an .ico for the setup executable (default: Inno's own)
;   Compression    Inno "Compression=" value (default lzma2/ultra: a 32 MB dictionary, 2% smaller
;                  than lzma2/max; CI passes lzma2/fast; see packaging/NOTES.md)
;   LzmaThreads    LZMANumBlockThreads: LZMA2 blocks compressed in parallel (default 2)
;
; Relative paths in this script resolve against the script's own folder, so run ISCC from
; anywhere.
;
; A managed profile for IT, as the MSI's properties (setup command-line parameters, read with
; {param:...}); an install for all users only, as the policy key is machine-wide:
;   i3sync-setup.exe /VERYSILENT /ALLUSERS /PROFILE_NAME="Head office"
;       /ESWS_ENDPOINT=https://... /I3_URL=https://... [/I3_ADMIN=hr.admin] [/CLOUD=1]
; writes HKLM\Software\Policies\I3Sync\Profiles\<PROFILE_NAME> (Endpoint, I3Url, Admin; DWORD
; Cloud), which desktop/esws/managed.py reads; uninstalling removes it. Without /ALLUSERS, without
; ESWS_ENDPOINT or with a backslash in the name, the setup stops before installing anything.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef NumericVersion
  #define NumericVersion AppVersion
#endif
#ifndef SourceDir
  #define SourceDir "dist\i3sync"
#endif
#ifndef OutputDir
  #define OutputDir "dist"
#endif
#ifndef OutputBaseName
  #define OutputBaseName "i3sync-setup-" + AppVersion
#endif
#ifndef AppExeName
  #define AppExeName "i3sync.exe"
#endif
#ifndef CliExeName
  #define CliExeName "i3sync-cli.exe"
#endif
#ifndef Compression
  #define Compression "lzma2/ultra"
#endif
#ifndef LzmaThreads
  #define LzmaThreads "2"
#endif

#define AppName "I3 Sync Desktop"
#define AppPublisher "I3 Sync"
; Must match desktop.core.paths: platformdirs(appname="i3sync", appauthor="I3Sync", roaming=True)
#define ProfileVendorDir "I3Sync"
#define ProfileAppDir "i3sync"
#define UrlScheme "i3sync"

; SourceDir may be relative (to this script) or absolute (C:\..., Z:\... under wine, \\server\...).
#if Copy(SourceDir, 2, 1) == ":" || Copy(SourceDir, 1, 2) == "\\"
  #define SourceDirAbs SourceDir
#else
  #define SourceDirAbs AddBackslash(SourcePath) + SourceDir
#endif
#if !FileExists(SourceDirAbs + "\" + AppExeName)
  #error SourceDir does not hold AppExeName: build the PyInstaller onedir folder first, or pass /DSourceDir=... /DAppExeName=...
#endif
#if !FileExists(SourceDirAbs + "\" + CliExeName)
  #error SourceDir does not hold CliExeName (the console executable): build with packaging/build.py
#endif

[Setup]
; Fixed forever: Windows and upgrades find the installed app by this id. Never change it.
AppId={{4B9F1ADC-1F59-4739-8E4D-032CC8228158}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#NumericVersion}
VersionInfoProductVersion={#NumericVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoDescription={#AppName} Setup

; Per-user by default ({autopf} = %LOCALAPPDATA%\Programs then), per-machine if the user picks
; it in the dialog or passes /ALLUSERS.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DefaultGroupName={#AppName}
UsePreviousAppDir=yes

; The PyInstaller build is 64-bit; Qt 6 needs Windows 10 1809 or later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763

OutputDir={#OutputDir}
OutputBaseFilename={#OutputBaseName}
#ifdef SetupIcon
SetupIconFile={#SetupIcon}
#endif
Compression={#Compression}
SolidCompression=yes
; Compress in islzma64.exe (more memory than the 32-bit compiler may use) with parallel blocks.
LZMAUseSeparateProcess=yes
LZMANumBlockThreads={#LzmaThreads}
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
; Ask a running i3sync to close (Restart Manager) before files are replaced or removed.
CloseApplications=yes
RestartApplications=no
ChangesAssociations=yes

[Languages]
; The app's languages (issue 12): English, Dutch, German, with Inno's own translations of its
; wizard. The setup picks the one of Windows' UI language, and asks only when none matches
; (ShowLanguageDialog=auto); /LANG=english|dutch|german chooses on the command line. A new
; language needs its line here and one line per custom message below (the tests check both).
; This file is UTF-8 *with BOM* (the German text): keep the BOM when editing.
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[CustomMessages]
; Terms as in resources/i18n/README.md's glossary (profile - profiel - Profil).
english.DeleteProfilesPrompt=Also delete your I3 Sync Desktop profiles, settings and logs?%n%n%1%n%2%n%nChoose No to keep them for a later install.
dutch.DeleteProfilesPrompt=Ook uw profielen, instellingen en logbestanden van I3 Sync Desktop verwijderen?%n%n%1%n%2%n%nKies Nee om ze te bewaren voor een latere installatie.
german.DeleteProfilesPrompt=Auch Ihre Profile, Einstellungen und Protokolle von I3 Sync Desktop löschen?%n%n%1%n%2%n%nWählen Sie Nein, um sie für eine spätere Installation zu behalten.
english.ManagedNeedsAllUsers=PROFILE_NAME needs an install for all users (/ALLUSERS): the managed profile applies to the whole computer.
dutch.ManagedNeedsAllUsers=PROFILE_NAME vereist een installatie voor alle gebruikers (/ALLUSERS): het beheerde profiel geldt voor de hele computer.
german.ManagedNeedsAllUsers=PROFILE_NAME erfordert eine Installation für alle Benutzer (/ALLUSERS): Das verwaltete Profil gilt für den ganzen Computer.
english.ManagedNeedsEndpoint=PROFILE_NAME needs ESWS_ENDPOINT (the address of the ESWS web service).
dutch.ManagedNeedsEndpoint=PROFILE_NAME vereist ESWS_ENDPOINT (het adres van de ESWS-webservice).
german.ManagedNeedsEndpoint=PROFILE_NAME erfordert ESWS_ENDPOINT (die Adresse des ESWS-Webdienstes).
english.ManagedNoBackslash=PROFILE_NAME must not contain a backslash (\).
dutch.ManagedNoBackslash=PROFILE_NAME mag geen backslash (\) bevatten.
german.ManagedNoBackslash=PROFILE_NAME darf keinen umgekehrten Schrägstrich (\) enthalten.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller onedir folder (exe + _internal\). ignoreversion: always replace on upgrade.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A previous version's _internal may hold files the new build no longer has: start clean.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; i3sync:// URL protocol. HKA = HKCU\Software\Classes for a per-user install,
; HKLM\Software\Classes for a per-machine one. Removed on uninstall.
Root: HKA; Subkey: "Software\Classes\{#UrlScheme}"; ValueType: string; ValueName: ""; ValueData: "URL:{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#UrlScheme}"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\{#UrlScheme}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"",0"
Root: HKA; Subkey: "Software\Classes\{#UrlScheme}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""

; The managed profile (see the header): only with /PROFILE_NAME=..., in an install for all users.
; Its parents go on uninstall when nothing else (Group Policy) has put values under them.
Root: HKLM64; Subkey: "Software\Policies\I3Sync"; Flags: uninsdeletekeyifempty; Check: ManagedProfileGiven
Root: HKLM64; Subkey: "Software\Policies\I3Sync\Profiles"; Flags: uninsdeletekeyifempty; Check: ManagedProfileGiven
Root: HKLM64; Subkey: "Software\Policies\I3Sync\Profiles\{param:PROFILE_NAME}"; ValueType: string; ValueName: "Endpoint"; ValueData: "{param:ESWS_ENDPOINT}"; Flags: uninsdeletekey; Check: ManagedProfileGiven
Root: HKLM64; Subkey: "Software\Policies\I3Sync\Profiles\{param:PROFILE_NAME}"; ValueType: string; ValueName: "I3Url"; ValueData: "{param:I3_URL}"; Check: ManagedProfileGiven
Root: HKLM64; Subkey: "Software\Policies\I3Sync\Profiles\{param:PROFILE_NAME}"; ValueType: string; ValueName: "Admin"; ValueData: "{param:I3_ADMIN}"; Check: ManagedProfileGiven
Root: HKLM64; Subkey: "Software\Policies\I3Sync\Profiles\{param:PROFILE_NAME}"; ValueType: dword; ValueName: "Cloud"; ValueData: "{code:CloudValue}"; Check: ManagedProfileGiven

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Files the app itself may leave next to the exe (none expected; PyInstaller onedir is read-only).
Type: filesandordirs; Name: "{app}\_internal"

[Code]
// Profiles live in %APPDATA%\I3Sync\i3sync (roaming) and logs/cache in %LOCALAPPDATA%\I3Sync\i3sync.
// The uninstaller keeps them unless the user says Yes to the question, or a silent uninstall is
// given /PURGEPROFILES. Passwords kept by keyring in the Windows Credential Manager are not touched.

function HasSwitch(const Name: String): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), Name) = 0 then
      Result := True;
end;

function ProfileParam(const Name: String): String;
begin
  Result := Trim(ExpandConstant('{param:' + Name + '|}'));
end;

function ManagedProfileGiven: Boolean;
begin
  Result := IsAdminInstallMode and (ProfileParam('PROFILE_NAME') <> '');
end;

function CloudValue(Param: String): String;
begin
  if ProfileParam('CLOUD') = '1' then
    Result := '1'
  else
    Result := '0';
end;

// A managed profile that cannot be written as asked stops the setup before anything is installed
// (exit code 1 when silent), so a deployment never reports success without its profile.
// The log says why in English (what support reads), the message box in the setup's language.
function InitializeSetup: Boolean;
var
  Problem, Shown: String;
begin
  Result := True;
  if ProfileParam('PROFILE_NAME') = '' then
    Exit;
  Problem := '';
  if not IsAdminInstallMode then
  begin
    Problem := 'PROFILE_NAME needs an install for all users (/ALLUSERS): the managed profile is machine-wide.';
    Shown := CustomMessage('ManagedNeedsAllUsers');
  end
  else if ProfileParam('ESWS_ENDPOINT') = '' then
  begin
    Problem := 'PROFILE_NAME needs ESWS_ENDPOINT (the address of the ESWS web service).';
    Shown := CustomMessage('ManagedNeedsEndpoint');
  end
  else if Pos('\', ProfileParam('PROFILE_NAME')) > 0 then
  begin
    Problem := 'PROFILE_NAME must not contain a backslash.';
    Shown := CustomMessage('ManagedNoBackslash');
  end;
  if Problem <> '' then
  begin
    Log('Managed profile refused: ' + Problem);
    SuppressibleMsgBox(Shown, mbCriticalError, MB_OK, IDOK);
    Result := False;
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  RoamingDir, LocalDir: String;
  Purge: Boolean;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  RoamingDir := ExpandConstant('{userappdata}\{#ProfileVendorDir}\{#ProfileAppDir}');
  LocalDir := ExpandConstant('{localappdata}\{#ProfileVendorDir}\{#ProfileAppDir}');
  // (No line of [Code] may start with "[": the compiler takes it for a section tag.)
  Log(Format('User data: %s (exists: %d), %s (exists: %d)', [RoamingDir,
    Ord(DirExists(RoamingDir)), LocalDir, Ord(DirExists(LocalDir))]));
  if not DirExists(RoamingDir) and not DirExists(LocalDir) then
    Exit;
  if UninstallSilent then
    Purge := HasSwitch('/PURGEPROFILES')
  else
    Purge := MsgBox(FmtMessage(CustomMessage('DeleteProfilesPrompt'), [RoamingDir, LocalDir]),
                    mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  Log(Format('Delete user data: %d', [Ord(Purge)]));
  if Purge then
  begin
    DelTree(RoamingDir, True, True, True);
    DelTree(LocalDir, True, True, True);
    // Remove the vendor folders too when nothing else of ours is left in them.
    RemoveDir(ExpandConstant('{userappdata}\{#ProfileVendorDir}'));
    RemoveDir(ExpandConstant('{localappdata}\{#ProfileVendorDir}'));
  end;
end;
