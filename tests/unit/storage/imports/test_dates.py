from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from app.storage.imports.dates import check_bounds, parse_when


@pytest.mark.parametrize(
    ("text", "naive"),
    [
        ("2025-08-26 10:44:22", datetime(2025, 8, 26, 10, 44, 22)),
        ("2017-06-23", datetime(2017, 6, 23)),
        ("28 Jan 2026, 17:26", datetime(2026, 1, 28, 17, 26)),
        ("Sep 23, 2025, 7:26 AM", datetime(2025, 9, 23, 7, 26)),
        ("Sep 23, 2025, 12:10 PM", datetime(2025, 9, 23, 12, 10)),
        ("Sep 23, 2025, 12:10 AM", datetime(2025, 9, 23, 0, 10)),
        ("Sept 3, 2025, 9:05 pm", datetime(2025, 9, 3, 21, 5)),
        # the month in the phone's language: Turkish, German, French, Portuguese, Spanish
        ("18 Eyl 2023, 07:57", datetime(2023, 9, 18, 7, 57)),
        ("11 Nis 2026, 13:05", datetime(2026, 4, 11, 13, 5)),
        ("2 Şub 2024, 06:30", datetime(2024, 2, 2, 6, 30)),
        ("9 Ağu 2024, 18:00", datetime(2024, 8, 9, 18, 0)),
        ("3 Mär 2025, 19:15", datetime(2025, 3, 3, 19, 15)),
        ("14 Mai 2025, 07:00", datetime(2025, 5, 14, 7, 0)),
        ("30 juin 2025, 08:00", datetime(2025, 6, 30, 8, 0)),
        ("1 juil. 2025, 08:00", datetime(2025, 7, 1, 8, 0)),
        ("15 août 2025, 10:00", datetime(2025, 8, 15, 10, 0)),
        ("5 out 2024, 20:40", datetime(2024, 10, 5, 20, 40)),
        ("24 dic 2024, 11:11", datetime(2024, 12, 24, 11, 11)),
    ],
)
def test_dates_without_a_zone_are_read_in_the_local_zone(text: str, naive: datetime) -> None:
    assert parse_when(text, "Date") == naive.astimezone()
    assert parse_when(text, "Date").tzinfo is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-01-05 22:06:49 +0000", datetime(2022, 1, 5, 22, 6, 49, tzinfo=UTC)),
        (
            "2022-01-05 22:06:49 -0530",
            datetime(2022, 1, 5, 22, 6, 49, tzinfo=timezone(-timedelta(hours=5, minutes=30))),
        ),
        ("2026-06-29T04:56:39.712Z", datetime(2026, 6, 29, 4, 56, 39, tzinfo=UTC)),
    ],
)
def test_dates_keep_their_own_zone(text: str, expected: datetime) -> None:
    found = parse_when(text, "Date")
    assert found == expected
    assert found.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "yesterday",
        "2025-13-01",
        "31 Foo 2025, 10:00",
        "Sep 23, 2025, 13:10 PM",
        "5 jui 2025, 08:00",  # French juin or juillet: not guessed
        "5 maj 2025, 08:00",  # not in the table (Polish, Swedish): refused, never misread
    ],
)
def test_anything_else_says_which_forms_are_read(text: str) -> None:
    with pytest.raises(
        ValueError, match=r"^Date .* is not a date this importer reads \(YYYY-MM-DD"
    ):
        parse_when(text, "Date")


def test_dates_from_1970_to_tomorrow() -> None:
    today = date(2026, 6, 30)
    check_bounds(datetime(1970, 1, 1, tzinfo=UTC), today, "Date")
    check_bounds(datetime(2026, 7, 1, 23, 0, tzinfo=UTC), today, "Date")
    for wrong in (datetime(1969, 12, 31, tzinfo=UTC), datetime(2026, 7, 2, tzinfo=UTC)):
        with pytest.raises(ValueError, match="must be between 1970 and tomorrow"):
            check_bounds(wrong, today, "Date")
