#!/bin/sh
# tests/test-install.sh BUILD_DIR PHAEN_CLI SOURCE_DIR — what `make install` puts in place, read
# back with the desktop's own tools: the app, its icons, the application/x-phaen type (by name
# and by its header bytes), the launcher and the metainfo (appstreamcli validate --pedantic and
# compose, and its screenshots present in the source tree at the size it states).
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
build=$1
cli=$2
src=$3
app_id=io.github.phaen.Phaen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check () { if eval "$2" >"$work/out" 2>&1; then ok "$1"; else not_ok "$1"; sed 's/^/# /' "$work/out"; fi; }

# `make install`, as the README says, into a staging tree.
make -s -C "$src" install BUILD="$build" DESTDIR="$work/root" >"$work/install.log" 2>&1 ||
  { sed 's/^/# /' "$work/install.log"; echo "Bail out! make install failed"; exit 1; }
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

# Screenshots: every picture the metainfo names is committed where its address points
# (tools/metainfo-screenshots.sh makes them), at the size the metainfo states.
python3 - "$share/metainfo/$app_id.metainfo.xml" "$src" >"$work/shots" 2>&1 <<'PY' || true
import os, re, struct, sys
prefix = "https://raw.githubusercontent.com/phaen/phaen/main/"
text = open(sys.argv[1], encoding="utf-8").read()
images = re.findall(r'<image([^>]*)>([^<]+)</image>', text)
print("images %d" % len(images))
for attrs, url in images:
    path = os.path.join(sys.argv[2], url[len(prefix):]) if url.startswith(prefix) else None
    if path is None or not os.path.isfile(path):
        print("missing %s" % url)
        continue
    with open(path, "rb") as f:
        head = f.read(24)
    size = struct.unpack(">II", head[16:24]) if head[:8] == b"\x89PNG\r\n\x1a\n" else (0, 0)
    stated = tuple(int(re.search(k + r'="(\d+)"', attrs).group(1)) if re.search(k + r'="(\d+)"', attrs) else -1
                   for k in ("width", "height"))
    print(("ok %s %dx%d" if size == stated and size == (1366, 768) else "wrong %s %dx%d")
          % (url[len(prefix):], size[0], size[1]))
PY
if grep -q '^images [1-9]' "$work/shots" && ! grep -qv -e '^images ' -e '^ok ' "$work/shots"; then
  ok "metainfo screenshots: $(grep -c '^ok ' "$work/shots") pictures committed at 1366x768"
else
  not_ok "metainfo screenshots"; sed 's/^/# /' "$work/shots"
fi
if grep -q '<release version="'"$(meson introspect "$build" --projectinfo |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')"'"' \
    "$share/metainfo/$app_id.metainfo.xml"; then
  ok "metainfo: release notes for this version"
else
  not_ok "metainfo has no <release> for the project's version"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
