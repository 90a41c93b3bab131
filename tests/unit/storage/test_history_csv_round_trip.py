"""Anything ``history --csv`` writes, ``import`` reads back: hypothesis over the whole row space.

Every column of the CSV on main is generated (including ``role`` and ``form_flags``), with
the cases that once broke the round trip as explicit examples: a tempo under 0.0001 s, a NUL
in a title, cells a spreadsheet would run as formulas, a box height with many decimals.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.domain.set_role import ROLE_NAMES
from app.domain.tempo import Concentric, Tempo
from app.storage.history_csv import (
    COLUMNS,
    MAX_CSV_BYTES,
    MAX_ROWS,
    OPTIONAL_COLUMNS,
    parse_csv,
    protect_cell,
    to_csv,
    unprotect_cell,
)
from app.storage.store import ImportedSet, SetRecord
from app.storage.text_files import read_text

TODAY = date(2026, 11, 22)
_TEXT = st.characters(exclude_categories=["Cs"])


def _clean(text: str) -> str:
    return text.replace("\x00", "")


def _tempos() -> st.SearchStrategy[str]:
    seconds = st.one_of(
        st.integers(0, 30).map(float),
        st.floats(0, 30, allow_nan=False, allow_infinity=False),
        st.sampled_from([0.00001, 1e-7, 0.1, 2.5]),
    )
    concentric = st.sampled_from(list(Concentric))
    tempo = st.builds(
        lambda e, b, c, t, kind: Tempo(e, b, c if kind is Concentric.TIMED else 0.0, t, kind),
        seconds,
        seconds,
        seconds,
        seconds,
        concentric,
    ).filter(
        lambda t: (
            t.concentric is not Concentric.TIMED
            or t.eccentric_s + t.bottom_s + t.concentric_s + t.top_s > 0
        )
    )
    return tempo.map(str)


def _targets() -> st.SearchStrategy[str]:
    single = st.integers(1, 100).map(str)
    ranged = st.tuples(st.integers(1, 50), st.integers(0, 49)).map(  # up to 100, the limit
        lambda p: f"{p[0]}-{p[0] + p[1] + 1}"
    )
    return st.one_of(single, ranged, st.just("max"))


def _titles() -> st.SearchStrategy[str]:
    return st.text(_TEXT, min_size=1, max_size=80).filter(
        lambda t: len(_clean(t).strip()) >= 1 and _clean(t).strip() == _clean(t)
    )


def _moments() -> st.SearchStrategy[datetime]:
    zone = st.integers(-12 * 4, 14 * 4).map(lambda q: timezone(timedelta(minutes=15 * q)))
    moment = st.datetimes(
        min_value=datetime(1970, 1, 2), max_value=datetime(2026, 11, 21), timezones=st.just(UTC)
    )
    return st.builds(lambda m, z: m.astimezone(z).replace(microsecond=0), moment, zone)


def _flags() -> st.SearchStrategy[tuple[str, ...]]:
    flag = (
        st.text(_TEXT, min_size=1, max_size=80)
        .map(lambda f: _clean(f).replace(";", ",").strip())
        .filter(bool)
    )
    return st.lists(flag, max_size=10, unique=True).map(tuple)


def _rows() -> st.SearchStrategy[SetRecord]:
    return st.builds(
        SetRecord,
        id=st.just(1),
        session_id=st.just(1),
        session_uid=st.text(_TEXT, min_size=1, max_size=64).filter(
            lambda u: len(_clean(u).strip()) >= 1 and _clean(u).strip() == _clean(u)
        ),
        session_title=_titles(),
        block=st.integers(0, 49),
        set_number=st.integers(1, 20),
        variation=st.from_regex(r"[a-z0-9][a-z0-9-]{0,59}", fullmatch=True),
        box_height_cm=st.none() | st.floats(0, 120, allow_nan=False),
        tempo=_tempos(),
        target_reps=_targets(),
        reps=st.integers(0, 1000),
        reps_in_reserve=st.none() | st.integers(0, 10),
        form_flags=_flags(),
        note=st.text(_TEXT, max_size=2000),
        time_under_tension_s=st.floats(0, 100_000, allow_nan=False),
        ended_at=_moments(),
        rehearsal=st.booleans(),
        role=st.sampled_from(ROLE_NAMES),
    )


def _expected(row: SetRecord) -> ImportedSet:
    return ImportedSet(
        session_uid=_clean(row.session_uid),
        session_title=_clean(row.session_title),
        block=row.block,
        set_number=row.set_number,
        variation=row.variation,
        box_height_cm=row.box_height_cm,
        tempo=row.tempo,
        target_reps=row.target_reps,
        reps=row.reps,
        reps_in_reserve=row.reps_in_reserve,
        note=_clean(row.note),
        ended_at=row.ended_at,
        rehearsal=row.rehearsal,
        role=row.role,
        form_flags=row.form_flags,
        time_under_tension_s=row.time_under_tension_s,
    )


def test_the_generated_rows_cover_every_csv_column() -> None:
    generated = {f.name for f in fields(SetRecord)}
    for column in (*COLUMNS, *OPTIONAL_COLUMNS):
        name = {"date": "ended_at", "session_id": "session_uid", "set": "set_number"}.get(
            column, column
        )
        assert name in generated, column


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        _rows(), min_size=1, max_size=5, unique_by=lambda r: (r.session_uid, r.block, r.set_number)
    )
)
def test_what_history_writes_import_reads_back(rows: list[SetRecord]) -> None:
    text = to_csv(rows)
    assert "\x00" not in text
    read = parse_csv(text, today=TODAY)
    assert read == [_expected(r) for r in rows]
    # Equal datetimes may differ in offset: the clock the person saw must come back too.
    assert [r.ended_at.utcoffset() for r in read] == [r.ended_at.utcoffset() for r in rows]


@given(st.text(_TEXT))
@example('=HYPERLINK("http://x")')
@example("'=1+1")
@example("''@SUM(A1)")
@example("-")
@example("'")
def test_a_formula_cell_is_quoted_on_export_and_unquoted_on_import(text: str) -> None:
    written = protect_cell(text)
    assert written.lstrip("'")[:1] not in ("=", "+", "-", "@", "\t", "\r") or written[0] == "'"
    assert unprotect_cell(written) == _clean(text)


def test_a_20000_set_export_is_read_back_whole(tmp_path: Path) -> None:
    row = SetRecord(
        1,
        1,
        "s",
        "Ladder",
        0,
        1,
        "floor-push-up",
        None,
        "3-1-1-0",
        "8-12",
        10,
        2,
        ("Hips sagging",),
        "a note of some length",
        0.0,
        datetime.fromisoformat("2026-11-20T18:05:00+01:00"),
        False,
        "work",
    )
    rows = [
        replace(row, session_uid=f"session-{n // 20}", set_number=n % 20 + 1) for n in range(20_000)
    ]
    path = tmp_path / "export.csv"
    path.write_text(to_csv(rows), encoding="utf-8")
    assert path.stat().st_size > 1_000_000
    assert len(parse_csv(read_text(path, max_bytes=MAX_CSV_BYTES), today=TODAY)) == 20_000
    assert MAX_CSV_BYTES >= MAX_ROWS * 500
