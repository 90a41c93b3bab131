"""The line of a problem in a backup's text: a top-level key, an item of it, a plan by name."""

from __future__ import annotations

from app.storage.backup_lines import ProblemLines

TEXT = """{
 "format": 1,
 "sessions": [
  {"id": 1},
  {"id": 2}
 ],
 "plans": {
  "a.toml": "x",
  "b.toml": "y"
 },
 "sets": []
}
"""


def test_keys_items_and_plans_have_their_lines() -> None:
    lines = ProblemLines(TEXT)
    assert lines.of(("format", None)) == 2
    assert lines.of(("sessions", 2)) == 5
    assert lines.of(("plans", "b.toml")) == 9
    assert lines.of(("sets", None)) == 11


def test_an_unknown_place_falls_back_to_its_key_then_to_line_1() -> None:
    lines = ProblemLines(TEXT)
    assert lines.of(("sessions", 9)) == 3
    assert lines.of(("nowhere", None)) == 1
    assert ProblemLines("[1, 2]").of(("sets", 1)) == 1
    assert ProblemLines('{"sets": [').of(("sets", 1)) == 1  # cut short: never an error
