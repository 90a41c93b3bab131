"""The reps keypad: digits up to three, delete, OK says the number, Cancel says nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.gui.reps_keypad import RepsKeypad


def pad(qtbot: QtBot) -> tuple[QWidget, RepsKeypad]:
    """The keypad open over a log sheet (kept by the caller: it owns the keypad)."""
    sheet = QWidget()
    qtbot.addWidget(sheet)
    sheet.resize(1280, 800)
    sheet.show()
    keypad = RepsKeypad(sheet)
    keypad.open_pad()
    return sheet, keypad


def test_typed_digits_are_entered_on_ok(qtbot: QtBot) -> None:
    sheet, keypad = pad(qtbot)
    assert keypad.isVisible() and keypad.geometry() == sheet.rect()
    for digit in "01234":
        keypad.on_digit(digit)
    assert keypad.typed == "123"  # no leading zero, at most three digits
    keypad.on_delete()
    assert keypad.display.text() == "12"
    said: list[object] = []
    keypad.entered.connect(said.append)
    keypad.closed.connect(lambda: said.append("closed"))
    keypad.ok.click()
    assert said == [12, "closed"]
    assert not keypad.isVisible()


def test_ok_with_nothing_typed_only_closes(qtbot: QtBot) -> None:
    _sheet, keypad = pad(qtbot)
    keypad.on_digit("5")
    keypad.on_delete()
    assert keypad.display.text() == "–"
    with qtbot.assertNotEmitted(keypad.entered), qtbot.waitSignal(keypad.closed):
        keypad.on_ok()
    keypad.open_pad()
    keypad.grab()
