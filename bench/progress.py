"""Benchmark: the progress screen on a generated ten-year log (about 20,000 sets).

Reports, in milliseconds (median of several runs, each ending with the screen painted):
opening the screen with the log read afresh (the first time, or after a new set), opening
it again as the window does (the log's table kept while the log is unchanged), switching
variation the moment the screen shows (while the whole log is still being read), and
switching variation and range once it is read. The goal is under 150 ms each.

Then the very first open, from home, in a fresh process each run (imports included): from
the moment Progress is pressed (at 1.5 s, or 0.15 s after launch) to the screen painted, with
the charts imported ahead of time as the app does (a module per idle turn of the GUI thread),
all at once on the GUI thread, or not at all; and how long home stopped answering meanwhile
(the longest gap between the ticks of a 5 ms timer once home is painted, up to the press).
``--first-open-runs 0`` skips it.

``--screenshots DIR`` also saves every chart, all time, at 1280x800 and 800x1280 as
``progress-<chart>-<size>.png``.

Run: ``.venv/bin/python bench/progress.py`` (offscreen unless a display is set).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL_MS = 150.0
# A fresh process: open the window on the log in argv[2], press Progress argv[3] ms after
# launch; print the time from then to the progress screen painted, and the longest stall of
# home before it. argv[1], the warm-up:
# "app" (the app's own, a module per turn), "gui" (all at once once home is painted) or "none".
FIRST_OPEN = """
import importlib, sys, time
from pathlib import Path
from PySide6.QtCore import Qt, QTimer
from app.gui.launch import application, open_window
from app.storage.data_dir import store_path
from app.storage.store import Store

mode, folder, press_ms = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
app = application()
store = Store(store_path(folder))
window = open_window(folder, store)
warm_up = getattr(window.home, "warm_up", None)
home_painted = [float("inf")]
if warm_up is not None:
    own_start, module = warm_up.start, warm_up.module
    action = {
        "app": own_start,
        "gui": lambda *_: importlib.import_module(module),
        "none": lambda *_: None,
    }[mode]

    def start(*args) -> None:  # called once home is painted (and again while not over)
        home_painted[0] = min(home_painted[0], time.perf_counter())
        action(*args)

    warm_up.start = start
window.resize(1280, 800)
window.show()
ticks = [time.perf_counter()]
ticker = QTimer()
ticker.setInterval(5)
ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
ticker.start()

def press() -> None:
    ticker.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:]) if b > home_painted[0]]
    stall = max(gaps, default=0.0)
    imported = "pyqtgraph" in sys.modules
    started = time.perf_counter()
    window.on_progress_requested()
    window.current.repaint()
    app.processEvents()
    painted = time.perf_counter()
    # From when the key was due (a busy GUI thread answers it late) to the screen painted.
    print(f"{(painted - due) * 1000:.1f} {stall * 1000:.1f} {imported}", flush=True)
    app.quit()

