"""Start the app: ``run_gui`` is what ``tempo-trainer gui`` (and the bare command) calls."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.gui.main_window import MainWindow
from app.gui.screen_awake import ScreenAwake, open_screen_awake
from app.gui.services import Services
from app.gui.theme import apply_theme
from app.gui.window_size import placement, remembered_size
from app.session.training_log import start_notices
from app.storage.catalog import load_catalog
from app.storage.data_dir import plans_folder
from app.storage.plan_files import read_plan, shipped_plans_folder
from app.storage.resources import ResourceError, resource_path
from app.storage.safe_open import OpenedStore, open_store_or_memory
from app.storage.settings import Settings, read_settings, settings_path
from app.storage.store import Store, StoreError

if TYPE_CHECKING:
    from app.audio.output import CueOutput

ICON = "icons/tempo-trainer.svg"


def output_factory(audio: str | None) -> Callable[[Settings], CueOutput]:
    """Open the chosen sound output; the engine falls back to silence, saying why once."""

    def open_output(settings: Settings) -> CueOutput:
        # Sound is first wanted when a session begins: home comes up without the audio code.
        from app.audio import select
        from app.audio.output import output_notice
        from app.session.sound import open_session_output

        output = open_session_output(select.open_output, audio, settings).output
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


def show_start(window: MainWindow, opened: OpenedStore, notices: list[str]) -> None:
    """Tell the person, on home and on stderr, what opening the log found."""
    for notice in notices:
        print(f"tempo-trainer: {notice}", file=sys.stderr)
    window.notices.extend(notices)
    if opened.unavailable is not None:
        print(
            f"tempo-trainer: the training log cannot be opened ({opened.unavailable});"
            " this run's sets are kept in memory",
            file=sys.stderr,
        )
        window.show_log_unavailable(opened.unavailable)
    elif notices:
        window.refresh_home()


def open_sized(window: MainWindow) -> None:
    """Show the window sized to its screen: maximised on small screens, else as last left."""
    screen = window.screen()
    available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)
    where = placement(available.size(), remembered_size(window.services.settings))
    if where.maximised:
        window.setGeometry(available)
        window.showMaximized()
        return
    frame = QRect(QPoint(0, 0), where.size)
    frame.moveCenter(available.center())
    window.setGeometry(frame)
    window.show()


def missing_display(environ: Mapping[str, str], platform: str) -> str | None:
    """Why the window cannot open here, or None; asked before Qt, which aborts (exit 134).

    Only on Linux, and only for the platforms that need a display server: ``offscreen``,
    ``eglfs``, ``vnc`` and the like need none.
    """
    if not platform.startswith("linux") or QApplication.instance() is not None:
        return None
    chosen = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    needs_x11 = chosen in ("", "xcb")
    needs_wayland = chosen in ("", "wayland", "wayland-egl")
    if not (needs_x11 or needs_wayland):
        return None
    if needs_x11 and environ.get("DISPLAY"):
        return None
    if needs_wayland and environ.get("WAYLAND_DISPLAY"):
        return None
    return "no display found; use `tempo-trainer play PLAN` to train in a terminal"


def run_gui(
    *,
    data_dir: Path,
    session: Path | None = None,
    fullscreen: bool = False,
    speed: float = 1.0,
    audio: str | None = None,
) -> int:
    """Open the window (optionally straight into ``session``) and run until it closes.

    The log is opened through ``open_store``: checked, restored from a backup if damaged
    (the window then says so on home) and backed up once a day; sets rescued to a CSV during
    an earlier log problem are added back before home offers a resume. A log that cannot be
    opened at all does not stop the workout: the run keeps its sets in a log in memory, home
    says why, and they can be saved as CSV. Never a traceback.
    """
    if (missing := missing_display(os.environ, sys.platform)) is not None:
        print(f"tempo-trainer: {missing}", file=sys.stderr)
        return 2
    app = application()
    try:
        opened = open_store_or_memory(data_dir, datetime.now().astimezone())
    except StoreError as error:  # not even a log in memory
        print(f"tempo-trainer: {error}", file=sys.stderr)
        if app.platformName() != "offscreen":
            from PySide6.QtWidgets import QMessageBox  # only when the log cannot be opened

            QMessageBox.critical(
                None, "Tempo Trainer", f"The training log cannot be opened.\n\n{error}"
            )
        return 1
    with opened.store as store:
        notices = start_notices(opened, data_dir)
        window = open_window(data_dir, store, speed=speed, audio=audio)
        show_start(window, opened, notices)
        if fullscreen or window.services.settings.fullscreen_on_start:
            window.show()
            window.full_screen.toggle()
        else:
            open_sized(window)
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
