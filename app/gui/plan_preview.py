"""What a plan holds, in words: its description and one line per block, tempo explained."""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.plan import SessionPlan
from app.domain.set_role import SetRole
from app.domain.tempo_words import tempo_words
from app.domain.units import Units, format_height
from app.domain.variation import Variation


def plan_preview(plan: SessionPlan, catalog: Mapping[str, Variation], units: Units) -> str:
    """The description, then e.g. "3 × 8-12 Hands-elevated push up, box 45 cm · 3-1-1-0: ..."."""
    lines = [plan.description] if plan.description else []
    for block in plan.blocks:
        variation = catalog.get(block.variation_id)
        name = variation.name if variation is not None else block.variation_id
        box = format_height(block.box_height_cm, units)
        role = "" if block.role is SetRole.WORK else f" ({block.role.value})"
        where = f", box {box}" if box else ""
        lines.append(
            f"{block.sets} × {block.reps} {name}{where}{role} · {tempo_words(block.tempo)}"
        )
    return "\n".join(lines)
