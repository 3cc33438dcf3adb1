#!/usr/bin/env bash
# Builds the packages into dist/ (make dist runs this); each is made aside
# and moved in whole:
#   secondopinion_VERSION-1_amd64.deb        Debian and Ubuntu
#   secondopinion-VERSION-linux-amd64.tar.xz other Linux (Fyne's package: make install inside)
#   secondopinion-VERSION-windows-amd64-setup.exe   Windows installer (NSIS)
#   secondopinion-VERSION-windows-amd64.zip         Windows, portable
# Fyne's packaging tool builds the Linux archive and the Windows program
# with its icon and version information; this script adds what it does
# not make: the .deb, icons at every size, AppStream metadata, the
# installer and the zip. Needs: go, gcc, the OpenGL and X11 headers,
# gcc-mingw-w64-x86-64, nsis, dpkg-dev (dpkg-deb), xz-utils and zip
# (make dist-deps installs them). Set ONLY=linux or ONLY=windows for one.
set -euo pipefail
cd "$(dirname "$0")/.."

FYNE_TOOLS=fyne.io/tools/cmd/fyne@v1.7.4
TAGS=no_emoji,migrated_fynedo
APPID=$(sed -n 's/^ID *= *"\(.*\)"/\1/p' FyneApp.toml)
VERSION=${VERSION:-$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)}
BUILD=$(sed -n 's/^Build *= *\([0-9]*\)/\1/p' FyneApp.toml)
DATE=${DATE:-$(date -u +%Y-%m-%d)}
ONLY=${ONLY:-all}
export XZ_OPT=${XZ_OPT:--T0} # xz on every core
X="-X secondopinion/app/version.version=$VERSION -X secondopinion/app/version.date=$DATE"

work=$(mktemp -d)
# On any failure, leave no half-made package and nothing of Fyne's tool's
# in the source folder.
trap 'rc=$?; rm -rf "$work"; rm -f secondopinion.exe "Second Opinion.exe" "Second Opinion.tar.xz" fyne.syso
[ $rc -eq 0 ] || echo "make dist failed; dist/ may lack some packages" >&2' EXIT
mkdir -p dist
# Fyne's tool, built for this machine (the Windows step sets GOOS for its
# own build, which go run would follow).
GOBIN="$work/bin" GOOS= GOARCH= CGO_ENABLED= go install "$FYNE_TOOLS"
# It counts the build up in FyneApp.toml after each package: keep the
# file as it is in the source, so every package of one version says the
# same build and the work tree stays clean.
cp FyneApp.toml "$work/FyneApp.toml"
fyne() {
	local rc=0
	"$work/bin/fyne" "$@" || rc=$?
	cp "$work/FyneApp.toml" FyneApp.toml
	return $rc
}
step() { echo "== $* ($(date +%T))" >&2; }

# What it bundles, with each licence in full, for the packages' copyright files.
step "licences"
go run -tags "$TAGS" -ldflags "$X" ./packaging/licences >"$work/LICENSES.txt"

