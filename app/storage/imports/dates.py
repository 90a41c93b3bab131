"""The date forms other apps write, read into aware datetimes.

A date without a UTC offset is read in the local time zone of this computer on that date
(daylight saving included), as the phone that logged it most likely showed it. Month names
are matched against a table of their own (the process locale plays no part): English, and the
short names phones in German, French, Spanish, Italian, Portuguese, Dutch and Turkish write.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime, timedelta, timezone

from app.storage.history_csv import EARLIEST_DATE

# Each month by the first three letters of its name, lower case (four for French "juin" and
# "juil", whose first three are the same). No key stands for two months in any language.
_MONTH_NAMES = (
    ("jan", "ene", "gen", "oca"),
    ("feb", "fev", "fév", "şub"),
    ("mar", "mär", "mrz", "mrt"),
    ("apr", "abr", "avr", "nis"),
    ("may", "mai", "mag", "mei"),
    ("jun", "juin", "giu", "haz"),
    ("jul", "juil", "lug", "tem"),
    ("aug", "ago", "aoû", "ağu"),
    ("sep", "set", "eyl"),
    ("oct", "okt", "ott", "out", "eki"),
    ("nov", "kas"),
    ("dec", "dez", "déc", "dic", "ara"),
)
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}
_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?"
)
# "28 Jan 2026, 17:26", "11 Nis 2026, 13:05" and "Sep 23, 2025, 7:26 AM" (Hevy, by the
# phone's language and region).
_DAY_MONTH = re.compile(r"(\d{1,2}) ([^\W\d_]{3,})\.? (\d{4}),? (\d{1,2}):(\d{2})\s*([AaPp][Mm])?")
_MONTH_DAY = re.compile(
    r"([^\W\d_]{3,})\.? (\d{1,2}),? (\d{4}),? (\d{1,2}):(\d{2})\s*([AaPp][Mm])?"
)
FORMS = "YYYY-MM-DD[ HH:MM[:SS]][ +HHMM], 'D Mon YYYY, HH:MM' or 'Mon D, YYYY, H:MM AM'"


@functools.lru_cache(maxsize=4096)  # every row of a workout repeats its date
def parse_when(text: str, name: str) -> datetime:
    """An aware datetime; ValueError naming the forms read when the text is none of them."""
    stripped = text.strip()
    try:
        found = _iso(stripped) or _hevy(stripped)
    except (ValueError, OverflowError, OSError):
        found = None
    if found is None:
        raise ValueError(f"{name} {text!r} is not a date this importer reads ({FORMS})")
    return found


def check_bounds(moment: datetime, today: date, name: str) -> None:
    """Dates from 1970 to tomorrow: anything else is a typo or a broken clock."""
    if not EARLIEST_DATE <= moment.date() <= today + timedelta(days=1):
        raise ValueError(f"{name} {moment.date().isoformat()} must be between 1970 and tomorrow")


def _iso(text: str) -> datetime | None:
    match = _ISO.fullmatch(text)
    if match is None:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    naive = datetime(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
    )
    return _zoned(naive, zone)


def _hevy(text: str) -> datetime | None:
    match = _DAY_MONTH.fullmatch(text)
    if match is not None:
        day, month, year, hour, minute, half = match.groups()
    else:
        match = _MONTH_DAY.fullmatch(text)
        if match is None:
            return None
        month, day, year, hour, minute, half = match.groups()
    month_number = _month(month)
    if month_number is None:
        return None
    hours = int(hour)
    if half is not None:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if half.lower() == "pm" else 0)
    return _zoned(datetime(int(year), month_number, int(day), hours, int(minute)), None)


def _month(name: str) -> int | None:
    lower = name.lower()
    return _MONTHS.get(lower[:4]) or _MONTHS.get(lower[:3])


def _zoned(naive: datetime, zone: str | None) -> datetime:
    if zone is None:
        return naive.astimezone()
    if zone == "Z":
        return naive.replace(tzinfo=UTC)
    digits = zone[1:].replace(":", "")
    offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    if offset >= timedelta(hours=24):
        raise ValueError(zone)
    return naive.replace(tzinfo=timezone(-offset if zone[0] == "-" else offset))
