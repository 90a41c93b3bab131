"""The coach's input from a real log file: roles, flags, rests and dates as they were logged."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from app.domain.plan import parse_plan, plan_text
from app.domain.progression import Rule, suggest
from app.storage.catalog import Catalog
from app.storage.coach_input import coach_history
from app.storage.history_csv import parse_csv, to_csv
from app.storage.store import Store
from tests.fixtures.coach_histories import BOX, FLOOR, TODAY, B, cases, imported, session

SHIPPED = Path(__file__).parents[3] / "sessions"


def test_form_flags_survive_a_csv_round_trip_and_still_hold_the_coach_back(
    tmp_path: Path, catalog: Catalog
) -> None:
    sets = session(2, B(FLOOR, [12, 12, 12], None, "8-12", "4-1-1-0", flags={1: "Hips sagging"}))
    with Store(tmp_path / "a.sqlite3") as first:
        first.import_sets(imported(sets))
        text = to_csv(first.sets())
    with Store(tmp_path / "b.sqlite3") as second:
        second.import_sets(parse_csv(text, TODAY))
        history = coach_history(second, TODAY)
    assert [s.form_flags for s in history] == [(), ("Hips sagging",), ()]
    (item,) = suggest(history, catalog, today=TODAY)
    assert (item.variation, item.rule) == (FLOOR, Rule.KEEP)
    assert "1 of 3 had a form flag" in item.reason


def test_a_logged_plan_gives_the_coach_its_blocks_roles_and_rests(
    tmp_path: Path, catalog: Catalog
) -> None:
    plan = parse_plan((SHIPPED / "hands-elevated-ladder.toml").read_text(), catalog)
    with Store(tmp_path / "a.sqlite3") as store:
        rows = imported(cases()["ladder at the top"][0])
        store.import_sets(rows)
        with sqlite3.connect(store.path) as db:  # as if the session had been played
            db.execute("UPDATE session SET plan_text = ?", (plan_text(plan),))
        db.close()
        history = coach_history(store, TODAY)
    assert {(s.block, s.role, s.rest_s) for s in history} == {
        (0, "warm-up", 60.0),
        (1, "work", 90.0),
        (2, "work", 120.0),
    }
    items = suggest(history, catalog, today=TODAY)
    assert [s.rest_s for s in items] == [60.0, 90.0, 120.0]


def test_a_set_from_the_future_does_not_hide_the_real_training(
    tmp_path: Path, catalog: Catalog
) -> None:
    sets, _ = cases()["a set dated 2062"]
    with Store(tmp_path / "a.sqlite3") as store:
        store.import_sets(imported(sets))  # e.g. logged while the clock was wrong
        history = coach_history(store, TODAY)
    (item,) = suggest(history, catalog, today=TODAY)
    assert (item.variation, item.box_height_cm) == (BOX, 40)
    assert "3 sets dated after today are not counted" in item.reason


def test_an_empty_log_has_no_input(tmp_path: Path) -> None:
    with Store(tmp_path / "a.sqlite3") as store:
        assert coach_history(store, date(2026, 1, 1)) == []
