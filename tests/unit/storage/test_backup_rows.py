from __future__ import annotations

from datetime import UTC, datetime

from app.storage.backup_rows import session_problem, set_problem

NOW = datetime(2026, 11, 22, tzinfo=UTC)
SESSION = (1, "u", "Ladder", "", "", "2026-11-20T18:00:00+01:00", None, 0, 0, 0, 1.0, "[3, 2]")
SET = (
    1, 1, 0, 1, "floor-push-up", None, "3-1-1-0", "8-12", 10, None, "[]", "", 30.0,
    "2026-11-20T18:05:00+01:00", "work",
)  # fmt: skip


def test_sound_rows_pass() -> None:
    assert session_problem(SESSION, NOW) is None
    assert set_problem(SET, NOW) is None


def test_each_field_is_checked_by_type_and_range() -> None:
    def with_set(index: int, value: object) -> str | None:
        return set_problem((*SET[:index], value, *SET[index + 1 :]), NOW)

    assert with_set(8, "10") == "reps must be a whole number 0-1000"
    assert with_set(8, True) == "reps must be a whole number 0-1000"
    assert with_set(10, "{") == "form_flags must be a JSON list of words"
    assert with_set(13, "2026-11-30T00:00:00+00:00") == (
        "ended_at '2026-11-30T00:00:00+00:00' is in the future"
    )
    assert with_set(14, "rest") == "role must be one of warm-up, work, cool-down"
    later = (*SESSION[:7], -1, *SESSION[8:])
    assert session_problem(later, NOW) == "next_set must be a whole number 0-1000"


def test_a_title_longer_than_any_the_app_writes_is_refused() -> None:
    # The history's CSV takes titles of up to 80 characters: a restored one of 81 could be
    # exported but never imported back.
    def titled(title: str) -> str | None:
        return session_problem((*SESSION[:2], title, *SESSION[3:]), NOW)

    assert titled("t" * 80) is None
    assert titled("t" * 81) == "title must be text of 1-80 characters"
