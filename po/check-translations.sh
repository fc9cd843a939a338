#!/bin/sh
# po/check-translations.sh SRCDIR — Thai is the first language of every screen: fail when a
# source file with translatable strings is missing from POTFILES.in, when a string of the
# sources has no Thai translation in th.po, or when a Thai literal bypasses gettext: Thai text
# in the sources belongs in the official-wording table (src/core/phaen-official.c) or the
# official forms (src/export/), or carries a "Thai on purpose" comment saying why (a font
# measurement, a language offered in its own name) on its line or the two before.
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

# 3. no Thai literal outside the official wording: C string literals and .ui text (the official
#    forms — XLSX and the plan document — print Thai whatever the UI language; src/import holds
#    the Thai headings it recognises in officers' files)
find src ui -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \) | sort |
  grep -v -e '^src/core/phaen-official\.c$' -e '^src/export/' \
    -e '^src/charts/phaen-plan-document\.c$' -e '^src/import/' > "$work/sources"
perl -CSD -ne '
  BEGIN { $bad = 0 }
  $on_purpose = 3 if /Thai on purpose/;
  $words = 1 if /Thai words on purpose/;   # a table of words: up to its closing "};"
  $line = $_;
  if ($ARGV =~ /\.ui$/) { $line =~ s/<!--.*?-->//g } else {
    next if $line =~ m{^\s*(/\*|\*|//)};   # comment lines
    $line =~ s{/\*.*?\*/}{}g; $line =~ s{//.*$}{};
    $line = join " ", ($line =~ /"((?:[^"\\]|\\.)*)"/g);
  }
  if ($line =~ /[\x{0E00}-\x{0E7F}]/ && !$on_purpose && !$words) {
    print "Thai literal outside the official wording: $ARGV:$.: $_"; $bad = 1;
  }
  $on_purpose-- if $on_purpose;
  $words = 0 if $words && /^\s*\};/;
  close ARGV if eof;   # line numbers per file
  END { exit $bad }' $(cat "$work/sources") || status=1
exit $status
