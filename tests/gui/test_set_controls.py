"""The buttons under the player: named for the moment, each a key action, fading in a set."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.domain.stage import Stage
from app.gui.keys import Action
from app.gui.set_controls import FADE_AFTER_S, SetControls


def controls(qtbot: QtBot) -> SetControls:
    made = SetControls()
    qtbot.addWidget(made)
    made.show()
    return made


def test_the_main_button_says_what_it_will_do(qtbot: QtBot) -> None:
    made = controls(qtbot)
    made.show_state(Stage.READY, paused=False, now=0)
    assert made.primary.text() == "Start" and not made.end_set.isVisible()
    made.show_state(Stage.ECCENTRIC, paused=False, now=1)
    assert made.primary.text() == "Pause" and made.end_set.isVisible()
    made.show_state(Stage.ECCENTRIC, paused=True, now=2)
    assert made.primary.text() == "Resume"


def test_each_button_asks_for_its_action(qtbot: QtBot) -> None:
    made = controls(qtbot)
    made.show_state(Stage.REST, paused=False, now=0)
    asked: list[Action] = []
    made.action_requested.connect(asked.append)
    for button in (made.primary, made.end_set, made.leave):
        button.click()
    assert asked == [Action.START_PAUSE, Action.NEXT, Action.LEAVE]


def test_the_buttons_fade_while_a_set_runs_and_come_back_on_a_tap(qtbot: QtBot) -> None:
    made = controls(qtbot)
    made.show_state(Stage.ECCENTRIC, paused=False, now=10)
    made.show_state(Stage.ECCENTRIC, paused=False, now=10 + FADE_AFTER_S + 0.1)
    assert made.faded
    made.wake(20)
    assert not made.faded
    made.show_state(Stage.ECCENTRIC, paused=True, now=30)
    assert not made.faded
