"""Benchmark under load: a ten-year log (about 20,000 sets) and a folder of 200 plans.

Reports medians in milliseconds for what the person waits on: start-up to an interactive home
screen (a fresh process each run), building the plan list, and opening the history and the
progress screens from home (each ending with the screen painted). Prints a table; asserts
nothing.

Run: ``.venv/bin/python bench/load.py`` (offscreen unless a display is set).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from child_line import first_line  # beside this file

PLANS = 200
CHILD = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from app.gui.launch import application, open_window
from app.storage.safe_open import open_store
from datetime import datetime

app = application()
opened = open_store(Path(sys.argv[1]), datetime.now().astimezone())
window = open_window(Path(sys.argv[1]), opened.store)
window.resize(1280, 800)
window.show()

def ready() -> None:
    print("ready", window.home.plans.count(), flush=True)
    app.quit()

QTimer.singleShot(0, ready)
app.exec()
opened.store.close()
"""


def write_plans(folder: Path, shipped: Path) -> None:
    """``PLANS`` plan files, made from the shipped ones with titles of their own."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted(shipped.glob("*.toml"))
    for number in range(PLANS):
        source = sources[number % len(sources)]
        text = source.read_text(encoding="utf-8")
        text = re.sub(r'^title = "(.*)"', rf'title = "\1 #{number + 1}"', text, count=1, flags=re.M)
        (folder / f"plan-{number + 1:03d}.toml").write_text(text, encoding="utf-8")


def startup_ms(data: Path, runs: int) -> tuple[float, int]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    times: list[float] = []
    listed = 0
    for run in range(runs + 1):
        elapsed, line = first_line(CHILD, data, env)
        listed = int(line.split()[-1])
        if run:  # the first run warms the disk cache, as a second launch would be
            times.append(elapsed)
    return statistics.median(times) * 1000, listed


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from app.gui import home_data
    from app.gui.launch import application, open_window
    from app.storage.data_dir import plans_folder, store_path
    from app.storage.plan_files import shipped_plans_folder
    from app.storage.store import Store
    from tests.fixtures.ten_year_history import write_ten_year_history

    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        facts = write_ten_year_history(store_path(data))
        write_plans(plans_folder(data), shipped_plans_folder())
        print(f"ten-year log: {facts.sessions} sessions, {facts.sets} sets; {PLANS} plans")
        rows: list[tuple[str, float]] = []
        startup, listed = startup_ms(data, args.runs)
        rows.append((f"start-up to interactive home ({listed} plans listed)", startup))

        app = application()
        with Store(store_path(data)) as store:
            window = open_window(data, store)
            window.resize(1280, 800)
            window.show()
            app.processEvents()
            rows.append(
                ("plan list build", median_ms(lambda: home_data.plans(window.services), args.runs))
            )
            rows.append(
                (
                    "home refresh (plans, last session, resume)",
                    median_ms(window.refresh_home, args.runs),
                )
            )

            def open_and_paint(open_screen: Callable[[], None]) -> Callable[[], None]:
                def run() -> None:
                    open_screen()
                    window.current.repaint()
                    app.processEvents()
                    window.show_home()
                    app.processEvents()

                return run

            rows.append(
                (
                    "history screen open",
                    median_ms(open_and_paint(window.on_history_requested), args.runs),
                )
            )
            first = median_ms(open_and_paint(window.on_progress_requested), 1)
            rows.append(("progress screen open, first time", first))
            rows.append(
                (
                    "progress screen open, again",
                    median_ms(open_and_paint(window.on_progress_requested), args.runs),
                )
            )
            window.close()
            window.deleteLater()
            QApplication.processEvents()

    width = max(len(name) for name, _ in rows)
    print(f"{'what':<{width}}  median ms ({args.runs} runs)")
    for name, ms in rows:
        print(f"{name:<{width}}  {ms:8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
