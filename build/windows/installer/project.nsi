Unicode true
# A 64-bit installer: MOps Desk is a 64-bit program, and 64-bit Wine (the
# only one on a stock Debian test machine) cannot run a 32-bit one.
Target amd64-unicode

## MOps Desk's Windows installer. Wails generates wails_tools.nsh next to
## this file on every "wails build -nsis" and puts the WebView2 bootstrapper
## in tmp/; this file is ours and kept in the repository.
##
## Per-user: it installs into %LOCALAPPDATA%\Programs\MOps Desk, writes only
## to HKEY_CURRENT_USER and never asks for administrator rights, so a
## marketer can install it on a managed laptop.

!define INFO_PROJECTNAME    "mopsdesk"
!define PRODUCT_EXECUTABLE  "mopsdesk.exe"
!define UNINST_KEY_NAME     "MOpsDesk"
!define REQUEST_EXECUTION_LEVEL "user"

!include "wails_tools.nsh"

# Windows wants four numbers here; INFO_PRODUCTVERSION comes from wails.json.
VIProductVersion "${INFO_PRODUCTVERSION}.0"
VIFileVersion    "${INFO_PRODUCTVERSION}.0"

VIAddVersionKey "CompanyName"     "${INFO_COMPANYNAME}"
VIAddVersionKey "FileDescription" "${INFO_PRODUCTNAME} Installer"
VIAddVersionKey "ProductVersion"  "${INFO_PRODUCTVERSION}"
VIAddVersionKey "FileVersion"     "${INFO_PRODUCTVERSION}"
VIAddVersionKey "LegalCopyright"  "${INFO_COPYRIGHT}"
VIAddVersionKey "ProductName"     "${INFO_PRODUCTNAME}"

ManifestDPIAware true

!include "MUI2.nsh"

!define MUI_ICON "..\icon.ico"
!define MUI_UNICON "..\icon.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${PRODUCT_EXECUTABLE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

# The installer's own words in the app's languages; Windows picks the
# user's, English otherwise.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Farsi"
!insertmacro MUI_LANGUAGE "Arabic"
!insertmacro MUI_LANGUAGE "Polish"
!insertmacro MUI_LANGUAGE "Turkish"
!insertmacro MUI_LANGUAGE "Thai"

Name "${INFO_PRODUCTNAME}"
# scripts/dist.sh renames it with the version.
OutFile "..\..\bin\mopsdesk-${ARCH}-installer.exe"
InstallDir "$LOCALAPPDATA\Programs\${INFO_PRODUCTNAME}"
InstallDirRegKey HKCU "Software\${UNINST_KEY_NAME}" "InstallDir"
ShowInstDetails show

!define UNINST_KEY_HKCU "Software\Microsoft\Windows\CurrentVersion\Uninstall\${UNINST_KEY_NAME}"

Function .onInit
    !insertmacro wails.checkArchitecture
    !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section
    SetShellVarContext current

    !insertmacro wails.webview2runtime

    SetOutPath $INSTDIR
    !insertmacro wails.files

    CreateShortcut "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"

    WriteUninstaller "$INSTDIR\uninstall.exe"
    WriteRegStr HKCU "Software\${UNINST_KEY_NAME}" "InstallDir" "$INSTDIR"
    WriteRegStr HKCU "${UNINST_KEY_HKCU}" "Publisher" "${INFO_COMPANYNAME}"
    WriteRegStr HKCU "${UNINST_KEY_HKCU}" "DisplayName" "${INFO_PRODUCTNAME}"
    WriteRegStr HKCU "${UNINST_KEY_HKCU}" "DisplayVersion" "${INFO_PRODUCTVERSION}"
    WriteRegStr HKCU "${UNINST_KEY_HKCU}" "DisplayIcon" "$INSTDIR\${PRODUCT_EXECUTABLE}"
    WriteRegStr HKCU "${UNINST_KEY_HKCU}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINST_KEY_HKCU}" "UninstallString" "$\"$INSTDIR\uninstall.exe$\""
    WriteRegStr HKCU "${UNINST_KEY_HKCU}" "QuietUninstallString" "$\"$INSTDIR\uninstall.exe$\" /S"
    WriteRegDWORD HKCU "${UNINST_KEY_HKCU}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINST_KEY_HKCU}" "NoRepair" 1
    ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
    IntFmt $0 "0x%08X" $0
    WriteRegDWORD HKCU "${UNINST_KEY_HKCU}" "EstimatedSize" "$0"
SectionEnd

# The workspace (%AppData%\MOpsDesk) is the user's data and stays; only the
# program, its shortcut, its registry entries and the WebView2 cache go.
Section "uninstall"
    SetShellVarContext current
    Delete "$INSTDIR\${PRODUCT_EXECUTABLE}"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"
    RMDir "$LOCALAPPDATA\Programs"
    RMDir /r "$APPDATA\${PRODUCT_EXECUTABLE}"
    Delete "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk"
    DeleteRegKey HKCU "${UNINST_KEY_HKCU}"
    DeleteRegKey HKCU "Software\${UNINST_KEY_NAME}"
SectionEnd
