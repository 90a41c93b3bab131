"""A plan in words on home: its description, then one line per block."""

from __future__ import annotations

from app.domain.plan import parse_plan
from app.domain.units import Units
from app.gui.plan_preview import plan_preview
from app.storage.catalog import Catalog
from tests.conftest import plan_text


def test_description_then_one_line_per_block(catalog: Catalog) -> None:
    text = plan_text(
        'variation = "wall-push-up"\nsets = 1\nreps = 10\nrole = "warm-up"',
        'variation = "hands-elevated-push-up"\nsets = 3\nreps = "8-12"\nbox_height_cm = 45',
        head='description = "Box day"',
    )
    lines = plan_preview(parse_plan(text, catalog), catalog, Units.CM).splitlines()
    assert lines[0] == "Box day"
    assert lines[1].startswith("1 × 10 Wall push up (warm-up) · ")
    assert lines[2].startswith("3 × 8-12 Hands-elevated push up, box 45 cm · ")
    assert len(lines) == 3


def test_no_description_no_first_line(catalog: Catalog) -> None:
    plan = parse_plan(plan_text('variation = "floor-push-up"\nsets = 2\nreps = 5'), catalog)
    assert plan_preview(plan, catalog, Units.INCHES).startswith("2 × 5 Floor push up · ")
