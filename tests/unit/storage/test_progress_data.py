"""The numbers behind each progress chart, on small logs whose answers are known by hand."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pytest

from app.cli import main
from app.domain.load_model import box_share
from app.storage import progress_data as data
from app.storage.catalog import Catalog
from app.storage.coach_input import coach_history
from app.storage.data_dir import store_path
from app.storage.store import Store
from tests.fixtures.ten_year_history import write_ten_year_history

BOX = "hands-elevated-push-up"


def add_session(
    store: Store,
    when: str,
    sets: list[tuple[str, float | None, int]],
    *,
    rehearsal: bool = False,
    tempo: str = "3-1-1-0",
    flags: tuple[str, ...] = (),
) -> int:
    """A session at ``when`` (local time, +01:00) with (variation, box, reps) sets 3 min apart."""
    with sqlite3.connect(store.path) as db:
        cursor = db.execute(
            "INSERT INTO session (uid, title, started_at, ended_at, rehearsal)"
            " VALUES (?, 'Test', ?, ?, ?)",
            (f"{when}-{rehearsal}", f"{when}:00+01:00", f"{when}:30+01:00", int(rehearsal)),
        )
        session_id = int(cursor.lastrowid or 0)
        for number, (variation, box, reps) in enumerate(sets, start=1):
            db.execute(
                "INSERT INTO set_log (session_id, block, set_number, variation, box_height_cm,"
                " tempo, target_reps, reps, form_flags, time_under_tension_s, ended_at)"
                " VALUES (?, 0, ?, ?, ?, ?, '8-12', ?, ?, ?, ?)",
                (
                    session_id,
                    number,
                    variation,
                    box,
                    tempo,
                    reps,
                    json.dumps(list(flags)),
                    reps * 5.0,
                    f"{when[:-2]}{int(when[-2:]) + number:02d}:00+01:00",
                ),
            )
    db.close()
    return session_id


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(store_path(tmp_path)) as opened:
        yield opened


def epoch(local: str) -> float:
    return (datetime.fromisoformat(local) - datetime(1970, 1, 1)).total_seconds()


def test_an_empty_log_gives_empty_charts(store: Store, catalog: Catalog) -> None:
    table = data.load_set_table(store, catalog)
    assert len(table) == 0
    assert len(data.rep_series(table, BOX).set_reps) == 0
    assert len(data.session_series(table).t_s) == 0
    assert len(data.weekly_series(table).week_start_s) == 0
    assert table.trained_variations() == []


def test_rehearsals_are_left_out_of_every_chart(store: Store, catalog: Catalog) -> None:
    add_session(store, "2026-03-02T18:00", [(BOX, 45, 10)])
    add_session(store, "2026-03-03T18:00", [(BOX, 45, 30), (BOX, 45, 30)], rehearsal=True)
    table = data.load_set_table(store, catalog)
    assert len(table) == 1
    assert list(data.rep_series(table, BOX).set_reps) == [10]
    assert data.weekly_series(table).body_weight_reps.sum() == pytest.approx(10 * box_share(45))


def test_reps_chart_has_every_set_and_the_best_set_of_each_session(
    store: Store, catalog: Catalog
) -> None:
    add_session(store, "2026-03-02T18:00", [(BOX, 45, 10), (BOX, 45, 12), (BOX, 45, 9)])
    add_session(store, "2026-03-04T18:00", [("floor-push-up", None, 5)])
    add_session(store, "2026-03-05T18:00", [(BOX, 40, 8), (BOX, 40, 7)])
    series = data.rep_series(data.load_set_table(store, catalog), BOX)
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
    assert list(data.rep_series(table, BOX, start).set_reps) == [9]
    assert list(data.rep_series(table, BOX, data.TimeRange.ALL.start_s(now)).set_reps) == [10, 9]
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
    series = data.session_series(table)
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
    weekly = data.weekly_series(data.load_set_table(store, catalog))
    mondays = [str(np.datetime64(int(t), "s"))[:10] for t in weekly.week_start_s]
    assert mondays == ["2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16"]
    assert list(weekly.body_weight_reps) == pytest.approx(
        [10 * box_share(40), 18 * box_share(40), 0, 6.4]
    )
    assert list(weekly.time_under_tension_min) == pytest.approx([50 / 60, 90 / 60, 0, 50 / 60])


def test_one_variation_can_be_picked_out_of_the_volume(store: Store, catalog: Catalog) -> None:
    add_session(store, "2026-03-02T18:00", [(BOX, 40, 10), ("floor-push-up", None, 10)])
    weekly = data.weekly_series(data.load_set_table(store, catalog), variation_id="floor-push-up")
    assert list(weekly.body_weight_reps) == pytest.approx([6.4])


def test_variations_are_listed_most_recent_first(store: Store, catalog: Catalog) -> None:
    add_session(store, "2026-03-02T18:00", [("floor-push-up", None, 5), (BOX, 20, 10)])
    add_session(store, "2026-03-04T18:00", [("wall-push-up", None, 15)])
    table = data.load_set_table(store, catalog)
    assert table.trained_variations() == ["wall-push-up", BOX, "floor-push-up"]


def test_hover_finds_the_set_under_the_pointer(store: Store, catalog: Catalog) -> None:
    add_session(store, "2026-03-02T18:00", [(BOX, 40, 10), (BOX, 40, 6)])
    series = data.rep_series(data.load_set_table(store, catalog), BOX)
    index = data.nearest_set(series, epoch("2026-03-02T18:02"), 6.2, seconds_per_rep=3600)
    assert index == 1
    assert series.set_reps[1] == 6


def test_the_coach_reads_recent_sets_without_rehearsals(store: Store, catalog: Catalog) -> None:
    add_session(store, "2025-01-02T18:00", [(BOX, 60, 10)])
    add_session(store, "2026-03-02T18:00", [(BOX, 45, 12)], flags=("Hips sagging",))
    add_session(store, "2026-03-03T18:00", [(BOX, 10, 30)], rehearsal=True)
    history = coach_history(store, date(2026, 3, 3))
    assert [(s.box_height_cm, s.reps, s.form_flags) for s in history] == [
        (45, 12, ("Hips sagging",))
    ]


def test_a_deleted_set_comes_back_with_undo(store: Store, catalog: Catalog) -> None:
    add_session(store, "2026-03-02T18:00", [(BOX, 40, 10), (BOX, 40, 8)])
    first = store.sets()[0]
    store.update_set(first.id, "reps", 11)
    removed = store.delete_set(first.id)
    assert [s.reps for s in store.sets()] == [8]
    store.restore_set(removed)
    assert [(s.id, s.reps) for s in store.sets()] == [(first.id, 11), (first.id + 1, 8)]
    with pytest.raises(ValueError, match="cannot be edited"):
        store.update_set(first.id, "variation", "x")


def test_the_ten_year_history_loads_every_real_set(tmp_path: Path, catalog: Catalog) -> None:
    facts = write_ten_year_history(tmp_path / "log.sqlite3")
    assert 3_400 <= facts.sessions <= 3_800
    assert 19_000 <= facts.sets <= 22_000
    with Store(tmp_path / "log.sqlite3") as store:
        table = data.load_set_table(store, catalog)
        assert len(table) == facts.sets - facts.rehearsal_sets
        assert np.all(np.diff(table.t_s) >= 0)
        assert not np.isnan(table.share).any()
        # The narrow read that paints the first chart gives the same series as the whole log.
        newest = data.trained_variations(store)
        assert newest == table.trained_variations()
        since = float(table.t_s[-1]) - 91 * data.DAY_S
        narrow = data.load_set_table(store, catalog, variation_id=newest[0], since_s=since)
        assert 0 < len(narrow) < len(table) / 20
        for part in (narrow, table):
            series = data.rep_series(part, newest[0], since)
            assert len(series.set_t_s) == len(narrow)
        whole, first = data.rep_series(table, newest[0], since), data.rep_series(narrow, newest[0])
        for name in ("set_t_s", "set_reps", "set_id", "session_t_s", "best_reps"):
            assert np.array_equal(getattr(whole, name), getattr(first, name))


def test_suggest_prints_the_json_contract(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    add_session(store, "2026-03-02T18:00", [(BOX, 45, 12), (BOX, 45, 12)])
    folder = str(store.path.parent)
    assert main(["--data-dir", folder, "suggest", "--json", "--today", "2026-03-04"]) == 0
    advice = json.loads(capsys.readouterr().out)
    assert advice == [
        {
            "from_variation": BOX,
            "from_box_height_cm": 45.0,
            "from_reps": "8-12",
            "from_tempo": "3-1-1-0",
            "variation": BOX,
            "box_height_cm": 35.0,
            "sets": 2,
            "reps": "8-12",
            "tempo": "3-1-1-0",
            "rest_s": 90.0,
            "rule": "harder",
            "reason": "Every set reached 12 clean reps: lower your hands to 35 cm, "
            "about 9% more weight on your hands.",
            "role": "work",
        }
    ]


def test_the_table_cache_rereads_only_when_the_log_changes(store: Store, catalog: Catalog) -> None:
    add_session(store, "2026-03-02T18:00", [(BOX, 40, 10)])
    tables = data.SetTableCache()
    first = tables.table(store, catalog)
    assert tables.table(store, catalog) is first
    taller = tables.table(store, catalog, 190.0)
    assert taller is not first and taller.share[0] > first.share[0]
    add_session(store, "2026-03-03T18:00", [(BOX, 40, 11)])
    assert list(tables.table(store, catalog, 190.0).reps) == [10, 11]
    store.update_set(store.sets()[0].id, "reps", 12)
    assert list(tables.table(store, catalog, 190.0).reps) == [12, 11]
    tables.close()


def test_a_box_set_without_a_height_counts_reps_but_no_load(store: Store, catalog: Catalog) -> None:
    add_session(store, "2026-03-02T18:00", [(BOX, None, 12), (BOX, 45, 10)])
    add_session(store, "2026-03-04T18:00", [(BOX, None, 14)])
    table = data.load_set_table(store, catalog)
    series = data.rep_series(table, BOX)
    assert list(series.set_reps) == [12, 10, 14]
    assert np.isnan(series.set_box_height_cm[0])
    sessions = data.session_series(table)
    assert list(sessions.top_share) == pytest.approx([box_share(45)])
    assert list(sessions.ladder_cm) == pytest.approx([45])
    weekly = data.weekly_series(table)
    assert list(weekly.body_weight_reps) == pytest.approx([10 * box_share(45)])
