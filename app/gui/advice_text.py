"""The coach's suggestions in words: a headline to read from across the room, and why."""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.progression import Suggestion
from app.domain.units import Units, format_height
from app.domain.variation import Variation


def headline(suggestion: Suggestion, catalog: Mapping[str, Variation], units: Units) -> str:
    """``Hands-elevated push up · hands at 40 cm · 3 × 8-12 · tempo 3-1-1-0``."""
    variation = catalog.get(suggestion.variation)
    parts = [variation.name if variation else suggestion.variation]
    if suggestion.box_height_cm is not None:
        parts.append(f"hands at {format_height(suggestion.box_height_cm, units)}")
    parts.append(f"{suggestion.sets} × {suggestion.reps}")
    parts.append(f"tempo {suggestion.tempo}")
    return " · ".join(parts)


def advice_line(suggestion: Suggestion, catalog: Mapping[str, Variation], units: Units) -> str:
    """The headline and the reason on one line (the summary screen's next step)."""
    return f"{headline(suggestion, catalog, units)}. {suggestion.reason}"
