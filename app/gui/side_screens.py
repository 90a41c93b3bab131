"""The screens home opens beside training: settings, progress and history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.gui.screen_stack import ScreenStack
from app.gui.services import Services
from app.gui.settings_keeper import SettingsKeeper

if TYPE_CHECKING:
    from app.storage.progress_data import SetTableCache

# Each screen is imported when first opened: home comes up without them, and the progress
# screen's pyqtgraph costs start-up time that only its charts need.


class SideScreens(QObject):
    """Opens settings, progress and history on ``stack``; settings edits go to ``settings``.

    The log's table for the charts is read once and kept between openings of progress.

    Signals:
        closed(): the side screen shown was closed; home is due.
    """

    closed = Signal()

    def __init__(
        self,
        services: Services,
        stack: ScreenStack,
        settings: SettingsKeeper,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.stack = stack
        self.settings = settings
        self.progress_tables: SetTableCache | None = None

    def on_settings_requested(self) -> None:
        from app.gui.settings_screen import SettingsScreen

        note = self.services.screen_awake.reason or "The screen is kept awake during a session."
        screen = SettingsScreen(self.services.settings, note, self.services.open_output)
        screen.changed.connect(self.settings.apply)
        screen.closed.connect(self.closed)
        self.stack.show_screen(screen)

    def on_progress_requested(self) -> None:
        from app.gui.progress.progress_screen import ProgressScreen
        from app.storage.progress_data import SetTableCache

        if self.progress_tables is None:
            self.progress_tables = SetTableCache()
        settings = self.services.settings
        screen = ProgressScreen(
            self.services.store,
            self.services.catalog,
            stature_cm=settings.equipment.stature_cm,
            units=settings.units,
            now=self.services.wall_clock,
            tables=self.progress_tables,
        )
        screen.closed.connect(self.closed)
        self.stack.show_screen(screen)

    def on_history_requested(self) -> None:
        from app.gui.progress.history_screen import HistoryScreen

        screen = HistoryScreen(self.services.store, self.services.catalog)
        screen.closed.connect(self.closed)
        self.stack.show_screen(screen)

    def close(self) -> None:
        """The window closes: let go of the log's table."""
        if self.progress_tables is not None:
            self.progress_tables.close()
