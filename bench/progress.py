"""Benchmark: the progress screen on a generated ten-year log (about 20,000 sets).

Reports, in milliseconds (median of several runs, each ending with the screen painted):
opening the screen with the log read afresh (the first time, or after a new set), opening
it again as the window does (the log's table kept while the log is unchanged), switching
variation the moment the screen shows (while the whole log is still being read), and
switching variation and range once it is read. The goal is under 150 ms each.
``--screenshots DIR`` also saves every chart at 1280x800 as ``progress-<chart>.png``.

Run: ``.venv/bin/python bench/progress.py`` (offscreen unless a display is set).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL_MS = 150.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
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
    return 0


def save_screenshots(screen: object, folder: Path, charts: tuple[str, ...], app: object) -> None:
    from PySide6.QtWidgets import QApplication

    from app.gui.progress.progress_screen import ProgressScreen
    from app.storage.progress_data import TimeRange

    assert isinstance(screen, ProgressScreen)
    assert isinstance(app, QApplication)
    folder.mkdir(parents=True, exist_ok=True)
    screen.set_range(TimeRange.ALL)
    screen.variation.setCurrentIndex(screen.variation.findData("hands-elevated-push-up"))
    for index, name in enumerate(charts):
        screen.tabs.setCurrentIndex(index)
        app.processEvents()
        target = folder / f"progress-{name.lower().replace(' ', '-')}.png"
        screen.grab().save(str(target), "PNG")
        print(f"saved {target}")


if __name__ == "__main__":
    raise SystemExit(main())
