#!/bin/sh
# docs/screenshot.sh [BUILD_DIR] — screenshots of the running app for the README (docs/*.png).
# Runs the real app under Xvfb on the sample workspace, in Thai, and grabs the screen with
# ImageMagick's import. Needs xvfb-run and imagemagick; BUILD_DIR defaults to ./build.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

for tool in xvfb-run import convert; do
  command -v "$tool" >/dev/null || { echo "screenshot.sh needs $tool (xvfb, imagemagick)" >&2; exit 1; }
done

docs=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$docs")
build=$(cd "${1:-$root/build}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$build/src/cli/phaen-cli" demo --force "$work/sample.phaen" >/dev/null

# A clean, private session: settings in a keyfile of our own (a window as big as the screen,
# the default language), no recent files.
export HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
export GSETTINGS_BACKEND=keyfile LANG=C.UTF-8 TZ=Asia/Bangkok
export GSETTINGS_SCHEMA_DIR="$build/data"
unset LANGUAGE LC_ALL GTK_THEME
mkdir -p "$XDG_CONFIG_HOME/glib-2.0/settings"
cat > "$XDG_CONFIG_HOME/glib-2.0/settings/keyfile" <<'KEYFILE'
[io/github/phaen/Phaen]
window-width=1600
window-height=1000
KEYFILE

cat > "$work/shoot.sh" <<'INNER'
#!/bin/sh
# $1 = PNG to write, the rest = the command
set -eu
out=$1
shift
"$@" >/dev/null 2>&1 &
pid=$!
sleep 6
import -window root "$out"
kill "$pid"
wait "$pid" 2>/dev/null || true
INNER
chmod +x "$work/shoot.sh"

shoot () {
  name=$1
  shift
  xvfb-run -a -s "-screen 0 1600x1000x24" "$work/shoot.sh" "$work/$name.png" "$build/src/app/phaen" "$@"
  # 8-bit palette keeps each picture small enough for the repository.
  convert "$work/$name.png" -strip -colors 256 PNG8:"$docs/$name.png"
  echo "docs/$name.png"
}

shoot welcome
shoot plan-grid --view grid "$work/sample.phaen"
shoot plan-gantt --view gantt "$work/sample.phaen"
# Seed 002's สตป.: quarterly entry with live scores and its dashboard; seed 004's 12-item plan.
shoot results --view results:สตป. "$work/sample.phaen"
shoot dashboard --view dashboard:สตป. "$work/sample.phaen"
shoot efficiency-report --view efficiency "$work/sample.phaen"
