#!/bin/sh
# po/check-translations.sh SRCDIR — Thai is the first language of every screen: fail when a
# source file with translatable strings is missing from POTFILES.in, or when a string of the
# sources has no Thai translation in th.po.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
src=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

cd "$src"
# 1. every file that marks strings is listed
git_files=$(find src ui data -type f \( -name '*.c' -o -name '*.ui' -o -name '*.xml' \) | sort)
for f in $git_files; do
  if grep -qE '(^|[^A-Za-z0-9_])N?_ ?\(|ngettext ?\(|translatable="yes"' "$f"; then
    grep -qx "$f" po/POTFILES.in || { echo "not in po/POTFILES.in: $f"; status=1; }
  fi
done

# 2. every string of the listed files has a Thai translation
grep -v '^#' po/POTFILES.in | grep -v '^$' > "$work/files"
xgettext --from-code=UTF-8 --files-from="$work/files" --output="$work/phaen.pot" \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=ngettext:1,2 --keyword=g_dngettext:2,3 \
  --add-comments --no-location 2>"$work/xgettext.log" || { cat "$work/xgettext.log"; exit 1; }
msgmerge --quiet --no-fuzzy-matching "po/th.po" "$work/phaen.pot" -o "$work/th.po"
msgattrib --untranslated --no-obsolete "$work/th.po" -o "$work/missing.po"
# Every entry but the header (the one with an empty msgid and no location) is missing;
# long msgids are wrapped as msgid "" followed by continuation lines.
missing=$(grep -c '^msgid ' "$work/missing.po" 2>/dev/null || true)
if [ "${missing:-0}" -gt 1 ]; then
  echo "$((missing - 1)) strings without a Thai translation in po/th.po:"
  awk 'BEGIN { RS = ""; FS = "\n" } NR > 1 { print }' "$work/missing.po" | grep -v '^msgstr' | sed 's/^/  /'
  status=1
fi
msgfmt --check --output-file=/dev/null po/th.po || status=1
exit $status
