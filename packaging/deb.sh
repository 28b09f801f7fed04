#!/usr/bin/env bash
# `make deb`: a Debian package of what `make build` staged, installed under /usr, its
# dependencies read from the binary (each shared library it needs → the package that has it).
set -euo pipefail
cd "$(dirname "$0")/.."
version="$1"
arch=$(dpkg --print-architecture)
root="dist/deb/baca_${version}_${arch}"
rm -rf "$root"
make --no-print-directory install-files PREFIX=/usr DESTDIR="$PWD/$root"
mkdir -p "$root/usr/share/doc/baca"
cp README.md docs/CHANGELOG.md THIRD_PARTY.md "$root/usr/share/doc/baca/"
cp LICENSE "$root/usr/share/doc/baca/copyright"

depends=()
# The libraries linked at start, and those opened on first use (Sources/CLazyLoad: the sonames
# the C targets open), which the program needs all the same.
linked=$(readelf -d .build/stage/baca | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p')
opened=$(grep -rhoE 'BACA_LAZY_LIBRARY\("[^"]+"' Sources | sed 's/.*("//; s/"$//')
[ -n "$opened" ] || { echo "deb: no BACA_LAZY_LIBRARY found in Sources/" >&2; exit 1; }
for library in $linked $opened; do
    package=$(dpkg -S "*/$library" 2>/dev/null | head -1 | cut -d: -f1) || true
    [ -n "$package" ] || { echo "deb: no installed package has $library" >&2; exit 1; }
    depends+=("$package")
done
depends_line=$(printf '%s\n' "${depends[@]}" | sort -u | paste -sd, | sed 's/,/, /g')

mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: baca
Version: $version
Architecture: $arch
Maintainer: baca maintainers <maintainers@example.invalid>
Depends: $depends_line
Section: net
Priority: optional
Installed-Size: $(du -sk "$root/usr" | cut -f1)
Description: fast terminal reader for Indonesian news
 Reads plain-text captures, saved pages and feeds into one local repository
 with full-text search, in an ncurses reader that goes section by section.
CONTROL
dpkg-deb --root-owner-group --build "$root" "dist/baca_${version}_${arch}.deb" >/dev/null
echo "dist/baca_${version}_${arch}.deb (Depends: $depends_line)"
