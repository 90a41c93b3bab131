"""Launch to an interactive home screen: the median of several fresh processes, and its ratio
to a bare QMainWindow launched the same way in the same run.

Each run starts a new Python that runs the ``tempo-trainer`` command itself over a fresh data
folder (``app.cli.main``, as the installed script does: its parser, the log opened and checked,
the window placed on its screen) and prints once the event loop has painted home and is taking
input. The parent times from spawning the process to reading that line. The only addition is
that line: the child wraps ``open_sized``, the last step before the event loop, to print it on
the loop's first turn after the window is shown. The baseline child imports PySide6's widgets,
shows an empty QMainWindow maximised (as the app's window is on the offscreen platform's
800x800 screen and on any small screen) and prints the same line; the two kinds of run
alternate, so both see the same machine load. Prints figures; asserts nothing.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

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


def one_run(platform: str, code: str = CHILD) -> tuple[float, bool]:
    with tempfile.TemporaryDirectory() as folder:
        # Compiled modules are kept, as an installed app has them (pip compiles on install);
        # a shell with PYTHONDONTWRITEBYTECODE would otherwise compile every module every run.
        env = {**os.environ, "QT_QPA_PLATFORM": platform}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", code, folder],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        line = child.stdout.readline()
        elapsed = time.perf_counter() - started
        child.wait(timeout=30)
    return elapsed, line.split()[-1:] == ["True"]


def main() -> None:
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    one_run(platform)  # warm the disk cache, as a second launch would be
    one_run(platform, BARE)
    times: list[float] = []
    bare: list[float] = []
    pyqtgraph_loaded = False
    for _ in range(RUNS):
        elapsed, loaded = one_run(platform)
        times.append(elapsed)
        pyqtgraph_loaded |= loaded
        bare.append(one_run(platform, BARE)[0])
    home, baseline = statistics.median(times), statistics.median(bare)
    print(f"start-up to interactive home ({platform}, {RUNS} runs)")
    print(f"  median {home * 1000:.0f} ms")
    print(f"  min    {min(times) * 1000:.0f} ms   max {max(times) * 1000:.0f} ms")
    print(f"  bare QMainWindow, same run: median {baseline * 1000:.0f} ms")
    print(f"  ratio  {home / baseline:.2f}x a bare QMainWindow")
    print(f"  pyqtgraph imported at start: {'yes' if pyqtgraph_loaded else 'no'}")


if __name__ == "__main__":
    main()
