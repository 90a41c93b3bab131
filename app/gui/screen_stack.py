"""The window's screens: home stays underneath, one other screen at a time goes over it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from app.gui.home_screen import HomeScreen
from app.gui.keys import Action
from app.gui.screen import Screen


class ScreenStack(QStackedWidget):
    """Shows one screen at a time; a screen other than home is gone once another is shown.

    Signals:
        screen_shown(str): a screen became current (its object name: home, setup, ...).
        action_requested(Action): a control on a screen asked for a hands-free action.
    """

    screen_shown = Signal(str)
    action_requested = Signal(Action)

    def __init__(
        self, make_home: Callable[[QWidget], HomeScreen], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # Home is made inside the stack: made elsewhere and moved in, every widget on it would
        # be restyled on the way (about 5 ms of the start).
        self.home = home = make_home(self)
        self.addWidget(home)
        home.action_requested.connect(self.action_requested)

    @property
    def current(self) -> Screen:
        widget = self.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def show_screen(self, screen: Screen) -> None:
        """Make ``screen`` current; the previous screen goes unless it is home."""
        previous = self.currentWidget()
        self.addWidget(screen)
        screen.action_requested.connect(self.action_requested)
        self.setCurrentWidget(screen)
        if previous is not screen:
            self._drop(previous)
        screen.setFocus()
        self.screen_shown.emit(screen.objectName())

    def show_home(self) -> None:
        previous = self.currentWidget()
        self.setCurrentWidget(self.home)
        self._drop(previous)
        self.home.plans.setFocus()
        self.screen_shown.emit(self.home.objectName())

    def _drop(self, screen: QWidget | None) -> None:
        if screen is not None and screen is not self.home:
            self.removeWidget(screen)
            screen.deleteLater()
