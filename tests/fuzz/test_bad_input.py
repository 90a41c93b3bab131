"""Bad input everywhere: every file reader accepts or rejects with one-line messages.

Thousands of generated files (garbage bytes, BOMs, CRLF, NaN, huge numbers, deep nesting,
wrong types) go through the same functions the CLI and the GUI use. None may raise, and
every problem must be one ``PATH:LINE: message`` (or ``PATH: message``) line.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.problems import InputError
from app.storage.catalog import Catalog, load_catalog, variation_problems
from app.storage.history_csv import COLUMNS, parse_csv
from app.storage.plan_files import read_plan
from app.storage.text_files import read_text

CATALOG: Catalog = load_catalog()
FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

toml_values = st.recursive(
    st.one_of(
        st.integers(min_value=-(10**20), max_value=10**20).map(str),
        st.sampled_from(
            ["nan", "inf", "-inf", "-0.0", "1e308", "3.5", "true", '""', '"8-12"', '"max"']
        ),
        st.text(max_size=12).map(lambda s: '"' + s.replace("\\", "").replace('"', "") + '"'),
    ),
    lambda inner: st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
    max_leaves=6,
)
plan_keys = st.sampled_from(
    [
        "title",
        "description",
        "count_in_s",
        "variation",
        "sets",
        "reps",
        "tempo",
        "rest_s",
        "box_height_cm",
        "box_height_in",
        "reset_s",
        "ünïcödé",
        "block",
    ]
)


@st.composite
def plan_like(draw: st.DrawFn) -> bytes:
    lines = [f"{draw(plan_keys)} = {draw(toml_values)}" for _ in range(draw(st.integers(0, 4)))]
    for _ in range(draw(st.integers(0, 3))):
        lines.append("[[block]]")
        lines.extend(
            f"{draw(plan_keys)} = {draw(toml_values)}" for _ in range(draw(st.integers(0, 6)))
        )
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    raw = text.encode()
    if draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw
    return raw


garbage = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(str.encode),
    plan_like(),
    st.integers(1, 3000).map(lambda n: b"a = " + b"[" * n + b"]" * n),
    st.integers(1, 3000).map(lambda n: b"a = " + b"{b = " * n + b"1" + b"}" * n),
    st.just(b""),
)

ONE_LINE = re.compile(r"^[^\n]+?(:\d+)?: [^\n]+$")


def assert_one_line_problems(lines: tuple[str, ...] | list[str], path: Path) -> None:
    for line in lines:
        assert line.startswith(str(path)), line
        assert ONE_LINE.match(line), line


def write(raw: bytes, suffix: str) -> Path:
    handle = tempfile.NamedTemporaryFile(delete=False, suffix=suffix)  # noqa: SIM115
    with handle:
        handle.write(raw)
    return Path(handle.name)


@FUZZ
@given(garbage)
def test_plan_files(raw: bytes) -> None:
    path = write(raw, ".toml")
    try:
        plan_file = read_plan(path, CATALOG)
        assert plan_file.ok or plan_file.problems
        assert_one_line_problems(plan_file.problems, path)
    finally:
        path.unlink()


@FUZZ
@given(garbage)
def test_variation_files(raw: bytes) -> None:
    path = write(raw, ".toml")
    try:
        variation, problems = variation_problems(path)
        assert variation is not None or problems
        assert_one_line_problems(problems, path)
    finally:
        path.unlink()


csv_cells = st.one_of(
    st.text(max_size=10),
    st.sampled_from(
        ["nan", "-1", "1e999", "2026-11-22T18:00:00+01:00", "3-1-1-0", "8-12", "max", ""]
    ),
)


@st.composite
def csv_like(draw: st.DrawFn) -> bytes:
    header = ",".join(COLUMNS) if draw(st.booleans()) else draw(st.text(max_size=40))
    rows = [
        ",".join(draw(st.lists(csv_cells, min_size=10, max_size=13)))
        for _ in range(draw(st.integers(0, 5)))
    ]
    newline = "\r\n" if draw(st.booleans()) else "\n"
    return ("\ufeff" if draw(st.booleans()) else "").encode() + newline.join(
        [header, *rows]
    ).encode()


@FUZZ
@given(st.one_of(csv_like(), st.binary(max_size=200)))
def test_csv_imports(raw: bytes) -> None:
    path = write(raw, ".csv")
    try:
        try:
            parse_csv(read_text(path))
        except InputError as error:
            assert_one_line_problems(error.lines(str(path)), path)
    finally:
        path.unlink()


def test_a_missing_or_unreadable_file_is_one_line(tmp_path: Path) -> None:
    plan_file = read_plan(tmp_path / "gone.toml", CATALOG)
    assert plan_file.problems == (
        f"{tmp_path / 'gone.toml'}: cannot read the file: No such file or directory",
    )
    folder_as_file = read_plan(tmp_path, CATALOG)
    assert_one_line_problems(folder_as_file.problems, tmp_path)


def test_deeply_nested_toml_is_rejected_not_crashed(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("title = " + "[" * 5000 + "]" * 5000 + "\n")
    (line,) = read_plan(path, CATALOG).problems
    assert line.startswith(f"{path}")
