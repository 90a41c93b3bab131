"""The end-of-session summary and its comparison with the last session of each variation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from app.domain.units import Units, format_height


class LoggedSetRow(Protocol):
    """What the summary reads from a logged set (``SetRecord`` fits)."""

    @property
    def variation(self) -> str: ...
    @property
    def reps(self) -> int: ...
    @property
    def box_height_cm(self) -> float | None: ...
    @property
    def tempo(self) -> str: ...
    @property
    def time_under_tension_s(self) -> float: ...


@dataclass(frozen=True, slots=True)
class VariationTotals:
    variation: str
    sets: int
    reps: int
    reps_per_set: tuple[int, ...]
    boxes_per_set: tuple[float | None, ...]
    lowest_box_cm: float | None
    tempos: frozenset[str]

    def sets_text(self, units: Units) -> str:
        """``6 + 8 reps · box 45 cm``, or ``6 reps at 45 cm + 8 at 30 cm`` when the box moved."""
        if len(set(self.boxes_per_set)) <= 1:
            counts = " + ".join(str(r) for r in self.reps_per_set)
            box = format_height(self.boxes_per_set[0] if self.boxes_per_set else None, units)
            return f"{counts} reps" + (f" · box {box}" if box else "")
        parts = []
        sets = zip(self.reps_per_set, self.boxes_per_set, strict=True)
        for index, (reps, box_cm) in enumerate(sets):
            height = format_height(box_cm, units)
            parts.append(
                f"{reps}{' reps' if index == 0 else ''}" + (f" at {height}" if height else "")
            )
        return " + ".join(parts)


@dataclass(frozen=True, slots=True)
class Comparison:
    """This session against the last one with the same variation."""

    variation: str
    reps_now: int
    reps_before: int
    same_tempo: bool
    box_now_cm: float | None
    box_before_cm: float | None

    @property
    def reps_change(self) -> int:
        return self.reps_now - self.reps_before


@dataclass(frozen=True, slots=True)
class SessionSummary:
    sets: int
    total_reps: int
    time_under_tension_s: float
    by_variation: tuple[VariationTotals, ...]


def summarize(rows: Sequence[LoggedSetRow]) -> SessionSummary:
    """Totals of a session's sets, and per variation in the order first trained."""
    order: list[str] = []
    groups: dict[str, list[LoggedSetRow]] = {}
    for row in rows:
        if row.variation not in groups:
            order.append(row.variation)
            groups[row.variation] = []
        groups[row.variation].append(row)
    return SessionSummary(
        sets=len(rows),
        total_reps=sum(row.reps for row in rows),
        time_under_tension_s=sum(row.time_under_tension_s for row in rows),
        by_variation=tuple(_totals(name, groups[name]) for name in order),
    )


def compare(now: VariationTotals, before: Sequence[LoggedSetRow]) -> Comparison | None:
    """Compare with the earlier session's sets of the same variation; None without any."""
    earlier = [row for row in before if row.variation == now.variation]
    if not earlier:
        return None
    previous = _totals(now.variation, earlier)
    return Comparison(
        variation=now.variation,
        reps_now=now.reps,
        reps_before=previous.reps,
        # Rep counts only compare at the same tempo (slower eccentrics cost reps).
        same_tempo=now.tempos == previous.tempos,
        box_now_cm=now.lowest_box_cm,
        box_before_cm=previous.lowest_box_cm,
    )


def _totals(variation: str, rows: Sequence[LoggedSetRow]) -> VariationTotals:
    boxes = [row.box_height_cm for row in rows if row.box_height_cm is not None]
    return VariationTotals(
        variation=variation,
        sets=len(rows),
        reps=sum(row.reps for row in rows),
        reps_per_set=tuple(row.reps for row in rows),
        boxes_per_set=tuple(row.box_height_cm for row in rows),
        lowest_box_cm=min(boxes) if boxes else None,
        tempos=frozenset(row.tempo for row in rows),
    )


def format_duration(seconds: float) -> str:
    """``4:05`` for minutes and seconds."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
