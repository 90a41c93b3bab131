"""Start the app: ``run_gui`` is what ``tempo-trainer gui`` (and the bare command) calls."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.audio import select
from app.audio.output import CueOutput, output_notice
from app.gui.main_window import MainWindow
from app.gui.screen_awake import ScreenAwake, open_screen_awake
from app.gui.services import Services
from app.gui.theme import apply_theme
from app.storage.catalog import load_catalog
from app.storage.data_dir import plans_folder, store_path
from app.storage.plan_files import read_plan, shipped_plans_folder
from app.storage.resources import ResourceError, resource_path
from app.storage.settings import Settings, read_settings, settings_path
from app.storage.store import Store

ICON = "icons/tempo-trainer.svg"


def output_factory(audio: str | None) -> Callable[[Settings], CueOutput]:
    """Open the chosen sound output; the engine falls back to silence, saying why once."""

    def open_output(settings: Settings) -> CueOutput:
        output = select.open_output(audio or settings.audio or None)
        if notice := output_notice(output):
            print(f"tempo-trainer: {notice}", file=sys.stderr)
        return output

    return open_output


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Tempo Trainer")
    app.setDesktopFileName("tempo-trainer")
    return app


def app_icon() -> QIcon | None:
    try:
        return QIcon(str(resource_path(ICON)))
    except ResourceError:
        return None


def open_window(
    data_dir: Path,
    store: Store,
    *,
    speed: float = 1.0,
    audio: str | None = None,
    screen_awake: ScreenAwake | None = None,
) -> MainWindow:
    """Build the window over an open store (the caller shows it)."""
    app = application()
    settings, notice = read_settings(settings_path(data_dir))
    apply_theme(app, settings.theme)
    services = Services(
        data_dir=data_dir,
        catalog=load_catalog(),
        store=store,
        settings=settings,
        open_output=output_factory(audio),
        screen_awake=screen_awake or open_screen_awake(),
        plan_folders=(shipped_plans_folder(), plans_folder(data_dir)),
        speed=speed,
        settings_notice=notice,
    )
    icon = app_icon()
    if icon is not None:
        app.setWindowIcon(icon)
    return MainWindow(services, icon)


def run_gui(
    *,
    data_dir: Path,
    session: Path | None = None,
    fullscreen: bool = False,
    speed: float = 1.0,
    audio: str | None = None,
) -> int:
    """Open the window (optionally straight into ``session``) and run until it closes."""
    app = application()
    with Store(store_path(data_dir)) as store:
        window = open_window(data_dir, store, speed=speed, audio=audio)
        window.resize(1280, 800)
        if fullscreen or window.services.settings.fullscreen_on_start:
            window.showFullScreen()
        else:
            window.show()
        if session is not None:
            plan_file = read_plan(session, window.services.catalog)
            if plan_file.ok:
                window.on_plan_chosen(plan_file)
            else:
                for line in plan_file.problems:
                    print(line, file=sys.stderr)
        code = app.exec()
        window.deleteLater()
        return code
