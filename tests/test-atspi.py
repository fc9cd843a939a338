#!/usr/bin/env python3
# tests/test-atspi.py PHAEN PHAEN_CLI — what a screen reader hears, read where it reads it: the
# AT-SPI tree on the accessibility bus. The real app runs on the sample workspace in a D-Bus
# session of its own (at-spi-bus-launcher and at-spi2-registryd are started by D-Bus
# activation); keys are typed through the X server (xdotool), as a user types them. Checks the
# plan grid's name and role, the focused cell announced (an object:property-change event with
# row, column heading, value and marks, compared with the workspace read through SQLite) on
# every cursor move, the Gantt chart's text alternative, and that no control is announced by
# its class name (an icon-only button read as "GtkImage").
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

n = 0
failed = 0


def check(name, ok, detail=""):
    global n, failed
    n += 1
    print(("ok %d - %s" if ok else "not ok %d - %s") % (n, name), flush=True)
    if not ok:
        failed += 1
        for line in str(detail).splitlines():
            print("# " + line, flush=True)
    return ok


def bail(message):
    print("Bail out! " + message, flush=True)
    sys.exit(1)


if not os.environ.get("DISPLAY"):
    print("1..0 # SKIP no X display (make test runs the tests under xvfb-run)")
    sys.exit(0)
# A private session bus, so the accessibility bus and the registry are this test's own.
if os.environ.get("PHAEN_ATSPI_SESSION") != "1":
    for tool in ("dbus-run-session", "xdotool"):
        if shutil.which(tool) is None:
            bail("%s is missing (Debian: dbus-daemon, xdotool)" % tool)
    env = dict(os.environ, PHAEN_ATSPI_SESSION="1")
    # The registry daemon prints to the stdout it inherits: whatever is not TAP is a comment.
    inner = subprocess.Popen(["dbus-run-session", "--", sys.executable] + sys.argv, env=env,
                             stdout=subprocess.PIPE, text=True)
    for line in inner.stdout:
        tap = re.match(r"(ok |not ok |1\.\.|#|Bail out!)", line)
        sys.stdout.write(line if tap else "# " + line)
        sys.stdout.flush()
    sys.exit(inner.wait())

try:
    import gi

    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as error:
    bail("AT-SPI from Python is missing (Debian: python3-gi gir1.2-atspi-2.0): %s" % error)

app_path, cli_path = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="phaen-atspi-")
workspace = os.path.join(work, "sample.phaen")
subprocess.run([cli_path, "demo", "--force", workspace], check=True, stdout=subprocess.DEVNULL)

# What the grid should say, from the workspace itself: the first plan's activities in order.
db = sqlite3.connect(workspace)
plan_id, plan_title, fiscal_year, extra_months = db.execute(
    "SELECT plan.id, plan.title, plan.fiscal_year, plan.extra_months FROM plan JOIN unit ON unit.id = plan.unit_id"
    " WHERE unit.abbr = 'กพร.' ORDER BY plan.fiscal_year, plan.id LIMIT 1").fetchone()
activities = db.execute(
    "SELECT id, name FROM activity WHERE plan_id = ? AND parent_id IS NULL ORDER BY position",
    (plan_id,)).fetchall()
assert db.execute("SELECT count(*) FROM activity WHERE plan_id = ? AND parent_id IS NOT NULL",
                  (plan_id,)).fetchone()[0] == 0, "the sample's first plan is flat"


def planned(activity_id, month):
    row = db.execute("SELECT marks FROM activity_month WHERE activity_id = ? AND month = ?",
                     (activity_id, month)).fetchone()
    return row is not None and row[0] & 1 != 0


Atspi.init()
env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", GSETTINGS_BACKEND="memory",
           GTK_A11Y="atspi", HOME=work, XDG_CONFIG_HOME=os.path.join(work, "config"),
           XDG_DATA_HOME=os.path.join(work, "data"))
env.pop("LANGUAGE", None)
env.pop("NO_AT_BRIDGE", None)
app = None


def launch(view):
    global app
    app = subprocess.Popen([app_path, "--view", view, workspace], env=env,
                           stdout=subprocess.DEVNULL,
                           stderr=open(os.path.join(work, "app.log"), "w"))
    root = wait_for(find_app, 60)
    if root is None:
        bail("the app never appeared on the accessibility bus: %s" %
             open(os.path.join(work, "app.log")).read())
    return root


def quit_app():
    if app is None or app.poll() is not None:
        return
    app.terminate()
    try:
        app.wait(10)
    except subprocess.TimeoutExpired:
        app.kill()


def wait_for(what, timeout=20.0):
    deadline = time.monotonic() + timeout
    while True:
        while GLib.MainContext.default().iteration(False):
            pass
        found = what()
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def find_app():
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        child = desktop.get_child_at_index(i)
        if child is not None and child.get_process_id() == app.pid and child.get_child_count():
            return child
    return None


def walk(node, depth=0):
    yield node
    if depth > 60:
        return
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            yield from walk(child, depth + 1)


def find(root, role, name):
    for node in walk(root):
        if node.get_role() == role and (name is None or node.get_name() == name):
            return node
    return None


def focused(node):
    return node.get_state_set().contains(Atspi.StateType.FOCUSED)


# No control is announced by its class name, as a button showing only an icon was.
CONTROLS = {Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX,
            Atspi.Role.RADIO_BUTTON, Atspi.Role.ENTRY, Atspi.Role.TEXT, Atspi.Role.SPIN_BUTTON,
            Atspi.Role.COMBO_BOX, Atspi.Role.TABLE, Atspi.Role.PAGE_TAB, Atspi.Role.MENU_ITEM,
            Atspi.Role.SLIDER}


