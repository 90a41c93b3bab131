"""TOML text: the one writer reads back through tomllib, and problems keep their lines."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.problems import InputError
from app.domain.toml_text import LineFinder, load_toml, toml_document, toml_value

KEYS = st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True)
SCALARS = st.one_of(
    st.text(st.characters(codec="utf-8")),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.booleans(),
)
TABLES = st.lists(st.dictionaries(KEYS, SCALARS, max_size=5), min_size=1, max_size=3)


@given(st.dictionaries(KEYS, st.one_of(SCALARS, TABLES), max_size=6))
def test_any_document_reads_back(top: dict[str, object]) -> None:
    assert tomllib.loads(toml_document(top)) == top  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('say "hi"', r'"say \"hi\""'),
        ("C:\\temp", r'"C:\\temp"'),
        ("bell\x07", r'"bell\u0007"'),
        ("del\x7f", r'"del\u007F"'),
        ("a\tb\nc\r", r'"a\tb\nc\r"'),
        ("Κάμψεις 💪", '"Κάμψεις 💪"'),
        (90.0, "90"),
        (2.5, "2.5"),
        (1e-05, "1e-05"),
        (True, "true"),
        (12, "12"),
    ],
)
def test_values_are_written_as_toml_would(value: str | float, written: str) -> None:
    assert toml_value(value) == written


def test_scalar_keys_come_before_the_tables_whatever_their_order() -> None:
    text = toml_document({"block": [{"sets": 3}], "title": "T"})
    assert text == 'title = "T"\n\n[[block]]\nsets = 3\n'


def test_a_key_that_needs_quoting_is_refused() -> None:
    with pytest.raises(ValueError, match="bare TOML key"):
        toml_document({"two words": 1})


def test_a_syntax_error_names_its_line() -> None:
    with pytest.raises(InputError) as raised:
        load_toml('title = "x"\nsets = = 3\n')
    assert raised.value.problems[0].line == 2


def test_lines_of_keys_in_arrays_of_tables() -> None:
    finder = LineFinder('title = "x"\n[[block]]\nsets = 1\n[[block]]\nreps = 2\n')
    assert finder.key("title") == 1
    assert finder.key("reps", "block", 1) == 5
    assert finder.key("sets", "block", 1) == 4  # absent: the table's header
    assert finder.table("block", 0) == 2
