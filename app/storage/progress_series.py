"""The series each progress chart draws, sliced from the log's table with numpy.

Every series is a few vectorised operations on ``SetTable``'s columns (``progress_data``),
so switching variation or range never goes back to the database.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from app.storage.progress_data import DAY_S, Bools, Floats, Ints, SetTable

# 1970-01-01 was a Thursday: shifting day numbers by 3 makes weeks start on Monday.
_MONDAY_SHIFT_DAYS = 3


def monday_of(t_s: float) -> float:
    """The start of the week (Monday 00:00, on the charts' clock) that holds ``t_s``."""
    week = (math.floor(t_s / DAY_S) + _MONDAY_SHIFT_DAYS) // 7
    return float((week * 7 - _MONDAY_SHIFT_DAYS) * DAY_S)


@dataclass(frozen=True, slots=True)
class RepSeries:
    """One variation's sets (points) and the best set of each session (line)."""

    set_t_s: Floats
    set_reps: Ints
    set_id: Ints
    set_box_height_cm: Floats
    session_t_s: Floats
    best_reps: Ints


EMPTY_REPS = RepSeries(*(np.zeros(0, dtype=t) for t in (float, int, int, float, float, int)))
"""No sets: what the reps chart holds before it is first filled."""


@dataclass(frozen=True, slots=True)
class SessionSeries:
    """One point per session: its heaviest set's load and its place on the box ladder."""

    t_s: Floats
    top_share: Floats
    top_variation: Ints
    ladder_cm: Floats
    change_t_s: Floats
    change_variation: Ints


@dataclass(frozen=True, slots=True)
class WeeklySeries:
    """One bar per week (Monday start): volume in body-weight reps and time under tension."""

    week_start_s: Floats
    body_weight_reps: Floats
    time_under_tension_min: Floats


def _in_range(table: SetTable, start_s: float, end_s: float) -> Bools:
    return (table.t_s >= start_s) & (table.t_s <= end_s)


def rep_series(
    table: SetTable, variation_id: str, start_s: float = -np.inf, end_s: float = np.inf
) -> RepSeries:
    """Reps of every set of one variation, and the best set of each session."""
    mask = _in_range(table, start_s, end_s) & (table.variation == table.code(variation_id))
    t_s, reps, session = table.t_s[mask], table.reps[mask], table.session_id[mask]
    starts = _group_starts(session)
    best = np.maximum.reduceat(reps, starts) if len(reps) else np.zeros(0, dtype=np.int64)
    return RepSeries(
        set_t_s=t_s,
        set_reps=reps,
        set_id=table.set_id[mask],
        set_box_height_cm=table.box_height_cm[mask],
        session_t_s=t_s[starts] if len(reps) else np.zeros(0),
        best_reps=best.astype(np.int64),
    )


def session_series(
    table: SetTable, start_s: float = -np.inf, end_s: float = np.inf
) -> SessionSeries:
    """Per session: the heaviest set's share and variation, and the lowest rung reached.

    ``change_*`` marks the first session in which each variation was the heaviest one:
    the moments the person moved to a new variation.
    """
    known = ~np.isnan(table.share)
    session, share = table.session_id[known], table.share[known]
    t_s, variation, ladder = table.t_s[known], table.variation[known], table.ladder_cm[known]
    # Sort by session, heaviest set first, so the first row of each group is its top set.
    order = np.lexsort((-share, session))
    session, share, variation = session[order], share[order], variation[order]
    t_sorted, ladder_sorted = t_s[order], ladder[order]
    starts = _group_starts(session)
    if not len(starts):
        empty = np.zeros(0)
        no_codes = np.zeros(0, dtype=np.int64)
        return SessionSeries(empty, empty, no_codes, empty, empty, no_codes)
    first_t = np.minimum.reduceat(t_sorted, starts)
    by_time = np.argsort(first_t, kind="stable")
    top_share = share[starts][by_time]
    top_variation = variation[starts][by_time]
    session_ladder = np.minimum.reduceat(ladder_sorted, starts)[by_time]
    first_t = first_t[by_time]
    _, first_index = np.unique(top_variation, return_index=True)
    first_index = np.sort(first_index)
    shown = (first_t >= start_s) & (first_t <= end_s)
    changes = first_index[shown[first_index]]
    return SessionSeries(
        t_s=first_t[shown],
        top_share=top_share[shown],
        top_variation=top_variation[shown],
        ladder_cm=session_ladder[shown],
        change_t_s=first_t[changes],
        change_variation=top_variation[changes],
    )


def weekly_series(
    table: SetTable,
    start_s: float = -np.inf,
    end_s: float = np.inf,
    variation_id: str | None = None,
) -> WeeklySeries:
    """Per calendar week: sum of reps x load, and minutes under tension (empty weeks: 0)."""
    mask = _in_range(table, start_s, end_s) & ~np.isnan(table.share)
    if variation_id is not None:
        mask &= table.variation == table.code(variation_id)
    if not mask.any():
        return WeeklySeries(np.zeros(0), np.zeros(0), np.zeros(0))
    day = np.floor_divide(table.t_s[mask], DAY_S).astype(np.int64)
    week = (day + _MONDAY_SHIFT_DAYS) // 7
    first = int(week.min())
    index = week - first
    volume = np.bincount(index, weights=table.reps[mask] * table.share[mask]).astype(np.float64)
    tension = np.bincount(index, weights=table.time_under_tension_s[mask]) / 60.0
    weeks = np.arange(first, first + len(volume), dtype=np.float64)
    return WeeklySeries(
        week_start_s=(weeks * 7 - _MONDAY_SHIFT_DAYS) * DAY_S,
        body_weight_reps=volume,
        time_under_tension_min=tension,
    )


def _group_starts(keys: Ints) -> Ints:
    """Where each run of equal keys begins."""
    if not len(keys):
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]).astype(np.int64)


def nearest_set(series: RepSeries, t_s: float, reps: float, seconds_per_rep: float) -> int | None:
    """The index of the plotted set closest to a point, distances scaled to the view."""
    if not len(series.set_t_s):
        return None
    distance = ((series.set_t_s - t_s) / seconds_per_rep) ** 2 + (series.set_reps - reps) ** 2
    return int(np.argmin(distance))
