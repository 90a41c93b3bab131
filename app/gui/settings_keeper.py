"""Settings take effect at once and are saved; the rest of the window follows ``applied``."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from app.gui.services import Services
from app.gui.theme import apply_theme
from app.storage.settings import Settings, save_settings, settings_path


class SettingsKeeper(QObject):
    """Holds the settings in ``services.settings``, in effect and in the settings file.

    Signals:
        applied(Settings): new settings are in ``services.settings`` and the theme is on.
        save_failed(): the settings file could not be written (they still apply).
    """

    applied = Signal(Settings)
    save_failed = Signal()

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services

    def apply(self, settings: Settings) -> None:
        """Take effect now, and save."""
        self.services.settings = settings
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, settings.theme)
        self.applied.emit(settings)
        self.save(settings)

    def toggle_muted(self) -> bool:
        """Mute or unmute the saved choice; True when now muted."""
        settings = self.services.settings
        self.apply(replace(settings, muted=not settings.muted))
        return self.services.settings.muted

    def save(self, settings: Settings) -> None:
        """Only save: re-theming the application on closing would restyle what else it shows."""
        self.services.settings = settings
        try:
            save_settings(settings_path(self.services.data_dir), settings)
        except OSError:
            self.save_failed.emit()
