"""The Quick session form's answers as plan text, so a quick session resumes like any plan."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.plan import SessionPlan, parse_plan
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
    reps_value = reps if reps.isdigit() else f'"{_escape(reps)}"'
    lines = [
        f'title = "Quick session: {_escape(variation.name)}"',
        "",
        "[[block]]",
        f'variation = "{_escape(quick.variation_id)}"',
        f"sets = {quick.sets}",
        f"reps = {reps_value}",
        f'tempo = "{_escape(quick.tempo.strip())}"',
        f"rest_s = {quick.rest_s:g}",
    ]
    if variation.uses_box:
        height = (
            variation.default_box_height_cm if quick.box_height_cm is None else quick.box_height_cm
        )
        lines.append(f"box_height_cm = {height:g}")
    return "\n".join(lines) + "\n"


def quick_plan(quick: QuickSession, catalog: Mapping[str, Variation]) -> tuple[SessionPlan, str]:
    """The plan and its text; InputError (from ``parse_plan``) says what is wrong."""
    text = quick_plan_text(quick, catalog[quick.variation_id])
    return parse_plan(text, catalog), text


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
