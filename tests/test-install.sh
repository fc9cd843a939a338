#!/bin/sh
# tests/test-install.sh BUILD_DIR PHAEN_CLI — what `make install` puts in place, read back with
# the desktop's own tools: the app, its icons, the application/x-phaen type (by name and by its
# header bytes), the launcher and the metainfo (appstreamcli validate --pedantic and compose).
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
build=$1
cli=$2
app_id=io.github.phaen.Phaen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check () { if eval "$2" >"$work/out" 2>&1; then ok "$1"; else not_ok "$1"; sed 's/^/# /' "$work/out"; fi; }

meson install -C "$build" --no-rebuild --quiet --destdir "$work/root" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; echo "Bail out! meson install failed"; exit 1; }
prefix=$(meson introspect "$build" --buildoptions |
  python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
share="$work/root$prefix/share"

for f in "bin/phaen" "bin/phaen-cli" \
         "share/applications/$app_id.desktop" "share/metainfo/$app_id.metainfo.xml" \
         "share/icons/hicolor/scalable/apps/$app_id.svg" \
         "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
         "share/icons/hicolor/scalable/mimetypes/$app_id-workspace.svg" \
         "share/mime/packages/$app_id.xml" "share/glib-2.0/schemas/$app_id.gschema.xml" \
         "share/locale/th/LC_MESSAGES/phaen.mo"; do
  check "installed: $f" "test -s '$work/root$prefix/$f'"
done

# The launcher names our icon and our type.
check "desktop file validates" "desktop-file-validate '$share/applications/$app_id.desktop'"
check "desktop file: Icon=$app_id" "grep -qx 'Icon=$app_id' '$share/applications/$app_id.desktop'"
check "desktop file: MimeType=application/x-phaen" \
  "grep -q '^MimeType=.*application/x-phaen;' '$share/applications/$app_id.desktop'"

# The file type, as GIO sees it once the post-install steps (meson.build: gnome.post_install,
# skipped for a DESTDIR) have run over the installed tree.
check "update-mime-database" "update-mime-database '$share/mime'"
check "update-desktop-database" "update-desktop-database '$share/applications'"
"$cli" demo --force "$work/plans.phaen" >/dev/null
cp "$work/plans.phaen" "$work/renamed-copy.db"
cp "$work/plans.phaen" "$work/no-extension"
printf 'SQLite format 3\000' >"$work/other.sqlite"
head -c 4096 /dev/zero >>"$work/other.sqlite"
content_type () {
  XDG_DATA_DIRS="$share:/usr/share" XDG_DATA_HOME="$work/none" \
    gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'
}
icon () {
  XDG_DATA_DIRS="$share:/usr/share" XDG_DATA_HOME="$work/none" \
    gio info -a standard::icon "$1" | sed -n 's/^ *standard::icon: //p'
}
for f in plans.phaen renamed-copy.db no-extension; do
  type=$(content_type "$work/$f")
  if [ "$type" = application/x-phaen ]; then ok "gio info $f: $type"; else not_ok "gio info $f: '$type'"; fi
done
type=$(content_type "$work/other.sqlite")
if [ "$type" = application/vnd.sqlite3 ]; then ok "another SQLite file stays $type"; else not_ok "other.sqlite: '$type'"; fi
case $(icon "$work/plans.phaen") in
  "$app_id-workspace,"*) ok "a workspace shows Phaen's document icon" ;;
  *) not_ok "icon of a workspace: $(icon "$work/plans.phaen")" ;;
esac
# Double-click: the installed launcher is the default application for the type.
mkdir -p "$work/config"
# GIO lists only launchers whose program is on PATH.
if PATH="$work/root$prefix/bin:$PATH" XDG_DATA_DIRS="$share:/usr/share" XDG_DATA_HOME="$work/none" \
  XDG_CONFIG_HOME="$work/config" gio mime application/x-phaen 2>&1 | grep -q "$app_id.desktop"; then
  ok "gio mime: $app_id.desktop opens application/x-phaen"
else
  not_ok "gio mime application/x-phaen does not name $app_id.desktop"
fi

# AppStream: the metainfo validates pedantically, and compose builds the catalogue with the icon.
check "appstreamcli validate --pedantic" \
  "appstreamcli validate --no-net --pedantic '$share/metainfo/$app_id.metainfo.xml'"
if [ -x /usr/libexec/appstreamcli-compose ]; then
  check "appstreamcli compose" \
    "appstreamcli compose --no-color --no-net --prefix='$prefix' --origin=phaen \
       --result-root='$work/compose' '$work/root' >'$work/compose.log' 2>&1 &&
     ! grep -Eq '(icon-not-found|^E:|^W:)' '$work/compose.log'"
  catalog=$(find "$work/compose" -name 'phaen.xml.gz' | head -n 1)
  check "compose: the catalogue has the app with its icon, file type and releases" \
    "test -n '$catalog' && zcat '$catalog' | grep -q '<icon type=\"cached\" width=\"128\" height=\"128\">$app_id.png</icon>' &&
     zcat '$catalog' | grep -q '<mediatype>application/x-phaen</mediatype>' &&
     zcat '$catalog' | grep -q '<developer_name>' && zcat '$catalog' | grep -q '<release '"
  check "compose: the 128 px icon was rendered" \
    "find '$work/compose' -path '*/128x128/$app_id.png' | grep -q ."
else
  not_ok "appstreamcli compose: /usr/libexec/appstreamcli-compose missing (Debian: appstream-compose)"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
