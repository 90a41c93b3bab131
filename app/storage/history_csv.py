"""History as CSV: one row per set, the same columns for export and import.

The optional columns after ``note`` may be missing from older files: a set without ``role``
is work, one without ``form_flags`` had none. ``form_flags`` holds the flags separated by
``;`` (``Hips sagging;Elbows flared``). Dates before 1970 or after tomorrow are refused: a
set from the future would hide every real one from the coach.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal

from app.domain.limits import (
    MAX_BLOCKS,
    MAX_BOX_HEIGHT_CM,
    MAX_LOGGED_REPS,
    MAX_NOTE_CHARS,
    MAX_REPS_IN_RESERVE,
    MAX_SETS_PER_BLOCK,
    MAX_TITLE_CHARS,
)
from app.domain.problems import InputError, Problem
from app.domain.reps import parse_rep_target
from app.domain.set_role import parse_role
from app.domain.tempo import TempoError, parse_tempo
from app.domain.variation import is_variation_id
from app.storage.store import ImportedSet, SetRecord

CSV_FIELDS: tuple[tuple[str, str], ...] = (
    ("date", "ended_at"),
    ("session_id", "session_uid"),
    ("session_title", "session_title"),
    ("block", "block"),
    ("set", "set_number"),
    ("variation", "variation"),
    ("box_height_cm", "box_height_cm"),
    ("tempo", "tempo"),
    ("target_reps", "target_reps"),
    ("reps", "reps"),
    ("reps_in_reserve", "reps_in_reserve"),
    ("note", "note"),
    ("rehearsal", "rehearsal"),
    ("role", "role"),
    ("form_flags", "form_flags"),
    ("time_under_tension_s", "time_under_tension_s"),
)
"""Each CSV column, in file order, and the field of a set (``SetRecord``) it holds."""
_REQUIRED = 12
COLUMNS = tuple(name for name, _ in CSV_FIELDS[:_REQUIRED])
OPTIONAL_COLUMNS = tuple(name for name, _ in CSV_FIELDS[_REQUIRED:])
MAX_ROWS = 200_000
MAX_CSV_BYTES = MAX_ROWS * 1_000
"""Import's size limit fits its row limit: 200,000 rows of up to 1 kB (an export is ~90 B a row)."""
_FORMULA_STARTS = frozenset("=+-@\t\r")
EARLIEST_DATE = date(1970, 1, 1)
FLAG_SEPARATOR = ";"
MAX_FLAGS = 10


def to_csv(sets: Iterable[SetRecord]) -> str:
    """The CSV text for these sets (``rehearsal`` last: 1 for sessions played at another speed)."""
    out = io.StringIO()
    writer = _Writer(out)
    writer.writerow((*COLUMNS, *OPTIONAL_COLUMNS))
    for s in sets:
        writer.writerow(_cell(s, field) for _, field in CSV_FIELDS)
    return out.getvalue()


def _cell(record: SetRecord, field: str) -> object:
    """One field of a set as its CSV cell: text protected from spreadsheets, plain decimals."""
    value = getattr(record, field)
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, tuple):
        return protect_cell(FLAG_SEPARATOR.join(value))
    if isinstance(value, float):
        return decimal_text(value)
    if field in _TEXT_FIELDS:
        return protect_cell(value)
    return value


# Free text a person typed or an import brought, which a spreadsheet might run.
_TEXT_FIELDS = frozenset({"session_uid", "session_title", "note"})


class _Writer:
    """CSV rows ending in ``\\n``, quoting every cell that needs it.

    ``csv.writer`` with a ``\\n`` line end leaves a lone ``\\r`` unquoted, which the reader
    then takes for the end of the row.
    """

    def __init__(self, out: io.StringIO) -> None:
        self.out = out

    def writerow(self, cells: Iterable[object]) -> None:
        self.out.write(",".join(map(_quoted, cells)) + "\n")


def _quoted(cell: object) -> str:
    text = str(cell)
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def protect_cell(text: str) -> str:
    """A text cell as written: no NUL (which no text file holds), no formula for spreadsheets.

    A cell a spreadsheet would run (``=``, ``+``, ``-``, ``@``, tab, carriage return first)
    gets a ``'`` in front, and so does one that already starts with quotes before such a
    character; ``unprotect_cell`` takes exactly that quote off again.
    """
    text = text.replace("\x00", "")
    return f"'{text}" if _runs(text) else text


def unprotect_cell(text: str) -> str:
    """The text ``protect_cell`` was given (less any NUL)."""
    return text[1:] if text.startswith("'") and _runs(text[1:]) else text


def _runs(text: str) -> bool:
    """A spreadsheet would run it as a formula, or it is quotes in front of one."""
    stripped = text.lstrip("'")
    return bool(stripped) and stripped[0] in _FORMULA_STARTS