if [ "$ONLY" = all ] || [ "$ONLY" = linux ]; then
	step "Linux program"
	rm -f dist/secondopinion*linux* dist/secondopinion_*.deb
	mkdir -p "$work/linux"
	go build -tags "$TAGS" -trimpath -ldflags "-s -w $X" -o "$work/linux/secondopinion" .

	step "Linux archive (fyne package)"
	fyne package --os linux --release --exe "$work/linux/secondopinion" --app-version "$VERSION" --app-build "$BUILD"
	mv "Second Opinion.tar.xz" "$work/fyne-linux.tar.xz"
	# Add the licences beside Fyne's Makefile, then pack it under our name.
	mkdir -p "$work/tar"
	tar -xJf "$work/fyne-linux.tar.xz" -C "$work/tar"
	cp "$work/LICENSES.txt" "$work/tar/secondopinion/LICENSES.txt"
	tar --owner=0 --group=0 -cJf "$work/out.tar.xz" -C "$work/tar" secondopinion
	mv "$work/out.tar.xz" "dist/secondopinion-$VERSION-linux-amd64.tar.xz"

	step "Debian package"
	deb="$work/deb"
	desktop=$(find "$work/tar" -name "$APPID.desktop")
	install -Dm755 "$work/linux/secondopinion" "$deb/usr/bin/secondopinion"
	install -Dm644 "$desktop" "$deb/usr/share/applications/$APPID.desktop"
	go run ./packaging/icons -png "$deb/usr/share/icons/hicolor" -name "$APPID"
	sed -e "s/@VERSION@/$VERSION/" -e "s/@DATE@/$DATE/" "packaging/linux/$APPID.metainfo.xml" >"$work/metainfo.xml"
	install -Dm644 "$work/metainfo.xml" "$deb/usr/share/metainfo/$APPID.metainfo.xml"
	install -Dm644 "$work/LICENSES.txt" "$deb/usr/share/doc/secondopinion/copyright"
	mkdir -p "$deb/DEBIAN"
	size=$(du -sk --exclude=DEBIAN "$deb" | cut -f1)
	cat >"$deb/DEBIAN/control" <<CONTROL
Package: secondopinion
Version: $VERSION-1
Architecture: amd64
Maintainer: ${MAINTAINER:-Second Opinion developers <noreply@secondopinion.org.uk>}
Installed-Size: $size
Depends: libc6, libgl1, libx11-6, libx11-xcb1, libxcursor1, libxrandr2, libxinerama1, libxi6, libxxf86vm1, libxext6, libxrender1
Recommends: fonts-noto-cjk, xdg-utils
Section: misc
Priority: optional
Description: ask for a second medical opinion in the UK
 Second Opinion guides a patient, a carer or an advocate through asking for
 a second medical opinion in the UK, writes the letters of every step and
 saves them as PDFs, and tracks every request with what is owed and by when.
 The records stay on the computer, in the person's own data folder.
CONTROL
	dpkg-deb --root-owner-group -Zxz --build "$deb" "$work/out.deb" >/dev/null
	mv "$work/out.deb" "dist/secondopinion_${VERSION}-1_amd64.deb"
fi

if [ "$ONLY" = all ] || [ "$ONLY" = windows ]; then
	step "Windows program (fyne package, cross-built with mingw-w64)"
	rm -f dist/secondopinion*windows*
	win="$work/windows"
	mkdir -p "$win"
	# Fyne's tool takes extra linker flags from GOFLAGS, one -X each, but
	# only for its first build: given a program that exists already, it
	# makes one build only, after embedding the icon and version, and that
	# one has them. It builds in the source folder and names the program
	# after the app.
	: >secondopinion.exe
	GOFLAGS="${GOFLAGS:-} -ldflags=-X=secondopinion/app/version.version=$VERSION -ldflags=-X=secondopinion/app/version.date=$DATE" \
		CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ GOOS=windows GOARCH=amd64 CGO_ENABLED=1 \
		fyne package --os windows --release --tags "$TAGS" --exe secondopinion.exe --app-version "$VERSION" --app-build "$BUILD"
	mv "Second Opinion.exe" "$win/secondopinion.exe"
	go run ./packaging/icons -ico "$win/secondopinion.ico"
	sed 's/$/\r/' "$work/LICENSES.txt" >"$win/LICENSES.txt"

	step "Windows portable zip"
	mkdir -p "$work/zip/Second Opinion"
	cp "$win/secondopinion.exe" "$win/LICENSES.txt" "$work/zip/Second Opinion/"
	(cd "$work/zip" && zip -qr9 ../out.zip "Second Opinion")
	mv "$work/out.zip" "dist/secondopinion-$VERSION-windows-amd64.zip"

	step "Windows installer (makensis)"
	makensis -V2 -DVERSION="$VERSION" -DVERSION4="$VERSION.$BUILD" -DSRC="$win" \
		-DOUT="$work/setup.exe" packaging/windows/installer.nsi
	mv "$work/setup.exe" "dist/secondopinion-$VERSION-windows-amd64-setup.exe"
fi

step "done"
ls -l dist/ >&2