def check_controls(root, where, at_least):
    seen = 0
    unnamed = []
    for node in walk(root):
        if node.get_role() not in CONTROLS:
            continue
        seen += 1
        name = node.get_name() or ""
        # Nameless, a class name, or GTK 4.8's "_Open… Open…" (the mnemonic read out).
        if (name.strip() == "" or re.fullmatch(r"(Gtk|Adw|App)[A-Za-z]+", name) or
                re.search(r"(^|\S)_\S", name)):
            parent = node.get_parent()
            unnamed.append("%s %r in %s %r" % (node.get_role_name(), name,
                                                parent.get_role_name(), parent.get_name()))
    check("%s: the window has its controls on the bus (%d)" % (where, seen), seen >= at_least)
    check("%s: every control has a name of its own, not its class nor a mnemonic" % where,
          not unnamed,
          "\n".join(unnamed))


try:
    root = launch("grid")
    grid = wait_for(lambda: find(root, Atspi.Role.TABLE, "ตารางแผน"))
    check("the plan grid is a table named “ตารางแผน” (Plan grid)", grid is not None,
          "\n".join("%s %r" % (x.get_role_name(), x.get_name()) for x in walk(root)
                    if x.get_role() == Atspi.Role.TABLE))
    if grid is None:
        bail("no grid to read")

    # The window has the keyboard; Tab moves the focus until it is on the grid.
    windows = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid",
                              str(app.pid)], capture_output=True, text=True).stdout.split()
    if windows:
        subprocess.run(["xdotool", "windowfocus", "--sync", windows[-1]])

    def key(*names):
        subprocess.run(["xdotool", "key", "--delay", "50"] + list(names), check=True)

    for _ in range(40):
        if wait_for(lambda: focused(grid), 0.5):
            break
        key("Tab")
    check("Tab reaches the grid: AT-SPI reports it focused", focused(grid))

    # A screen reader speaks the focused object's description when it changes: listen for it.
    heard = []
    listener = Atspi.EventListener.new(
        lambda event: heard.append(event.any_data) if event.source == grid else None)
    listener.register("object:property-change:accessible-description")

    def move(keys, expected, what):
        heard.clear()
        key(*keys)
        got = wait_for(lambda: heard and heard[-1] == expected, 10)
        check(what, got, "heard %r\nwanted %r\ndescription now %r" %
              (heard, expected, grid.get_description()))
        check(what + ": the grid's description says so too", grid.get_description() == expected,
              grid.get_description())

    rows = len(activities)

    def name_cell(row):
        number, name = row + 1, activities[row][1]
        return "แถวที่ %d จาก %d, %d %s; กิจกรรม: %s" % (row + 1, rows, number, name, name)

    move(["ctrl+Home", "Home", "Right"], name_cell(0),
         "Ctrl+Home, Home, Right: row 1, the activity column, its name")
    move(["Down"], name_cell(1), "Down: row 2, the activity column, its name")
    # End: the output column; Left: the plan's last month (the fiscal year's September, or the
    # last of the months added after it), its heading the month and the Buddhist year, “ต.ค.64”.
    last = 11 + extra_months
    thai_months = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                   "ก.ค.", "ส.ค.", "ก.ย."]
    heading = "%s%02d" % (thai_months[last % 12], (fiscal_year - 1 + (last + 3) // 12) % 100)
    marked = [r for r in range(2, rows) if planned(activities[r][0], last)]
    check("a row after the second has the plan's last month planned", marked)
    target = marked[0] if marked else rows - 1
    for row, keys in ((1, ["End", "Left"]), (target, ["Down"] * (target - 1))):
        marks = "วางแผนไว้" if planned(activities[row][0], last) else "ไม่ได้วางแผน"
        expected = "แถวที่ %d จาก %d, %d %s; %s: %s" % (row + 1, rows, row + 1,
                                                       activities[row][1], heading, marks)
        move(keys, expected, "row %d, %s: its heading and “%s”, as the workspace has it" %
             (row + 1, heading, marks))
    check("the two month cells differ in their marks",
          not planned(activities[1][0], last) and planned(activities[target][0], last))
    listener.deregister("object:property-change:accessible-description")

    check_controls(root, "the plan", 30)
    quit_app()

    # The Gantt chart, as the app opens on it: an image whose description is the table it
    # draws (a chart not shown is not laid out, and has none).
    root = launch("gantt")
    gantt = wait_for(lambda: find(root, Atspi.Role.IMAGE, "แผนภูมิแกนต์ของแผน"))
    wait_for(lambda: gantt is not None and gantt.get_description(), 10)
    check("the Gantt chart is an image named “แผนภูมิแกนต์ของแผน”", gantt is not None)
    text = gantt.get_description() if gantt is not None else ""
    check("its description starts with the plan's title", text.startswith(plan_title), text[:200])
    missing = [name for _, name in activities if name not in text]
    check("its description names every activity", not missing, missing)
    check("its description says which months are planned", "วางแผนไว้: " in text, text[:400])
    quit_app()

    # The other pages, each as the app opens on it.
    for view, least in (("indicators:กพร.", 20), ("results:สตป.", 20), ("dashboard:สตป.", 10),
                        ("efficiency", 10), ("pmqa:สป.กค.", 10),
                        ("pmqa-assessment:สป.กค.", 20)):
        root = launch(view)
        wait_for(lambda: False, 3)  # the page fills itself in
        check_controls(root, view, least)
        quit_app()
finally:
    quit_app()
    shutil.rmtree(work, ignore_errors=True)

print("1..%d" % n)
sys.exit(1 if failed else 0)
