"""Fields: typed, range-checked reads from a TOML table; every problem kept, with its line."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.fields import Fields
from app.domain.problems import Problem
from app.domain.toml_text import LineFinder, load_toml

TEXT = """\
title = "  Push day  "
count = 3
ratio = 2.5
flag = true
names = ["a", " b "]
[[block]]
sets = 4
[[block]]
sets = "four"
"""


def fields(text: str = TEXT) -> tuple[Fields, list[Problem]]:
    problems: list[Problem] = []
    return Fields(load_toml(text), LineFinder(text), problems), problems


def block(index: int, text: str = TEXT) -> tuple[Fields, list[Problem]]:
    problems: list[Problem] = []
    data: dict[str, Any] = load_toml(text)["block"][index]
    return Fields(data, LineFinder(text), problems, "block", index), problems


def said(problems: list[Problem]) -> list[tuple[int | None, str]]:
    return [(p.line, p.message) for p in problems]


def test_text_is_stripped_and_checked() -> None:
    top, problems = fields()
    assert top.text("title", required=True, max_len=80) == "Push day"
    assert top.text("title", required=True, max_len=3, default="?") == "?"
    assert top.text("count", required=True, max_len=80) == ""
    assert top.text("missing", required=False, max_len=80, default="none") == "none"
    assert top.text("missing", required=True, max_len=80) == ""
    assert said(problems) == [
        (1, "'title' is 8 characters long; at most 3"),
        (2, "'count' must be text, not a number"),
        (None, "'missing' is required"),
    ]


def test_a_blank_required_text_is_a_problem() -> None:
    top, problems = fields('title = "   "\n')
    assert top.text("title", required=True, max_len=80) == ""
    assert said(problems) == [(1, "'title' must not be empty")]


def test_numbers_in_range_become_floats() -> None:
    top, problems = fields()
    assert top.number("count", low=1, high=5, default=None, integer=True) == 3.0
    assert top.number("ratio", low=0, high=10, default=None) == 2.5
    assert top.number("ratio", low=0, high=10, default=1.0, integer=True) == 1.0
    assert top.number("count", low=4, high=5, default=None) is None
    assert top.number("flag", low=0, high=1, default=0.5) == 0.5
    assert top.number("absent", low=0, high=1, default=0.25) == 0.25
    assert top.number("absent", low=0, high=1, default=None) is None
    assert said(problems) == [
        (3, "'ratio' must be a whole number, not 2.5"),
        (2, "'count' is 3; it must be 4-5"),
        (4, "'flag' must be a number, not true/false"),
        (None, "'absent' is required"),
    ]


@pytest.mark.parametrize("value", ["inf", "nan", "-inf"])
def test_infinite_and_not_a_number_are_out_of_range(value: str) -> None:
    top, problems = fields(f"x = {value}\n")
    assert top.number("x", low=0, high=10, default=None) is None
    assert problems[0].line == 1 and "it must be 0-10" in problems[0].message


def test_text_lists() -> None:
    top, problems = fields()
    assert top.text_list("names", min_items=1, max_items=5, max_len=10) == ["a", "b"]
    assert top.text_list("names", min_items=3, max_items=5, max_len=1) == ["a", "b"]
    assert top.text_list("title", min_items=1, max_items=5, max_len=10) == []
    assert top.text_list("absent", min_items=0, max_items=5, max_len=10) == []
    assert top.text_list("absent", min_items=1, max_items=5, max_len=10) == []
    assert said(problems) == [
        (5, "'names' has 2 entries; it needs 3-5"),
        (5, "'names': an entry is longer than 1 characters"),
        (1, "'title' must be a list of non-empty texts"),
        (None, "'absent' is required"),
    ]


def test_booleans() -> None:
    top, problems = fields()
    assert top.boolean("flag", default=False) is True
    assert top.boolean("absent", default=True) is True
    assert top.boolean("count", default=False) is False
    assert said(problems) == [(2, "'count' must be true or false, not a number")]


def test_parsed_turns_a_value_error_into_a_problem() -> None:
    def even(value: object) -> int:
        if not isinstance(value, int) or value % 2:
            raise ValueError(f"{value!r} is not even")
        return value

    top, problems = fields()
    assert top.parsed("count", even, 0) == 0
    assert top.parsed("absent", even, 2) == 2
    assert top.parsed("absent", even, None) is None
    assert said(problems) == [(2, "3 is not even"), (None, "'absent' is required")]


def test_tables_and_the_problems_inside_them_name_the_block_and_line() -> None:
    top, problems = fields()
    assert [t["sets"] for t in top.tables("block", min_items=1, max_items=5)] == [4, "four"]
    assert top.tables("block", min_items=3, max_items=5) != []
    assert top.tables("block", min_items=1, max_items=1) == [{"sets": 4}]
    assert top.tables("title", min_items=1, max_items=5) == []
    assert top.tables("absent", min_items=0, max_items=5) == []
    assert top.tables("absent", min_items=1, max_items=5) == []
    assert said(problems) == [
        (None, "2 [[block]] tables; expected 3-5"),
        (None, "2 [[block]] tables; expected 1-1"),
        (1, "'title' must be written as [[title]] tables"),
        (None, "at least 1 [[absent]] table(s) required"),
    ]
    second, inside = block(1)
    assert second.number("sets", low=1, high=20, default=None, integer=True) is None
    assert second.line("missing") == 8  # an absent key points at its table's header
    assert said(inside) == [(9, "block 2: 'sets' must be a number, not text")]


def test_unknown_keys_are_each_a_problem_naming_the_choices() -> None:
    top, problems = fields('title = "x"\ntitel = "y"\n')
    assert top.has("titel") and not top.has("colour")
    top.reject_unknown({"title"})
    assert said(problems) == [(2, "unknown key 'titel' (expected one of: title)")]
