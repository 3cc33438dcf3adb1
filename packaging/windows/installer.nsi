; The Windows installer: the program in Program Files, a Start-menu entry
; with the icon, an uninstaller listed in Settings › Apps, and the version
; in the installer's own file properties. packaging/dist.sh runs it:
;
;   makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.1 -DSRC=DIR -DOUT=FILE.exe installer.nsi
;
; DIR holds secondopinion.exe, secondopinion.ico and LICENSES.txt.
; Uninstalling leaves the records alone: they are the person's own, in
; their own data folder.

; A 64-bit installer, like the program it installs.
Target amd64-unicode
!include "MUI2.nsh"
!include "FileFunc.nsh"

!define APPNAME "Second Opinion"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\uk.org.secondopinion.app"

Name "${APPNAME}"
OutFile "${OUT}"
InstallDir "$PROGRAMFILES64\${APPNAME}"
InstallDirRegKey HKLM "${UNINSTKEY}" "InstallLocation"
RequestExecutionLevel admin
SetCompressor /SOLID lzma

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=1033 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APPNAME} installer"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "See LICENSES.txt for the licences of what it bundles"

!define MUI_ICON "${SRC}\secondopinion.ico"
!define MUI_UNICON "${SRC}\secondopinion.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\secondopinion.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Open ${APPNAME} now"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!define MUI_UNCONFIRMPAGE_TEXT_TOP "${APPNAME} will be removed from this computer. Your records stay where they are, in your own data folder."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Section "Install"
	SetShellVarContext all
	SetOutPath "$INSTDIR"
	File "${SRC}\secondopinion.exe"
	File "${SRC}\LICENSES.txt"
	WriteUninstaller "$INSTDIR\Uninstall.exe"
	CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\secondopinion.exe" "" "$INSTDIR\secondopinion.exe" 0

	WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APPNAME}"
	WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
	WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\secondopinion.exe"
	WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "${APPNAME}"
	WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
	WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
	WriteRegStr HKLM "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
	WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
	WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
	${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
	WriteRegDWORD HKLM "${UNINSTKEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
	SetShellVarContext all
	Delete "$SMPROGRAMS\${APPNAME}.lnk"
	Delete "$INSTDIR\secondopinion.exe"
	Delete "$INSTDIR\LICENSES.txt"
	Delete "$INSTDIR\Uninstall.exe"
	RMDir "$INSTDIR"
	DeleteRegKey HKLM "${UNINSTKEY}"
SectionEnd
