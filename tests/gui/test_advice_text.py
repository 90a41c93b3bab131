"""The coach's advice in words: the kind of change, the headline, a ladder's rungs."""

from __future__ import annotations

import dataclasses

from app.domain.coach.advice import Rule, Suggestion
from app.domain.set_role import SetRole
from app.domain.units import Units
from app.gui.advice_text import CHANGE_WORDS, advice_line, block_headlines, change_word, headline
from app.storage.catalog import Catalog

BOX = Suggestion(
    from_variation="hands-elevated-push-up",
    from_box_height_cm=45,
    from_reps="8-12",
    from_tempo="3-1-1-0",
    variation="hands-elevated-push-up",
    box_height_cm=35,
    sets=3,
    reps="8-12",
    tempo="3-1-1-0",
    rest_s=90,
    rule=Rule.HARDER,
    reason="Every set reached 12 clean reps.",
)


def test_every_rule_has_words_and_a_role_other_than_work_names_itself() -> None:
    assert set(CHANGE_WORDS) == set(Rule)
    assert change_word(BOX) == "Step up"
    assert change_word(dataclasses.replace(BOX, role=SetRole.WARM_UP)) == "Warm-up"


def test_the_headline_in_either_unit(catalog: Catalog) -> None:
    assert headline(BOX, catalog, Units.CM) == (
        "Step up · Hands-elevated push up · hands at 35 cm · 3 × 8-12 · tempo 3-1-1-0"
    )
    assert "hands at 13.8 in" in headline(BOX, catalog, Units.INCHES)
    floor = dataclasses.replace(BOX, variation="floor-push-up", box_height_cm=None)
    assert headline(floor, catalog, Units.CM, named=False) == "Step up · 3 × 8-12 · tempo 3-1-1-0"


def test_a_ladder_names_its_variation_once(catalog: Catalog) -> None:
    lower = dataclasses.replace(BOX, box_height_cm=25, rule=Rule.KEEP)
    lines = block_headlines([BOX, lower], catalog, Units.CM)
    assert "Hands-elevated push up" in lines[0]
    assert lines[1] == "Same again · hands at 25 cm · 3 × 8-12 · tempo 3-1-1-0"


def test_the_advice_line_adds_the_reason(catalog: Catalog) -> None:
    assert advice_line(BOX, catalog, Units.CM).endswith(". Every set reached 12 clean reps.")