due = time.perf_counter() + press_ms / 1000
pressing = QTimer()
pressing.setSingleShot(True)
pressing.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire 5% early or late
pressing.timeout.connect(press)
pressing.start(press_ms)
app.exec()
window.close()
store.close()
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--first-open-runs", type=int, default=7)
    parser.add_argument("--screenshots", type=Path, metavar="DIR")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from app.gui.progress.progress_screen import CHARTS, ProgressScreen
    from app.gui.theme import apply_theme
    from app.storage.catalog import load_catalog
    from app.storage.progress_data import SetTableCache, TimeRange
    from app.storage.settings import Theme
    from app.storage.store import Store
    from tests.fixtures.ten_year_history import END, write_ten_year_history

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_theme(app, Theme.DARK)
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.sqlite3"
        facts = write_ten_year_history(path)
        print(f"ten-year log: {facts.sessions} sessions, {facts.sets} sets")
        with Store(path) as store:
            tables = SetTableCache()

            def open_screen(cached: bool = False) -> ProgressScreen:
                kept = tables if cached else None
                screen = ProgressScreen(store, catalog, now=lambda: END, tables=kept)
                screen.resize(1280, 800)
                screen.show()
                screen.repaint()
                app.processEvents()
                return screen

            def timed(action: Callable[[], object]) -> float:
                start = time.perf_counter()
                action()
                return (time.perf_counter() - start) * 1000

            open_screen().deleteLater()  # first use: imports and font caches
            app.processEvents()
            opening = []
            for _ in range(args.runs):
                start = time.perf_counter()
                screen = open_screen()
                opening.append((time.perf_counter() - start) * 1000)
                screen.table  # noqa: B018 (lets its loader thread finish before the next run)
                screen.close()
                screen.deleteLater()
                app.processEvents()
            reopening = []
            open_screen(cached=True).deleteLater()  # fills the cache
            app.processEvents()
            for _ in range(args.runs):
                start = time.perf_counter()
                screen = open_screen(cached=True)
                reopening.append((time.perf_counter() - start) * 1000)
                screen.close()
                screen.deleteLater()
                app.processEvents()
            tables.close()
            # The worst case: a click the moment the screen shows, before the rest is read.
            eager = []
            for run in range(args.runs):
                screen = open_screen()

                def first_switch(screen: ProgressScreen = screen, run: int = run) -> None:
                    screen.variation.setCurrentIndex(1 + run % (screen.variation.count() - 1))
                    screen.repaint()
                    app.processEvents()

                eager.append(timed(first_switch))
                screen.close()
                screen.deleteLater()
                app.processEvents()
            screen = open_screen()
            screen.set_range(TimeRange.ALL)
            variations = [screen.variation.itemData(i) for i in range(screen.variation.count())]
            switching = []
            for run in range(args.runs):
                index = (run + 1) % len(variations)

                def switch_variation(index: int = index) -> None:
                    screen.variation.setCurrentIndex(index)
                    screen.repaint()
                    app.processEvents()

                switching.append(timed(switch_variation))
            ranges = []
            for run in range(args.runs):
                time_range = list(TimeRange)[run % len(TimeRange)]

                def switch_range(time_range: TimeRange = time_range) -> None:
                    screen.set_range(time_range)
                    screen.repaint()
                    app.processEvents()

                ranges.append(timed(switch_range))
            for name, figures in (
                ("open (log read afresh)", opening),
                ("open again (log unchanged)", reopening),
                ("switch at once after opening", eager),
                ("switch variation (all time)", switching),
                ("switch range", ranges),
            ):
                median = statistics.median(figures)
                verdict = "ok" if median < GOAL_MS else "SLOW"
                print(
                    f"{name:31} median {median:6.1f} ms  (min {min(figures):6.1f},"
                    f" max {max(figures):6.1f})  goal < {GOAL_MS:g} ms: {verdict}"
                )
            if args.screenshots:
                save_screenshots(screen, args.screenshots, CHARTS, app)
            screen.close()
            screen.deleteLater()
            app.processEvents()
        if args.first_open_runs:
            first_open_in_fresh_processes(Path(folder), path, args.first_open_runs)
    return 0


def first_open_in_fresh_processes(folder: Path, log: Path, runs: int) -> None:
    """The first open from home, imports included, for each way of warming up."""
    from app.storage.data_dir import store_path

    data = folder / "first-open"
    data.mkdir()
    store_path(data).write_bytes(log.read_bytes())
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
    print(f"first open from home, a fresh process each ({runs} runs, medians):")
    # Pressed 1.5 s after launch (home read, a key pressed), or as soon as home shows.
    for press_ms in (1500, 150):
        for mode in ("app", "gui", "none"):
            opened, stalls, imported = [], [], 0
            for _ in range(runs):
                result = subprocess.run(
                    [sys.executable, "-c", FIRST_OPEN, mode, str(data), str(press_ms)],
                    capture_output=True,
                    text=True,
                    env=env,
                    timeout=120,
                    check=True,
                )
                fields = result.stdout.split()
                opened.append(float(fields[0]))
                stalls.append(float(fields[1]))
                imported += fields[2] == "True"
            print(
                f"  press at {press_ms:4d} ms, warm-up {mode:6}: press to painted"
                f" {statistics.median(opened):6.1f} ms (min {min(opened):6.1f},"
                f" max {max(opened):6.1f}); home's longest stall before it"
                f" {statistics.median(stalls):6.1f} ms (max {max(stalls):6.1f});"
                f" pyqtgraph imported before the press in {imported}/{runs}"
            )


def save_screenshots(screen: object, folder: Path, charts: tuple[str, ...], app: object) -> None:
    from PySide6.QtWidgets import QApplication

    from app.gui.progress.progress_screen import ProgressScreen
    from app.storage.progress_data import TimeRange

    assert isinstance(screen, ProgressScreen)
    assert isinstance(app, QApplication)
    folder.mkdir(parents=True, exist_ok=True)
    screen.set_range(TimeRange.ALL)
    screen.variation.setCurrentIndex(screen.variation.findData("hands-elevated-push-up"))
    for width, height in ((1280, 800), (800, 1280)):
        # Twice: a window's first resize stops at the landscape layout's minimum width;
        # the portrait layout, narrower, is in place for the second.
        for _ in range(2):
            screen.resize(width, height)
            app.processEvents()
        for index, name in enumerate(charts):
            screen.tabs.setCurrentIndex(index)
            app.processEvents()
            target = folder / f"progress-{name.lower().replace(' ', '-')}-{width}x{height}.png"
            screen.grab().save(str(target), "PNG")
            print(f"saved {target}")


if __name__ == "__main__":
    raise SystemExit(main())
