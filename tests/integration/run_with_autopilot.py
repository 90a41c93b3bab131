"""Test entry point: the real app, with the autopilot pressing Enter in its window.

``python -m tests.integration.run_with_autopilot ARGS`` runs what ``python -m app ARGS``
runs, except that the window, once built and told what opening the log found, gets an
:class:`~tests.integration.autopilot.Autopilot`. The shipped package has no hook for it:
this module wraps the launcher's ``show_start`` in its own process only.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from app.cli import main
from app.gui import launch
from app.gui.main_window import MainWindow
from app.storage.safe_open import OpenedStore
from tests.integration.autopilot import Autopilot

REPO = Path(__file__).resolve().parents[2]


def command(*args: str) -> list[str]:
    """The command line of the app under the autopilot, unbuffered, with ``args``."""
    return [sys.executable, "-u", "-m", "tests.integration.run_with_autopilot", *args]


def environment(base: Mapping[str, str], **extra: str) -> dict[str, str]:
    """``base`` with ``extra``, offscreen, and the repository importable from any folder."""
    path = os.pathsep.join(p for p in (str(REPO), base.get("PYTHONPATH", "")) if p)
    return {**base, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": path, **extra}


def run(argv: Sequence[str]) -> int:
    """``tempo-trainer ARGV`` with the autopilot driving the window it opens."""
    show_start = launch.show_start

    def show_start_then_drive(window: MainWindow, opened: OpenedStore, notices: list[str]) -> None:
        show_start(window, opened, notices)
        Autopilot(window)

    launch.show_start = show_start_then_drive
    return main(argv)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
