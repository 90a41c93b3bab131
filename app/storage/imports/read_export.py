"""One export file read whole and checked: the sets it would add, and what it leaves out.

Nothing is written here. Every row is checked first; the first 100 problems are kept, each
with the line its row starts on. A row of another exercise is only counted.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app.domain.exercise_names import NOT_A_PUSH_UP, ExerciseNames, NameMatch
from app.domain.problems import InputError, Problem
from app.storage.history_csv import COLUMNS, MAX_CSV_BYTES, parse_csv
from app.storage.imports.detect import detect_format, unknown_header_message
from app.storage.imports.export_format import ExportFormat
from app.storage.imports.to_log import LogBuilder
from app.storage.store import ImportedSet
from app.storage.text_files import read_text

if TYPE_CHECKING:
    from _csv import Reader

MAX_EXPORT_BYTES = 512 * 1024 * 1024
MAX_PROBLEMS = 100
OWN_FORMAT = "tempo-trainer"


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What importing a file would do: its format, the sets, and the rows left out."""

    format_id: str
    label: str
    sets: list[ImportedSet]
    skipped: dict[str, int]
    unmatched: dict[str, int]
    by_variation: dict[str, int]
    warm_ups: int
    without_box_height: int


def read_export(
    path: Path, names: ExerciseNames, uses_box: frozenset[str], today: date
) -> ImportPreview:
    """Read and check a whole export; InputError lists the bad rows, and nothing is kept."""
    try:
        size = path.stat().st_size
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise InputError(Problem(f"cannot read the file: {error.strerror or error}")) from None
    if size > MAX_EXPORT_BYTES:
        handle.close()
        raise InputError(Problem(f"the file is larger than {MAX_EXPORT_BYTES // 2**20} MB"))
    with handle:
        first_line = _first_line(handle, path)
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        reader = csv.reader(handle, delimiter=delimiter, strict=True)
        header = [name.strip() for name in _next(reader, path) or []]
        if tuple(header[: len(COLUMNS)]) == COLUMNS:
            return _own_csv(path)
        found = detect_format(header)
        if found is None:
            raise InputError(Problem(unknown_header_message(header, first_line), 1))
        return _read_rows(reader, path, header, found, names=names, uses_box=uses_box, today=today)


def _read_rows(
    reader: Reader,
    path: Path,
    header: list[str],
    found: ExportFormat,
    *,
    names: ExerciseNames,
    uses_box: frozenset[str],
    today: date,
) -> ImportPreview:
    builder = LogBuilder(found.app, today, uses_box)
    skipped: Counter[str] = Counter()
    unmatched: Counter[str] = Counter()
    matches: dict[str, NameMatch] = {}  # an export repeats a few names many times
    problems: list[Problem] = []
    exercise_index = header.index(found.exercise_column)
    for line, raw in _records(reader, path, problems):
        if len(raw) != len(header):
            problems.append(Problem(f"{len(raw)} fields; the header has {len(header)}", line))
        else:
            exercise = raw[exercise_index]
            match = matches.get(exercise)
            if match is None:
                match = matches[exercise] = names.match(exercise)
            if match.skip_reason == NOT_A_PUSH_UP:
                skipped[NOT_A_PUSH_UP] += 1
                continue
            try:
                read = found.read_set(dict(zip(header, raw, strict=True)), line)
                if isinstance(read, str):
                    skipped[read] += 1
                elif match.skip_reason is not None:
                    unmatched[read.exercise] += 1
                else:
                    builder.add(read, match)
            except ValueError as error:
                problems.append(Problem(str(error), line))
        if len(problems) >= MAX_PROBLEMS:
            problems.append(Problem(f"stopped after {MAX_PROBLEMS} problems", line))
            break
    if problems:
        raise InputError(problems)
    return ImportPreview(
        format_id=found.id,
        label=found.label,
        sets=builder.finished_sets(),
        skipped=_by_count(skipped),
        unmatched=_by_count(unmatched),
        by_variation=dict(sorted(builder.by_variation.items())),
        warm_ups=builder.warm_ups,
        without_box_height=builder.without_box_height,
    )


def _by_count(counts: Counter[str]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _records(
    reader: Reader, path: Path, problems: list[Problem]
) -> Iterator[tuple[int, list[str]]]:
    """Each non-blank record with the line it starts on; a broken file ends the reading."""
    while True:
        line = reader.line_num + 1
        try:
            raw = next(reader, None)
        except csv.Error as error:
            problems.append(Problem(_why_unreadable(error), line))
            return
        except UnicodeDecodeError:
            # Text is decoded ahead in chunks: find the line from the bytes themselves.
            problems.append(Problem("not UTF-8 text", _first_undecodable_line(path)))
            return
        if raw is None:
            return
        if any(cell.strip() for cell in raw):
            yield line, raw


def _first_undecodable_line(path: Path) -> int | None:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return None


def _why_unreadable(error: csv.Error) -> str:
    return f"not readable as CSV: {error}"


def _next(reader: Reader, path: Path) -> list[str] | None:
    try:
        return next(reader, None)
    except csv.Error as error:
        raise InputError(Problem(_why_unreadable(error), 1)) from None
    except UnicodeDecodeError:
        raise InputError(Problem("not UTF-8 text", _first_undecodable_line(path))) from None


def _first_line(handle: TextIO, path: Path) -> str:
    try:
        line = handle.readline(100_000)
    except UnicodeDecodeError:
        raise InputError(Problem("not UTF-8 text", _first_undecodable_line(path))) from None
    handle.seek(0)
    return line


def _own_csv(path: Path) -> ImportPreview:
    rows = parse_csv(read_text(path, max_bytes=MAX_CSV_BYTES))
    by_variation = Counter(row.variation for row in rows)
    return ImportPreview(
        format_id=OWN_FORMAT,
        label="Tempo Trainer CSV",
        sets=rows,
        skipped={},
        unmatched={},
        by_variation=dict(sorted(by_variation.items())),
        warm_ups=0,
        without_box_height=0,
    )
