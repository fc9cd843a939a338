#!/usr/bin/env python3
# tests/test-flatpak-manifest.py SRCDIR — the Flatpak manifest without building it (this CI has
# no Flatpak runtime and cannot reach Flathub): flatpak-builder parses it, it targets the GNOME
# runtime flatpak/README.md names, every module's source is pinned (a git commit or a sha256;
# only Phaen itself comes from the source tree), and finish-args are exactly the permissions
# flatpak/README.md explains — least privilege, nothing unexplained.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

src = os.path.abspath(sys.argv[1])
app_id = "io.github.phaen.Phaen"
manifest_path = os.path.join(src, "flatpak", app_id + ".json")
readme_path = os.path.join(src, "flatpak", "README.md")
n = 0
failed = 0


def check(name, ok, detail=""):
    global n, failed
    n += 1
    print(("ok %d - %s" if ok else "not ok %d - %s") % (n, name))
    if not ok:
        failed += 1
        for line in str(detail).splitlines():
            print("# " + line)


with open(manifest_path, encoding="utf-8") as f:
    manifest = json.load(f)
with open(readme_path, encoding="utf-8") as f:
    readme = f.read()

# flatpak-builder's own parser, when it is installed (Debian: flatpak-builder).
builder = shutil.which("flatpak-builder")
if builder:
    # It keeps its state in .flatpak-builder/ of the current folder: a temporary one.
    with tempfile.TemporaryDirectory() as work:
        run = subprocess.run([builder, "--show-manifest", manifest_path], capture_output=True,
                             text=True, cwd=work)
    check("flatpak-builder --show-manifest parses the manifest", run.returncode == 0,
          run.stderr)
else:
    check("flatpak-builder is installed (Debian: flatpak-builder)", False)

check("app-id is " + app_id, manifest.get("app-id", manifest.get("id")) == app_id)
check("command is phaen", manifest.get("command") == "phaen")
check("runtime and SDK are GNOME's",
      manifest.get("runtime") == "org.gnome.Platform" and manifest.get("sdk") == "org.gnome.Sdk")
version = str(manifest.get("runtime-version", ""))
named = re.search(r"GNOME (\d+) runtime \(org\.gnome\.Platform//(\d+)", readme)
check("runtime-version %s is the one flatpak/README.md names" % version,
      named is not None and named.group(1) == version and named.group(2) == version,
      "README names %s" % (named.group(0) if named else "no runtime"))
# GNOME 43 was the end-of-life one of issue #14; never go back below the one chosen then.
check("runtime-version %s is GNOME 49 or later" % version, version.isdigit() and int(version) >= 49)

modules = manifest.get("modules", [])
check("modules: libxlsxwriter, then phaen last",
      [m.get("name") for m in modules if isinstance(m, dict)][-1:] == ["phaen"] and
      any(isinstance(m, dict) and m.get("name") == "libxlsxwriter" for m in modules))
for module in modules:
    if not isinstance(module, dict):
        check("module %r is inline (no unpinned external file)" % module, False)
        continue
    for source in module.get("sources", []):
        kind = source.get("type")
        what = "%s: %s source %s" % (module.get("name"), kind, source.get("url", source.get("path")))
        if kind == "git":
            check(what + " is pinned by commit",
                  re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")) is not None, source)
            check(what + " is https", source.get("url", "").startswith("https://"))
        elif kind in ("archive", "file"):
            check(what + " is pinned by sha256",
                  re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")) is not None, source)
            check(what + " is https", source.get("url", "").startswith("https://"))
        elif kind == "dir":
            check(what + " is Phaen's own source tree",
                  module.get("name") == "phaen" and source.get("path") == "..")
        else:
            check(what + " is a kind this test knows to be pinned", False, source)
libxlsxwriter = [m for m in modules if isinstance(m, dict) and m.get("name") == "libxlsxwriter"]
pinned = [s.get("commit", "") for m in libxlsxwriter for s in m.get("sources", [])]
check("flatpak/README.md names libxlsxwriter's pinned commit",
      len(pinned) == 1 and pinned[0] != "" and pinned[0] in readme)

# Least privilege: finish-args are exactly the README's table of permissions.
args = manifest.get("finish-args", [])
table = re.search(r"^\| permission \| why \|\n\| --- \| --- \|\n((?:\|.*\|\n)+)", readme, re.M)
explained = set()
if table:
    for row in table.group(1).splitlines():
        explained.update(re.findall(r"`(--[^`]+)`", row.split("|")[1]))
check("flatpak/README.md has the table of permissions", table is not None and explained)
check("every finish-arg is explained in flatpak/README.md", set(args) <= explained,
      "unexplained: %s" % sorted(set(args) - explained))
check("every permission the README explains is used", explained <= set(args),
      "not in the manifest: %s" % sorted(explained - set(args)))
too_wide = [a for a in args if re.fullmatch(
    r"--filesystem=(host|host-os|host-etc|home|~|/.*)(:.*)?|--share=network|--socket=session-bus"
    r"|--socket=system-bus|--socket=x11|--device=all|--talk-name=.*|--system-talk-name=.*"
    r"|--own-name=.*|--socket=pulseaudio|--filesystem=xdg-run/.*", a)]
check("no permission wider than needed (home, host, network, bus names, x11 without fallback)",
      not too_wide, too_wide)
check("the window: wayland with the X11 fallback, IPC and DRI",
      {"--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri"} <= set(args))
fs = [a for a in args if a.startswith("--filesystem=")]
check("one folder only, for the workspace's journal and lock: xdg-documents",
      fs == ["--filesystem=xdg-documents"], fs)

print("1..%d" % n)
sys.exit(1 if failed else 0)
