from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.problems import InputError
from app.storage.history_csv import COLUMNS, CSV_FIELDS, parse_csv, to_csv
from app.storage.records import SetRecord
from app.storage.store import Store
from app.storage.store_schema import SET_COLUMNS

HEADER = ",".join(COLUMNS)
ROW = (
    "2026-11-20T18:05:00+01:00,abc123,Ladder,0,1,"
    "hands-elevated-push-up,45,3-1-1-0,8-12,10,2,felt good"
)


def test_round_trip_through_the_store(tmp_path: Path) -> None:
    rows = parse_csv(f"{HEADER}\n{ROW}\n{ROW.replace(',0,1,', ',0,2,')}\n")
    with Store(tmp_path / "a.sqlite3") as store:
        assert store.import_sets(rows) == 2
        assert store.import_sets(rows) == 0
        text = to_csv(store.sets())
    lines = text.splitlines()
    assert lines[0] == HEADER + ",rehearsal,role,form_flags,time_under_tension_s"
    assert lines[1] == ROW + ",0,work,,0"
    assert parse_csv(text) == rows


def test_an_export_carries_every_field_of_a_logged_set() -> None:
    # The log's own row ids stay behind; the session travels by its uid instead.
    carried = {field for _, field in CSV_FIELDS}
    assert set(SET_COLUMNS) - {"id", "session_id"} <= carried
    assert carried <= set(SetRecord.__slots__)


def test_bom_crlf_and_quoted_notes_are_read() -> None:
    text = f"\ufeff{HEADER}\r\n{ROW.replace('felt good', chr(34) + 'tired, but ok' + chr(34))}\r\n"
    (row,) = parse_csv(text)
    assert row.note == "tired, but ok"


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        (ROW.replace("2026-11-20T18:05:00+01:00", "yesterday"), "not an ISO 8601"),
        (ROW.replace("+01:00", ""), "needs its UTC offset"),
        (ROW.replace(",0,1,", ",0,0,"), "set '0' must be a whole number 1-20"),
        (ROW.replace(",45,", ",500,"), "box_height_cm '500' must be 0-120"),
        (ROW.replace("3-1-1-0", "fast"), "tempo 'fast'"),
        (ROW.replace(",10,2,", ",-1,2,"), "reps '-1'"),
        (ROW + ",extra", "13 fields; the header has 12"),
        (ROW.replace("hands-elevated-push-up", "Sofa Push"), "not a variation id"),
    ],
)
def test_a_bad_row_is_named_by_line_and_nothing_is_imported(row: str, fragment: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_csv(f"{HEADER}\n{ROW}\n{row}\n")
    (problem,) = raised.value.problems
    assert problem.line == 3
    assert fragment in problem.message


def test_wrong_header_and_empty_file() -> None:
    with pytest.raises(InputError, match="header"):
        parse_csv("a,b,c\n")
    with pytest.raises(InputError, match="empty"):
        parse_csv("")


def test_duplicate_rows_in_one_file_are_refused() -> None:
    with pytest.raises(InputError, match="twice"):
        parse_csv(f"{HEADER}\n{ROW}\n{ROW}\n")


@settings(max_examples=300)
@given(st.text(max_size=300))
def test_arbitrary_text_raises_only_our_error(text: str) -> None:
    problems = []
    try:
        parse_csv(f"{HEADER}\n{text}")
    except InputError as error:
        problems = error.problems
    assert all(p.line is None or p.line >= 1 for p in problems)


def test_export_time_keeps_the_offset(tmp_path: Path) -> None:
    moment = datetime(2026, 11, 22, 7, 30, tzinfo=UTC)
    rows = parse_csv(f"{HEADER}\n{ROW.replace('2026-11-20T18:05:00+01:00', moment.isoformat())}\n")
    assert rows[0].ended_at.isoformat() == "2026-11-22T07:30:00+00:00"


def test_role_and_form_flags_survive_export_and_import(tmp_path: Path) -> None:
    warm = ROW.replace(",0,1,", ",0,1,") + ",0,warm-up,"
    flagged = ROW.replace(",0,1,", ",1,1,") + ",0,work,Hips sagging;Elbows flared"
    rows = parse_csv(f"{HEADER},rehearsal,role,form_flags\n{warm}\n{flagged}\n")
    with Store(tmp_path / "a.sqlite3") as store:
        store.import_sets(rows)
        text = to_csv(store.sets())
        sets = store.sets()
    assert [s.role for s in sets] == ["warm-up", "work"]
    assert sets[1].form_flags == ("Hips sagging", "Elbows flared")
    assert parse_csv(text) == rows


def test_an_old_file_without_role_or_flags_imports_as_work_without_flags() -> None:
    (row,) = parse_csv(f"{HEADER}\n{ROW}\n")
    assert (row.role, row.form_flags) == ("work", ())


@pytest.mark.parametrize(
    ("stamp", "fragment"),
    [
        ("2062-03-01T10:00:00+00:00", "outside 1970-01-01 to 2026-11-26"),
        ("1969-12-31T10:00:00+00:00", "outside 1970-01-01"),
    ],
)
def test_sets_from_the_future_or_before_1970_are_refused(stamp: str, fragment: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_csv(
            f"{HEADER}\n{ROW.replace('2026-11-20T18:05:00+01:00', stamp)}\n", date(2026, 11, 25)
        )
    (problem,) = raised.value.problems
    assert (problem.line, fragment in problem.message) == (2, True)


def test_tomorrow_is_still_taken_for_a_clock_ahead() -> None:
    stamp = "2026-11-26T23:00:00+00:00"
    (row,) = parse_csv(
        f"{HEADER}\n{ROW.replace('2026-11-20T18:05:00+01:00', stamp)}\n", date(2026, 11, 25)
    )
    assert row.ended_at.isoformat() == stamp


def test_an_unknown_role_is_named() -> None:
    with pytest.raises(InputError, match="role 'stretch' must be one of warm-up, work, cool-down"):
        parse_csv(f"{HEADER},role\n{ROW},stretch\n")
