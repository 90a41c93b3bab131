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
from app.storage import progress_series
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
    assert len(progress_series.rep_series(table, BOX).set_reps) == 0
    assert len(progress_series.session_series(table).t_s) == 0
    assert len(progress_series.weekly_series(table).week_start_s) == 0
    assert table.trained_variations() == []


def test_rehearsals_are_left_out_of_every_chart(store: Store, catalog: Catalog) -> None:
    add_session(store, "2026-03-02T18:00", [(BOX, 45, 10)])
    add_session(store, "2026-03-03T18:00", [(BOX, 45, 30), (BOX, 45, 30)], rehearsal=True)
    table = data.load_set_table(store, catalog)
    assert len(table) == 1
    assert list(progress_series.rep_series(table, BOX).set_reps) == [10]
    assert progress_series.weekly_series(table).body_weight_reps.sum() == pytest.approx(
        10 * box_share(45)
    )


def test_variations_are_listed_most_recent_first(store: Store, catalog: Catalog) -> None:
    add_session(store, "2026-03-02T18:00", [("floor-push-up", None, 5), (BOX, 20, 10)])
    add_session(store, "2026-03-04T18:00", [("wall-push-up", None, 15)])
    table = data.load_set_table(store, catalog)
    assert table.trained_variations() == ["wall-push-up", BOX, "floor-push-up"]


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
            series = progress_series.rep_series(part, newest[0], since)
            assert len(series.set_t_s) == len(narrow)
        whole, first = (
            progress_series.rep_series(table, newest[0], since),
            progress_series.rep_series(narrow, newest[0]),
        )
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
    series = progress_series.rep_series(table, BOX)
    assert list(series.set_reps) == [12, 10, 14]
    assert np.isnan(series.set_box_height_cm[0])
    sessions = progress_series.session_series(table)
    assert list(sessions.top_share) == pytest.approx([box_share(45)])
    assert list(sessions.ladder_cm) == pytest.approx([45])
    weekly = progress_series.weekly_series(table)
    assert list(weekly.body_weight_reps) == pytest.approx([10 * box_share(45)])
