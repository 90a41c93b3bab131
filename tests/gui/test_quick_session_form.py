"""The Quick session form: a variation's defaults, the tempo in words, Start with its answers."""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot

from app.domain.quick_session import QuickSession
from app.domain.units import Units
from app.gui.quick_session_form import QuickSessionForm
from app.storage.catalog import Catalog
from app.storage.settings import Settings


def form(qtbot: QtBot, catalog: Catalog, settings: Settings | None = None) -> QuickSessionForm:
    made = QuickSessionForm(catalog, settings or Settings())
    qtbot.addWidget(made)
    made.variation.setCurrentIndex(made.variation.findData("hands-elevated-push-up"))
    return made


def test_a_variation_fills_in_its_defaults(qtbot: QtBot, catalog: Catalog) -> None:
    made = form(qtbot, catalog)
    box = catalog["hands-elevated-push-up"]
    assert made.box_height.isEnabled() and made.box_height.value() == box.default_box_height_cm
    assert (made.reps.text(), made.tempo.text()) == (str(box.default_reps), str(box.default_tempo))
    made.variation.setCurrentIndex(made.variation.findData("floor-push-up"))
    assert not made.box_height.isEnabled()


def test_the_tempo_is_explained_as_it_is_typed(qtbot: QtBot, catalog: Catalog) -> None:
    made = form(qtbot, catalog)
    made.tempo.setText("5-0-1-0")
    explained = made.note.text()
    made.tempo.setText("nonsense")
    assert explained and made.note.text() != explained


def test_start_sends_the_answers_in_centimetres(qtbot: QtBot, catalog: Catalog) -> None:
    made = form(qtbot, catalog, dataclasses.replace(Settings(), units=Units.INCHES))
    made.box_height.setValue(18)
    made.sets.setValue(4)
    made.reps.setText("6-8")
    made.show_error("an old problem")
    with qtbot.waitSignal(made.submitted) as sent:
        made.start.click()
    quick = sent.args[0]
    assert isinstance(quick, QuickSession)
    assert (quick.variation_id, quick.sets, quick.reps) == ("hands-elevated-push-up", 4, "6-8")
    assert quick.box_height_cm == 45.7
    assert made.error.isHidden()
