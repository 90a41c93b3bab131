"""The hands-free keys across the window: each key or tap becomes one action, sent where it
applies (the help card, the leave question, the session, or the screen shown)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QWidget

from app.gui.keys import REPEATABLE, TYPING_KEYS, Action, action_for
from app.gui.overlay import HelpOverlay, LeaveOverlay
from app.gui.screen_stack import ScreenStack
from app.gui.session_flow import SessionFlow
from app.gui.settings_keeper import SettingsKeeper
from app.gui.window_size import FullScreen


class HandsFree(QObject):
    """Reads the keys pressed anywhere in ``window`` and acts on them, as on taps.

    A text field or spin box with the focus keeps the keys it needs for typing; a held key
    repeats only where repeating means something (more or fewer reps).
    """

    def __init__(
        self,
        window: QWidget,
        stack: ScreenStack,
        flow: SessionFlow,
        settings: SettingsKeeper,
        *,
        help_card: HelpOverlay,
        leave: LeaveOverlay,
        full_screen: FullScreen,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.stack = stack
        self.flow = flow
        self.settings = settings
        self.help = help_card
        self.leave = leave
        self.full_screen = full_screen
        help_card.closed.connect(self.toggle_help)
        stack.action_requested.connect(self.on_action)

    def listen(self, handle: QWindow) -> None:
        """Read every key pressed in the window, before its widgets do (until
        ``stop_listening``).

        ``handle`` is the window's QWindow: every key typed into the window reaches it first.
        The filter is not the whole application's: PySide6 would then build the Python classes
        of every Qt module, and their enums, the first time an object of one of Qt's private
        classes passed by (about 35 ms, during the first paint).
        """
        handle.installEventFilter(self)

    def stop_listening(self, handle: QWindow) -> None:
        handle.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        del watched  # only the window's own QWindow is watched
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        on_home = self.stack.currentWidget() is self.stack.home and not self.help.isVisible()
        action = action_for(event.key(), on_home=on_home)
        if action is None:
            return False
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit | QAbstractSpinBox) and event.key() in TYPING_KEYS:
            return False
        if isinstance(focus, QAbstractSpinBox) and action in REPEATABLE:
            return False
        if event.isAutoRepeat() and action not in REPEATABLE:
            return True
        return self.on_action(action)

    def on_action(self, action: Action) -> bool:
        """One hands-free action, wherever it came from; False: the screen did not take it."""
        if action is Action.HELP or (
            self.help.isVisible() and action in (Action.LEAVE, Action.NEXT, Action.BACK)
        ):
            self.toggle_help()
            return True
        if self.leave.isVisible():
            if action in (Action.NEXT, Action.LEAVE, Action.BACK):
                self.flow.on_leave_answered(action is Action.NEXT)
            return True
        if action is Action.FULLSCREEN:
            self.full_screen.toggle()
            return True
        if action is Action.MUTE:
            self.toggle_mute()
            return True
        if action is Action.LEAVE and self.flow.run is not None:
            self.flow.on_leave_pressed()
            return True
        return self.stack.current.handle(action)

    def toggle_help(self) -> None:
        """The help card; a running set waits under it and counts back in after."""
        if self.help.isVisible():
            self.help.hide()
            if not self.leave.isVisible():
                self.flow.carry_on_after_question()
        else:
            self.flow.pause_for_question()
            self.help.popup()

    def toggle_mute(self) -> None:
        """M: this session's sound; on home and the Settings screen, the saved choice."""
        from app.gui.settings_screen import SettingsScreen

        current = self.stack.currentWidget()
        if self.flow.run is not None:
            self.flow.run.toggle_mute()
        elif isinstance(current, SettingsScreen) or current is self.stack.home:
            muted = self.settings.toggle_muted()
            if isinstance(current, SettingsScreen):
                current.show_muted(muted)
