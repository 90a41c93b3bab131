"""The series each progress chart draws, on small logs whose answers are known by hand."""

from __future__ import annotations

import numpy as np
import pytest

from app.domain.load_model import box_share
from app.storage import progress_data as data
from app.storage import progress_series
from app.storage.catalog import Catalog
from app.storage.store import Store
from tests.unit.storage.test_progress_data import BOX, add_session, epoch, store

__all__ = ["store"]


def test_reps_chart_has_every_set_and_the_best_set_of_each_session(
    store: Store, catalog: Catalog
) -> None:
    add_session(store, "2026-03-02T18:00", [(BOX, 45, 10), (BOX, 45, 12), (BOX, 45, 9)])
    add_session(store, "2026-03-04T18:00", [("floor-push-up", None, 5)])
    add_session(store, "2026-03-05T18:00", [(BOX, 40, 8), (BOX, 40, 7)])
    series = progress_series.rep_series(data.load_set_table(store, catalog), BOX)
    assert list(series.set_reps) == [10, 12, 9, 8, 7]
    assert list(series.set_box_height_cm) == [45, 45, 45, 40, 40]
    assert list(series.best_reps) == [12, 8]
    assert list(series.session_t_s) == [epoch("2026-03-02T18:01"), epoch("2026-03-05T18:01")]


def test_a_range_keeps_only_what_happened_inside_it(store: Store, catalog: Catalog) -> None:
    add_session(store, "2026-01-05T18:00", [(BOX, 45, 10)])
    add_session(store, "2026-03-02T18:00", [(BOX, 40, 9)])
    table = data.load_set_table(store, catalog)
    now = epoch("2026-03-10T12:00")
    start = data.TimeRange.FOUR_WEEKS.start_s(now)
    assert list(progress_series.rep_series(table, BOX, start).set_reps) == [9]
    assert list(
        progress_series.rep_series(table, BOX, data.TimeRange.ALL.start_s(now)).set_reps
    ) == [10, 9]
    assert [r.label for r in data.TimeRange] == ["4 weeks", "3 months", "1 year", "All"]


def test_the_load_curve_follows_the_heaviest_set_across_variations(
    store: Store, catalog: Catalog
) -> None:
    add_session(store, "2026-03-02T18:00", [("wall-push-up", None, 15)])
    add_session(store, "2026-03-04T18:00", [("wall-push-up", None, 15), (BOX, 60, 10)])
    add_session(store, "2026-03-06T18:00", [(BOX, 50, 10), (BOX, 60, 12)])
    add_session(store, "2026-03-08T18:00", [("floor-push-up", None, 5), (BOX, 20, 10)])
    add_session(store, "2026-03-10T18:00", [("loaded-push-up", None, 5)])
    table = data.load_set_table(store, catalog)
    series = progress_series.session_series(table)
    assert list(series.top_share) == pytest.approx([0.25, box_share(60), box_share(50), 0.64, 0.64])
    names = [table.variations[code] for code in series.top_variation]
    assert names == ["wall-push-up", BOX, BOX, "floor-push-up", "loaded-push-up"]
    # On the ladder: the lowest rung of each session; the floor is 0, loaded below it.
    assert list(series.ladder_cm) == pytest.approx([84.8, 60, 50, 0, -10], abs=0.1)
    # A marker where each variation first became the main one.
    assert [table.variations[c] for c in series.change_variation] == [
        "wall-push-up",
        BOX,
        "floor-push-up",
        "loaded-push-up",
    ]
    assert list(series.change_t_s) == [series.t_s[i] for i in (0, 1, 3, 4)]


def test_weekly_volume_and_time_under_tension_start_on_monday(
    store: Store, catalog: Catalog
) -> None:
    add_session(store, "2026-03-01T18:00", [(BOX, 40, 10)])  # a Sunday
    add_session(store, "2026-03-02T18:00", [(BOX, 40, 10), (BOX, 40, 8)])  # Monday
    add_session(store, "2026-03-20T18:00", [("floor-push-up", None, 10)])
    weekly = progress_series.weekly_series(data.load_set_table(store, catalog))
    mondays = [str(np.datetime64(int(t), "s"))[:10] for t in weekly.week_start_s]
    assert mondays == ["2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16"]
    assert list(weekly.body_weight_reps) == pytest.approx(
        [10 * box_share(40), 18 * box_share(40), 0, 6.4]
    )
    assert list(weekly.time_under_tension_min) == pytest.approx([50 / 60, 90 / 60, 0, 50 / 60])


def test_one_variation_can_be_picked_out_of_the_volume(store: Store, catalog: Catalog) -> None:
    add_session(store, "2026-03-02T18:00", [(BOX, 40, 10), ("floor-push-up", None, 10)])
    weekly = progress_series.weekly_series(
        data.load_set_table(store, catalog), variation_id="floor-push-up"
    )
    assert list(weekly.body_weight_reps) == pytest.approx([6.4])


def test_hover_finds_the_set_under_the_pointer(store: Store, catalog: Catalog) -> None:
    add_session(store, "2026-03-02T18:00", [(BOX, 40, 10), (BOX, 40, 6)])
    series = progress_series.rep_series(data.load_set_table(store, catalog), BOX)
    index = progress_series.nearest_set(
        series, epoch("2026-03-02T18:02"), 6.2, seconds_per_rep=3600
    )
    assert index == 1
    assert series.set_reps[1] == 6
