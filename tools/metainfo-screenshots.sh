#!/bin/sh
# tools/metainfo-screenshots.sh [BUILD_DIR] — the AppStream screenshots of the metainfo
# (data/screenshots/LANG/NAME.png), made from the running app: the sample workspace under Xvfb
# at 1366×768 (a common laptop screen, 16:9 as AppStream asks), in English (the default
# screenshots) and in Thai (xml:lang="th"). Needs xvfb-run and imagemagick (import, convert);
# BUILD_DIR defaults to ./build. tests/test-install.sh checks that every picture the metainfo
# names is here, at this size.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

for tool in xvfb-run import convert; do
  command -v "$tool" >/dev/null || { echo "metainfo-screenshots.sh needs $tool (xvfb, imagemagick)" >&2; exit 1; }
done

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
out="$root/data/screenshots"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
width=1366
height=768

"$build/src/cli/phaen-cli" demo --force "$work/sample.phaen" >/dev/null

# A clean, private session: settings in a keyfile of our own (the window as big as the screen,
# the plan's text sections folded away so the grid shows its months), no recent files.
export HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
export GSETTINGS_BACKEND=keyfile TZ=Asia/Bangkok
export GSETTINGS_SCHEMA_DIR="$build/data"
unset LANGUAGE LC_ALL GTK_THEME
mkdir -p "$XDG_CONFIG_HOME/glib-2.0/settings"
cat > "$XDG_CONFIG_HOME/glib-2.0/settings/keyfile" <<KEYFILE
[io/github/phaen/Phaen]
window-width=$width
window-height=$height
plan-sections-visible=false
KEYFILE

cat > "$work/shoot.sh" <<'INNER'
#!/bin/sh
# $1 = PNG to write, the rest = the command
set -eu
png=$1
shift
"$@" >/dev/null 2>&1 &
pid=$!
sleep 7
import -window root "$png"
kill "$pid"
wait "$pid" 2>/dev/null || true
INNER
chmod +x "$work/shoot.sh"

# shoot LANG NAME APP-ARGUMENTS…
shoot () {
  lang=$1
  name=$2
  shift 2
  mkdir -p "$out/$lang"
  if [ "$lang" = en ]; then LANG=en_US.UTF-8; else LANG=C.UTF-8; fi
  export LANG
  xvfb-run -a -s "-screen 0 ${width}x${height}x24" \
    "$work/shoot.sh" "$work/$name.png" "$build/src/app/phaen" "$@"
  # An 8-bit palette keeps each picture small enough for the repository.
  convert "$work/$name.png" -strip -colors 256 PNG8:"$out/$lang/$name.png"
  echo "data/screenshots/$lang/$name.png"
}

for lang in en th; do
  shoot "$lang" plan-grid --view grid "$work/sample.phaen"
  shoot "$lang" plan-gantt --view gantt "$work/sample.phaen"
  # Seed 002's สตป.: quarterly entry with live scores and its dashboard.
  shoot "$lang" results --view results:สตป. "$work/sample.phaen"
  shoot "$lang" dashboard --view dashboard:สตป. "$work/sample.phaen"
done
