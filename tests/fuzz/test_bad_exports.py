"""Other apps' exports, damaged in every way: read, or refused with one-line messages.

Each generated file starts with a real header of one of the formats read (or none), then
rows whose cells are drawn from numbers, dates in every form, set kinds, odd text, quotes,
NUL bytes and invalid UTF-8, with mixed line endings. The importer may accept a file or
refuse it, but only ever with ``PATH:LINE: message`` lines, and never raise anything else.
"""

from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.problems import InputError
from app.storage.imports.names_file import load_exercise_names
from app.storage.imports.read_export import read_export
from tests.unit.storage.imports import exports

NAMES = load_exercise_names()
USES_BOX = frozenset({"hands-elevated-push-up"})
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEADERS = [
    text.splitlines()[0]
    for text in (
        exports.STRONG_CLASSIC,
        exports.STRONG_10,
        exports.STRONG_V6,
        exports.HEVY_KG,
        exports.HEVY_US_LBS,
        exports.FITNOTES_LBS,
        exports.FITNOTES_UNIT,
        exports.FITBOD,
    )
] + ["", "a,b,c"]
cells = st.one_of(
    st.sampled_from(
        [
            "Push Up",
            "Incline Push Ups",
            "Pushups",
            "Kneeling Push Up",
            "Pike Push Up",
            "W",
            "F",
            "D",
            "Rest Timer",
            "Note",
            "warmup",
            "failure",
            "normal",
            "true",
            "1.0",
            "lbs",
            "kgs",
            " 14",
            "12.0",
            "-3",
            "1e308",
            "nan",
            "inf",
            "",
            "2025-08-26 10:44:22",
            "1969-12-31",
            "2999-01-01 00:00:00 +0000",
            "28 Jan 2026, 17:26",
            "Sep 23, 2025, 13:26 PM",
            "2022-01-05 22:06:49 +9999",
            '"quoted, with comma"',
            '"unclosed',
            "\x00",
        ]
    ),
    st.text(max_size=8),
)


@st.composite
def export_like(draw: st.DrawFn) -> bytes:
    header = draw(st.sampled_from(HEADERS))
    width = max(1, header.count(",") + 1, header.count(";") + 1)
    delimiter = ";" if header.count(";") > header.count(",") else ","
    lines = [header]
    for _ in range(draw(st.integers(0, 6))):
        size = draw(st.sampled_from([width, width, width - 1, width + 1]))
        lines.append(delimiter.join(draw(cells) for _ in range(max(size, 1))))
    endings = draw(st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=len(lines)))
    text = "".join(line + end for line, end in zip(lines, endings, strict=False))
    raw = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        raw = raw[: draw(st.integers(0, len(raw)))]
    if draw(st.integers(0, 9)) == 0:
        raw += b"\xff\xfe"
    return raw


FIXTURES = [
    exports.STRONG_CLASSIC,
    exports.STRONG_10,
    exports.STRONG_V6,
    exports.HEVY_KG,
    exports.HEVY_US_LBS,
    exports.FITNOTES_LBS,
    exports.FITNOTES_UNIT,
    exports.FITBOD,
]


@st.composite
def damaged_fixture(draw: st.DrawFn) -> bytes:
    """A good export with a few cells of its rows replaced, so rows get deep into reading."""
    lines = draw(st.sampled_from(FIXTURES)).split("\n")
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    for _ in range(draw(st.integers(1, 3))):
        row = draw(st.integers(1, len(lines) - 1))
        fields = lines[row].split(delimiter)
        fields[draw(st.integers(0, len(fields) - 1))] = draw(cells)
        lines[row] = delimiter.join(fields)
    return "\n".join(lines).encode("utf-8", "surrogatepass")


LINE = re.compile(r"^export\.csv(:\d+)?: \S.*$")


@FUZZ
@given(st.one_of(export_like(), damaged_fixture()))
def test_any_export_is_read_or_refused_line_by_line(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        path.write_bytes(raw)
        try:
            found = read_export(path, NAMES, USES_BOX, date(2026, 6, 30))
        except InputError as error:
            for line in error.lines("export.csv"):
                assert LINE.match(line), line
                assert "\n" not in line
            return
    for imported in found.sets:
        assert 0 <= imported.reps <= 1000
        assert imported.variation in found.by_variation
