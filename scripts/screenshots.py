"""Render every screen of a session at three sizes, in both themes, into ``screenshots/``.

Runs on a fake clock with a throw-away data folder, so the pictures are the same each time:
``python scripts/screenshots.py`` (offscreen), or ``xvfb-run -a python scripts/screenshots.py
--platform xcb`` for a real X window. The session is a small plan written for the pictures:
a box set at 45 cm, one at 30 cm (so a rest asks for a box change), then a floor set (so the
summary has two variations).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from app.audio.output import CueOutput, SilentOutput
from app.gui.launch import application, open_window
from app.gui.main_window import MainWindow
from app.gui.screen_awake import NoScreenAwake
from app.storage.data_dir import plans_folder
from app.storage.settings import Settings, Theme
from app.storage.store import Store

SIZES = ((1024, 600), (1280, 800), (800, 1280))

SHOT_PLAN = """\
title = "Box ladder, then the floor"
description = "One set at each box height, then a floor set: a short tour for the pictures."
count_in_s = 3

[[block]]
variation = "hands-elevated-push-up"
sets = 1
reps = "8-12"
tempo = "3-1-1-0"
rest_s = 90
box_height_cm = 45

[[block]]
variation = "hands-elevated-push-up"
sets = 1
reps = "5-8"
tempo = "3-1-1-0"
rest_s = 120
box_height_cm = 30

[[block]]
variation = "floor-push-up"
sets = 1
reps = "max"
tempo = "2-0-1-0"
rest_s = 60
"""


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class _Speakers(SilentOutput):
    """Silent, but says it is a device: the pictures show "Sound on" unless told otherwise."""

    name = "qt"


NO_BUS = "No desktop session bus: the screen may blank during a session."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--platform", default="offscreen", help="Qt platform (offscreen, xcb)")
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--size", action="append", help="WIDTHxHEIGHT (repeatable)")
    parser.add_argument("--theme", action="append", choices=[t.value for t in Theme])
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = args.platform
    sizes = [tuple(map(int, s.split("x"))) for s in args.size] if args.size else SIZES
    themes = [Theme(t) for t in args.theme] if args.theme else list(Theme)

    app = application()
    args.out.mkdir(parents=True, exist_ok=True)
    for theme in themes:
        for width, height in sizes:
            with (
                tempfile.TemporaryDirectory() as folder,
                Store(Path(folder) / "log.sqlite3") as store,
            ):
                plans = plans_folder(Path(folder))
                plans.mkdir(parents=True)
                (plans / "box-ladder-and-floor.toml").write_text(SHOT_PLAN, encoding="utf-8")
                clock = _Clock()
                window = open_window(Path(folder), store, screen_awake=NoScreenAwake(NO_BUS))
                window.services.open_output = _speakers(clock)
                window.services.wall_clock = _minutes()
                window.apply_settings(replace(window.services.settings, theme=theme))
                window.refresh_home()
                window.resize(width, height)
                window.show()
                name = f"{width}x{height}-{theme.value}"
                _session(window, clock, _shooter(app, window, args.out, name))
                window.close()
                window.deleteLater()
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return 0


def _speakers(clock: _Clock) -> Callable[[Settings], CueOutput]:
    def open_output(settings: Settings) -> CueOutput:
        del settings
        return _Speakers(clock)

    return open_output


def _minutes() -> Callable[[], datetime]:
    moments = iter(datetime(2024, 5, 6, 18, tzinfo=UTC) + timedelta(minutes=m) for m in range(999))
    return lambda: next(moments)


def _shooter(app: QApplication, window: MainWindow, out: Path, size: str) -> Callable[[str], None]:
    def shot(name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = out / f"{size}-{name}.png"
        window.grab().save(str(path))
        print(path)

    return shot


def _session(window: MainWindow, clock: _Clock, shot: Callable[[str], None]) -> None:
    from app.gui.keys import Action

    home = window.home
    for row in range(home.plans.count()):
        if home.plans.item(row).text().startswith("Box ladder, then the floor"):
            home.plans.setCurrentRow(row)
    shot("01-home")
    home.on_start_clicked()
    window.current.handle(Action.NEXT)
    shot("02-setup")
    while window.current.objectName() == "setup":
        window.current.handle(Action.NEXT)
    window.on_action(Action.START_PAUSE)
    run = window.run
    assert run is not None
    clock.now += 3.0 + 4 * 5.0 + 1.2  # the count-in, four reps, into the fifth lowering
    run.driver.on_tick()
    shot("03-player-set")
    window.on_action(Action.START_PAUSE)
    shot("04-player-paused")
    window.on_action(Action.START_PAUSE)
    run.driver.output.name = "none"  # as if no device could be opened
    run.sound_changed.emit()
    clock.now += 4.0  # past the count back in
    run.driver.on_tick()
    shot("05-player-no-sound")
    run.driver.output.name = "qt"
    run.sound_changed.emit()
    window.on_action(Action.NEXT)  # end the set early: the sheet shows the reps done
    window.on_action(Action.UP)
    shot("06-log-sheet")
    window.on_action(Action.NEXT)
    clock.now += 17
    run.driver.on_tick()
    shot("07-rest-box-change")
    while not run.finished:
        if run.player.stage.value == "rest":
            run.driver.skip_rest()
        while window.current.objectName() == "setup":
            window.current.handle(Action.NEXT)
        if run.player.stage.value == "ready":
            run.start()
        max_set = run.player.current.target.is_max
        clock.now += 40 if max_set else 200
        run.driver.on_tick()
        if max_set and run.player.stage.value != "logging":
            window.on_action(Action.NEXT)  # a max set ended by hand: the reps counted so far
        if run.player.stage.value == "logging":
            window.current.handle(Action.NEXT)
    shot("08-summary")
    _equipment(window)
    window.current.handle(Action.NEXT)
    shot("09-home-advice")
    window.on_history_requested()
    shot("10-history")
    window.show_home()
    window.on_settings_requested()
    shot("11-settings")
    window.show_home()
    window.on_progress_requested()
    shot("12-progress")


def _equipment(window: MainWindow) -> None:
    """A floor session the day before (a second line of advice) and a few surfaces."""
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
            datetime.fromisoformat(f"2024-05-05T18:0{n}:00+00:00"),
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
