"""The equipment editor on its own: column headings over the surface rows."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.domain.equipment import EquipmentProfile, Surface
from app.gui.equipment_editor import EquipmentEditor


def test_the_surface_columns_have_headings_that_line_up(qtbot: QtBot) -> None:
    editor = EquipmentEditor(EquipmentProfile(surfaces=(Surface("bench", 45.0),)))
    qtbot.addWidget(editor)
    editor.resize(700, 400)
    editor.show()
    qtbot.waitExposed(editor)
    header = editor.header
    assert header.isVisible()
    assert (header.surface.text(), header.height_label.text()) == ("Surface", "Height")
    row = editor.rows[0]

    def left(widget: QWidget) -> int:
        return widget.mapTo(editor, widget.rect().topLeft()).x()

    assert left(header.surface) == left(row.name)
    assert left(header.height_label) == left(row.height_spin)
    row.findChildren(QPushButton)[0].click()
    assert not editor.rows
    assert not header.isVisible()
    editor.add.click()
    assert header.isVisible()
