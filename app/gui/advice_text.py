"""The coach's suggestions in words: a headline to read from across the room, and why."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.domain.progression import Rule, Suggestion
from app.domain.set_role import SetRole
from app.domain.units import Units, format_height
from app.domain.variation import Variation

CHANGE_WORDS: Mapping[Rule, str] = {
    Rule.KEEP: "Same again",
    Rule.HARDER: "Step up",
    Rule.EASIER: "Step back",
    Rule.DELOAD: "Easy week",
    Rule.VARY: "Change one thing",
    Rule.RETURN: "Welcome back",
    Rule.RETEST: "Retest",
    Rule.OFF_THE_KNEES: "Off the knees",
    Rule.LONGER_LOWERING: "Slower lowering",
    Rule.LOADED_BLOCK: "Add load",
    Rule.ADD_LOAD: "Add load",
}
ROLE_WORDS: Mapping[SetRole, str] = {SetRole.WARM_UP: "Warm-up", SetRole.COOL_DOWN: "Cool-down"}


def change_word(suggestion: Suggestion) -> str:
    """``Step up``, ``Same again``, ``Warm-up``...: what kind of advice, in two words."""
    return ROLE_WORDS.get(suggestion.role) or CHANGE_WORDS[suggestion.rule]


def headline(
    suggestion: Suggestion,
    catalog: Mapping[str, Variation],
    units: Units,
    *,
    named: bool = True,
) -> str:
    """``Step up · Hands-elevated push up · hands at 40 cm · 3 × 8-12 · tempo 3-1-1-0``.

    ``named=False`` leaves out the variation (for a block right after one of the same).
    """
    variation = catalog.get(suggestion.variation)
    parts = [change_word(suggestion)]
    if named:
        parts.append(variation.name if variation else suggestion.variation)
    if suggestion.box_height_cm is not None:
        parts.append(f"hands at {format_height(suggestion.box_height_cm, units)}")
    parts.append(f"{suggestion.sets} × {suggestion.reps}")
    parts.append(f"tempo {suggestion.tempo}")
    return " · ".join(parts)


def block_headlines(
    advice: Sequence[Suggestion], catalog: Mapping[str, Variation], units: Units
) -> list[str]:
    """One headline per block; the variation is named only where it changes (a ladder's
    rungs then fit the home screen: ``Step up · hands at 35 cm · 3 × 8-12 · ...``)."""
    return [
        headline(s, catalog, units, named=i == 0 or advice[i - 1].variation != s.variation)
        for i, s in enumerate(advice)
    ]


def advice_line(suggestion: Suggestion, catalog: Mapping[str, Variation], units: Units) -> str:
    """The headline and the reason on one line (the summary screen's next step)."""
    return f"{headline(suggestion, catalog, units)}. {suggestion.reason}"
