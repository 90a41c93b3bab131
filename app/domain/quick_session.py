"""The Quick session form's answers as plan text, so a quick session resumes like any plan."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.plan import SessionPlan, parse_plan
from app.domain.toml_text import Scalar, toml_document
from app.domain.variation import Variation


@dataclass(frozen=True, slots=True)
class QuickSession:
    """What the person typed into the Quick session form.

    It has no count-in: its plan leaves that to the person's setting, like any plan without one.
    """

    variation_id: str
    box_height_cm: float | None
    sets: int
    reps: str
    tempo: str
    rest_s: float


def quick_plan_text(quick: QuickSession, variation: Variation) -> str:
    """TOML text of a one-block plan; the box height is dropped for variations without a box."""
    reps = quick.reps.strip()
    block: dict[str, Scalar] = {
        "variation": quick.variation_id,
        "sets": quick.sets,
        # A plain number is written as one; anything else is left for parse_plan to judge.
        "reps": int(reps) if reps.isascii() and reps.isdigit() and len(reps) <= 9 else reps,
        "tempo": quick.tempo.strip(),
        "rest_s": quick.rest_s,
    }
    if variation.uses_box:
        height = (
            variation.default_box_height_cm if quick.box_height_cm is None else quick.box_height_cm
        )
        if height is not None:
            block["box_height_cm"] = height
    return toml_document({"title": f"Quick session: {variation.name}", "block": [block]})


def quick_plan(quick: QuickSession, catalog: Mapping[str, Variation]) -> tuple[SessionPlan, str]:
    """The plan and its text; InputError (from ``parse_plan``) says what is wrong."""
    text = quick_plan_text(quick, catalog[quick.variation_id])
    return parse_plan(text, catalog), text
