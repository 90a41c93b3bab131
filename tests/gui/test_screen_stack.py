"""ScreenStack: home stays underneath, every other screen goes once another is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout
from pytestqt.qtbot import QtBot

from app.gui.home_screen import HomeScreen
from app.gui.keys import Action
from app.gui.screen import Screen
from app.gui.screen_stack import ScreenStack
from app.storage.catalog import Catalog
from app.storage.settings import Settings


class NamedScreen(Screen):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.next = self.touch("Next", "Next", Action.NEXT)
        QVBoxLayout(self).addWidget(self.next)


def _stack(qtbot: QtBot, catalog: Catalog) -> ScreenStack:
    stack = ScreenStack(lambda parent: HomeScreen(catalog, Settings(), parent=parent))
    qtbot.addWidget(stack)
    return stack


def test_home_stays_and_every_other_screen_goes_once_another_is_shown(
    qtbot: QtBot, catalog: Catalog
) -> None:
    stack = _stack(qtbot, catalog)
    shown: list[str] = []
    stack.screen_shown.connect(shown.append)
    assert stack.currentWidget() is stack.home
    first, second = NamedScreen("first"), NamedScreen("second")
    stack.show_screen(first)
    stack.show_screen(second)
    assert stack.current is second
    assert stack.indexOf(first) == -1
    stack.show_home()
    assert stack.currentWidget() is stack.home
    assert stack.count() == 1
    assert shown == ["first", "second", "home"]


def test_showing_the_shown_screen_again_keeps_it(qtbot: QtBot, catalog: Catalog) -> None:
    stack = _stack(qtbot, catalog)
    screen = NamedScreen("player")
    stack.show_screen(screen)
    stack.show_screen(screen)
    assert stack.current is screen
    assert stack.count() == 2


def test_a_tap_on_any_screen_reaches_the_stack_as_its_action(
    qtbot: QtBot, catalog: Catalog
) -> None:
    stack = _stack(qtbot, catalog)
    actions: list[Action] = []
    stack.action_requested.connect(actions.append)
    screen = NamedScreen("player")
    stack.show_screen(screen)
    screen.next.click()
    stack.home.muted_note.click()
    assert actions == [Action.NEXT, Action.MUTE]
