"""Render every screen of a session at 1280x800 and 800x1280 into ``screenshots/``.

Runs on a fake clock with a throw-away data folder, so the pictures are the same each time:
``python scripts/screenshots.py`` (offscreen), or ``xvfb-run -a python scripts/screenshots.py
--platform xcb`` for a real X window.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from app.audio.output import CueOutput, SilentOutput
from app.gui.launch import application, open_window
from app.gui.main_window import MainWindow
from app.gui.screen_awake import NoScreenAwake
from app.storage.settings import Settings
from app.storage.store import Store

SIZES = ((1280, 800), (800, 1280))


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


NO_BUS = "No desktop session bus: the screen may blank during a session."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--platform", default="offscreen", help="Qt platform (offscreen, xcb)")
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = args.platform

    app = application()
    args.out.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "log.sqlite3") as store:
            clock = _Clock()
            window = open_window(Path(folder), store, screen_awake=NoScreenAwake(NO_BUS))
            window.services.open_output = _silent(clock)
            window.services.wall_clock = _minutes()
            window.resize(width, height)
            window.show()
            _session(window, clock, _shooter(app, window, args.out, f"{width}x{height}"))
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return 0


def _silent(clock: _Clock) -> Callable[[Settings], CueOutput]:
    def open_output(settings: Settings) -> CueOutput:
        del settings
        return SilentOutput(clock)

    return open_output


def _minutes() -> Callable[[], datetime]:
    moments = iter(datetime(2024, 5, 6, 18, tzinfo=UTC) + timedelta(minutes=m) for m in range(999))
    return lambda: next(moments)


def _shooter(app: QApplication, window: MainWindow, out: Path, size: str) -> Callable[[str], None]:
    def shot(name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}-{size}.png"
        window.grab().save(str(path))
        print(path)

    return shot


def _session(window: MainWindow, clock: _Clock, shot: Callable[[str], None]) -> None:
    from app.gui.keys import Action

    home = window.home
    for row in range(home.plans.count()):
        if home.plans.item(row).text().startswith("Hands-elevated push up ladder"):
            home.plans.setCurrentRow(row)
    shot("home")
    home.on_start_clicked()
    window.current.handle(Action.NEXT)
    shot("setup-step")
    while window.current.objectName() == "setup":
        window.current.handle(Action.NEXT)
    window.current.handle(Action.START_PAUSE)
    run = window.run
    assert run is not None
    clock.now += 3.0 + 4 * 5.0 + 1.2  # the count-in, four reps, into the fifth lowering
    run.driver.on_tick()
    shot("lowering")
    window.current.handle(Action.NEXT)  # end the set early: the sheet shows the reps done
    window.current.handle(Action.UP)
    shot("log-sheet")
    window.current.handle(Action.NEXT)
    clock.now += 17
    run.driver.on_tick()
    shot("rest")
    while not run.finished:
        if run.player.stage.value == "rest":
            run.driver.skip_rest()
        while window.current.objectName() == "setup":
            window.current.handle(Action.NEXT)
        if run.player.stage.value == "ready":
            run.start()
        clock.now += 200
        run.driver.on_tick()
        if run.player.stage.value == "logging":
            window.current.handle(Action.NEXT)
    shot("summary")
    _equipment(window)
    window.current.handle(Action.NEXT)
    shot("home-advice")
    window.on_settings_requested()
    shot("settings")


def _equipment(window: MainWindow) -> None:
    """A floor session the day before (a second line of advice) and a few surfaces."""
    from dataclasses import replace

    from app.domain.equipment import EquipmentProfile, Surface
    from app.storage.store import ImportedSet

    window.services.store.import_sets(
        ImportedSet(
            "floor",
            "Floor day",
            0,
            n,
            "floor-push-up",
            None,
            "3-1-1-0",
            "8-12",
            r,
            1,
            "",
            f"2024-05-05T18:0{n}:00+00:00",
        )
        for n, r in enumerate((8, 7, 6), start=1)
    )
    surfaces = (
        Surface("kitchen counter", 91),
        Surface("desk", 74),
        Surface("dining chair", 46),
        Surface("bottom stair", 18),
    )
    profile = EquipmentProfile(surfaces=surfaces, stature_cm=172, body_mass_kg=68)
    window.apply_settings(replace(window.services.settings, equipment=profile))


if __name__ == "__main__":
    sys.exit(main())