def decimal_text(value: float) -> str:
    """A number as plain decimals that reads back as the same float (never ``1e-05``)."""
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def parse_csv(text: str, today: date | None = None) -> list[ImportedSet]:
    """Check every row; InputError lists every bad row with its line, and nothing is returned.

    ``today`` (default: the local date now) bounds the dates: none after tomorrow.
    """
    latest = (today or date.today()) + timedelta(days=1)
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[Problem] = []
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise InputError(Problem(f"not readable as CSV: {error}", 1)) from None
    if header is None:
        raise InputError(Problem("the file is empty; expected a header row", 1))
    names = [h.strip() for h in header]
    if tuple(names[: len(COLUMNS)]) != COLUMNS or any(
        n not in OPTIONAL_COLUMNS for n in names[len(COLUMNS) :]
    ):
        raise InputError(Problem(f"the header must be: {','.join(COLUMNS)}", 1))
    rows: list[ImportedSet] = []
    seen: set[tuple[str, int, int]] = set()
    while True:
        line = reader.line_num + 1
        try:
            raw = next(reader, None)
        except csv.Error as error:
            problems.append(Problem(f"not readable as CSV: {error}", line))
            break
        if raw is None:
            break
        line = reader.line_num
        if not any(cell.strip() for cell in raw):
            continue
        if len(rows) + len(problems) >= MAX_ROWS:
            problems.append(Problem(f"more than {MAX_ROWS} rows", line))
            break
        if len(raw) != len(names):
            problems.append(Problem(f"{len(raw)} fields; the header has {len(names)}", line))
            continue
        try:
            row = _row(dict(zip(names, raw, strict=True)), latest)
        except ValueError as error:
            problems.append(Problem(str(error), line))
            continue
        key = (row.session_uid, row.block, row.set_number)
        if key in seen:
            problems.append(Problem("the same session, block and set appear twice", line))
            continue
        seen.add(key)
        rows.append(row)
    if problems:
        raise InputError(problems)
    return rows


def _row(cells: dict[str, str], latest: date) -> ImportedSet:
    stamp = cells["date"].strip()
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        raise ValueError(f"date {stamp!r} is not an ISO 8601 date and time") from None
    if moment.tzinfo is None:
        raise ValueError(f"date {stamp!r} needs its UTC offset, like 2026-11-22T18:30:00+01:00")
    if not EARLIEST_DATE <= moment.date() <= latest:
        raise ValueError(
            f"date {stamp!r} is outside {EARLIEST_DATE.isoformat()} to {latest.isoformat()}"
            " (tomorrow): check the year"
        )
    session_uid = unprotect_cell(cells["session_id"]).strip()
    if not session_uid or len(session_uid) > 64:
        raise ValueError("session_id must be 1-64 characters")
    title = unprotect_cell(cells["session_title"]).strip()
    if not 1 <= len(title) <= MAX_TITLE_CHARS:
        raise ValueError(f"session_title must be 1-{MAX_TITLE_CHARS} characters")
    variation = cells["variation"].strip()
    if not is_variation_id(variation) or len(variation) > 60:
        raise ValueError(f"variation {variation!r} is not a variation id")
    try:
        tempo = str(parse_tempo(cells["tempo"]))
    except TempoError as error:
        raise ValueError(str(error)) from None
    target = str(parse_rep_target(cells["target_reps"].strip()))
    rir_text = cells["reps_in_reserve"].strip()
    note = unprotect_cell(cells["note"])
    if len(note) > MAX_NOTE_CHARS:
        raise ValueError(f"note is longer than {MAX_NOTE_CHARS} characters")
    rehearsal = cells.get("rehearsal", "0").strip() or "0"
    if rehearsal not in ("0", "1"):
        raise ValueError(f"rehearsal must be 0 or 1, not {rehearsal!r}")
    return ImportedSet(
        role=parse_role(cells.get("role", "")).value,
        form_flags=_flags(unprotect_cell(cells.get("form_flags", ""))),
        time_under_tension_s=_seconds(cells.get("time_under_tension_s", "")),
        session_uid=session_uid,
        session_title=title,
        block=_whole(cells["block"], "block", 0, MAX_BLOCKS - 1),
        set_number=_whole(cells["set"], "set", 1, MAX_SETS_PER_BLOCK),
        variation=variation,
        box_height_cm=_box(cells["box_height_cm"]),
        tempo=tempo,
        target_reps=target,
        reps=_whole(cells["reps"], "reps", 0, MAX_LOGGED_REPS),
        reps_in_reserve=None
        if not rir_text
        else _whole(rir_text, "reps_in_reserve", 0, MAX_REPS_IN_RESERVE),
        note=note,
        ended_at=moment.replace(microsecond=0),
        rehearsal=rehearsal == "1",
    )


def _whole(text: str, name: str, low: int, high: int) -> int:
    stripped = text.strip()
    if not (stripped.isdecimal() and len(stripped) <= 9) or not low <= int(stripped) <= high:
        raise ValueError(f"{name} {text!r} must be a whole number {low}-{high}")
    return int(stripped)


def _seconds(text: str) -> float:
    """A set's time under tension (a rescued set keeps it); blank in older files: 0."""
    stripped = text.strip()
    if not stripped:
        return 0.0
    try:
        value = float(stripped)
    except ValueError:
        raise ValueError(f"time_under_tension_s {text!r} is not a number") from None
    if not math.isfinite(value) or not 0 <= value <= 100_000:
        raise ValueError(f"time_under_tension_s {text!r} must be 0-100000")
    return value


def _box(text: str) -> float | None:
    stripped = text.strip()
    if not stripped:
        return None
    try:
        value = float(stripped)
    except ValueError:
        raise ValueError(f"box_height_cm {text!r} is not a number") from None
    if not math.isfinite(value) or not 0 <= value <= MAX_BOX_HEIGHT_CM:
        raise ValueError(f"box_height_cm {text!r} must be 0-{MAX_BOX_HEIGHT_CM:g}")
    return value


def _flags(text: str) -> tuple[str, ...]:
    flags = tuple(dict.fromkeys(f.strip() for f in text.split(FLAG_SEPARATOR) if f.strip()))
    if len(flags) > MAX_FLAGS or any(len(f) > 80 for f in flags):
        raise ValueError(f"form_flags: at most {MAX_FLAGS} flags of up to 80 characters each")
    return flags
