"""Typed, range-checked reads from a parsed TOML table, collecting every problem found."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar

from app.domain.problems import Problem
from app.domain.toml_text import LineFinder

T = TypeVar("T")
_MISSING = object()


class Fields:
    """Reads one table (the top level, or the n-th entry of an array of tables)."""

    def __init__(
        self,
        data: dict[str, Any],
        finder: LineFinder,
        problems: list[Problem],
        table: str | None = None,
        index: int = 0,
    ) -> None:
        self._data = data
        self._finder = finder
        self._problems = problems
        self._table = table
        self._index = index
        self._label = f"{table} {index + 1}: " if table else ""

    def line(self, key: str) -> int | None:
        """The line of ``key`` in this table (or of the table's header when absent)."""
        return self._finder.key(key, self._table, self._index)

    def problem(self, key: str, message: str) -> None:
        """Record a problem about ``key``."""
        self._problems.append(Problem(f"{self._label}{message}", self.line(key)))

    def has(self, key: str) -> bool:
        return key in self._data

    def reject_unknown(self, known: set[str] | frozenset[str]) -> None:
        """Every key not in ``known`` is a problem (a typo must not be silently ignored)."""
        for key in self._data:
            if key not in known:
                choices = ", ".join(sorted(known))
                self.problem(key, f"unknown key {key!r} (expected one of: {choices})")

    def text(self, key: str, *, required: bool, max_len: int, default: str = "") -> str:
        value = self._data.get(key, _MISSING)
        if value is _MISSING:
            if required:
                self.problem(key, f"{key!r} is required")
            return default
        if not isinstance(value, str):
            self.problem(key, f"{key!r} must be text, not {_kind(value)}")
            return default
        stripped: str = value.strip()
        if required and not stripped:
            self.problem(key, f"{key!r} must not be empty")
        elif len(stripped) > max_len:
            self.problem(key, f"{key!r} is {len(stripped)} characters long; at most {max_len}")
            return default
        return stripped

    def number(
        self, key: str, *, low: float, high: float, default: float | None, integer: bool = False
    ) -> float | None:
        """A number in ``[low, high]``; None (with a problem) when absent and required."""
        value = self._data.get(key, _MISSING)
        if value is _MISSING:
            if default is None:
                self.problem(key, f"{key!r} is required")
            return default
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(key, f"{key!r} must be a number, not {_kind(value)}")
            return default
        if integer and not isinstance(value, int):
            self.problem(key, f"{key!r} must be a whole number, not {value!r}")
            return default
        if not math.isfinite(value) or not low <= value <= high:
            self.problem(key, f"{key!r} is {value!r}; it must be {low:g}-{high:g}")
            return default
        return float(value)

    def text_list(self, key: str, *, min_items: int, max_items: int, max_len: int) -> list[str]:
        value = self._data.get(key, _MISSING)
        if value is _MISSING:
            if min_items:
                self.problem(key, f"{key!r} is required")
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(key, f"{key!r} must be a list of non-empty texts")
            return []
        if not min_items <= len(value) <= max_items:
            self.problem(key, f"{key!r} has {len(value)} entries; it needs {min_items}-{max_items}")
        too_long = [v for v in value if len(v) > max_len]
        if too_long:
            self.problem(key, f"{key!r}: an entry is longer than {max_len} characters")
        return [v.strip() for v in value]

    def boolean(self, key: str, *, default: bool) -> bool:
        value = self._data.get(key, _MISSING)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.problem(key, f"{key!r} must be true or false, not {_kind(value)}")
            return default
        return value

    def parsed(self, key: str, parse: Callable[[Any], T], default: T | None) -> T | None:
        """Run ``parse`` on the raw value; a ValueError from it becomes a problem."""
        value = self._data.get(key, _MISSING)
        if value is _MISSING:
            if default is None:
                self.problem(key, f"{key!r} is required")
            return default
        try:
            return parse(value)
        except ValueError as error:
            self.problem(key, str(error))
            return default

    def tables(self, key: str, *, min_items: int, max_items: int) -> list[dict[str, Any]]:
        """An array of tables (``[[key]]``)."""
        value = self._data.get(key, _MISSING)
        if value is _MISSING:
            if min_items:
                self.problem(key, f"at least {min_items} [[{key}]] table(s) required")
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem(key, f"{key!r} must be written as [[{key}]] tables")
            return []
        if not min_items <= len(value) <= max_items:
            self.problem(key, f"{len(value)} [[{key}]] tables; expected {min_items}-{max_items}")
        return value[:max_items]


def _kind(value: object) -> str:
    names = {str: "text", bool: "true/false", int: "a number", float: "a number", list: "a list"}
    return names.get(type(value), "a table" if isinstance(value, dict) else type(value).__name__)
