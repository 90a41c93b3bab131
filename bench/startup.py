"""Launch to an interactive home screen: the median of several fresh processes, and its ratio
to a bare QMainWindow launched the same way in the same run.

Each run starts a new Python that runs the ``tempo-trainer`` command itself over a fresh data
folder (``app.cli.main``, as the installed script does: its parser, the log opened and checked,
the window placed on its screen) and prints once the event loop has painted home and is taking
input. The parent times from spawning the process to reading that line. The only addition is
that line: the child wraps ``open_sized``, the last step before the event loop, to print it on
the loop's first turn after the window is shown. The baseline child imports PySide6's widgets,
shows an empty QMainWindow maximised (as the app's window is on the offscreen platform's
800x800 screen and on any small screen) and prints the same line. The app is launched twice
per round: over a fresh data folder (a first start) and over a ten-year log (about 3,600
sessions, ``tests/fixtures/ten_year_history.py``: a returning user, whose home shows the last
session and the coach's advice). The kinds of run alternate, so all see the same machine load.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from child_line import first_line  # beside this file

from app.storage.data_dir import store_path
from tests.fixtures.ten_year_history import TZ, write_ten_year_history

RUNS = 7
CHILD = """
import sys
import app.cli
import app.gui.launch as launch

placed = launch.open_sized

def open_sized(window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    placed(window)

    def ready() -> None:
        print("ready", "pyqtgraph" in sys.modules, flush=True)
        QApplication.instance().quit()

    QTimer.singleShot(0, ready)

launch.open_sized = open_sized
sys.exit(app.cli.main(["--data-dir", sys.argv[1], "gui"]))
"""
BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.showMaximized()

def ready() -> None:
    print("ready", "pyqtgraph" in sys.modules, flush=True)
    app.quit()

QTimer.singleShot(0, ready)
app.exec()
"""


def one_run(platform: str, folder: Path, code: str = CHILD) -> tuple[float, bool]:
    # Compiled modules are kept, as an installed app has them (pip compiles on install);
    # a shell with PYTHONDONTWRITEBYTECODE would otherwise compile every module every run.
    env = {**os.environ, "QT_QPA_PLATFORM": platform}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    elapsed, line = first_line(code, folder, env, timeout_s=30)
    return elapsed, line.split()[-1:] == ["True"]


def first_start(platform: str) -> tuple[float, bool]:
    with tempfile.TemporaryDirectory() as folder:
        return one_run(platform, Path(folder))


def report(name: str, times: list[float], baseline: float) -> None:
    home = statistics.median(times)
    print(f"  {name}: median {home * 1000:.0f} ms", end="")
    print(f" (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})", end="")
    print(f", {home / baseline:.2f}x a bare QMainWindow")


def main() -> None:
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as kept:
        returning = Path(kept)
        # Trained until yesterday evening, as a returning user has: the coach reads a log
        # that is up to date (not one weeks old, which it would meet with a comeback).
        yesterday = (datetime.now(TZ) - timedelta(days=1)).replace(hour=18, minute=0)
        write_ten_year_history(store_path(returning), end=yesterday)
        # Warm the disk cache, as a second launch would be; the first open of the log also
        # settles it (its write-ahead file), as any earlier session would have.
        first_start(platform)
        one_run(platform, returning)
        one_run(platform, returning, BARE)
        fresh: list[float] = []
        ten_years: list[float] = []
        bare: list[float] = []
        pyqtgraph_loaded = False
        for _ in range(RUNS):
            for times, (elapsed, loaded) in (
                (fresh, first_start(platform)),
                (ten_years, one_run(platform, returning)),
                (bare, one_run(platform, returning, BARE)),
            ):
                times.append(elapsed)
                pyqtgraph_loaded |= loaded and times is not bare
    baseline = statistics.median(bare)
    print(f"start-up to interactive home ({platform}, {RUNS} runs of each)")
    print(f"  bare QMainWindow, same run: median {baseline * 1000:.0f} ms")
    report("first start (empty data folder)", fresh, baseline)
    report("ten-year log (3,600 sessions)", ten_years, baseline)
    print(f"  pyqtgraph imported at start: {'yes' if pyqtgraph_loaded else 'no'}")


if __name__ == "__main__":
    main()
