"""The body line drawn at the box height, for every kind of support."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.domain.body_line import body_line
from app.domain.units import Units
from app.domain.variation import Support
from app.gui.body_drawing import BodyDrawing


@pytest.mark.parametrize("support", list(Support))
def test_every_support_draws(qtbot: QtBot, support: Support) -> None:
    drawing = BodyDrawing(body_line(support, 45.0), Units.INCHES)
    qtbot.addWidget(drawing)
    drawing.resize(400, 280)
    image = drawing.grab().toImage()
    assert not image.isNull() and image.width() == 400
