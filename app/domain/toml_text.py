"""Read TOML text and point problems at the line they are on.

``tomllib`` gives no positions for keys, so problems found after parsing are located by a
light scan of the text: enough to say ``plan.toml:12: sets must be 1-20``.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from app.domain.problems import InputError, Problem

_DECODE_POSITION = re.compile(r"\(at line (\d+), column \d+\)")
_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\"'-]+?)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\"'-]+?)\s*\]")
_KEY = re.compile(r"^\s*[\"']?([A-Za-z0-9_-]+)[\"']?\s*=")


def load_toml(text: str) -> dict[str, Any]:
    """Parse TOML text; a syntax error becomes an InputError with its line."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _DECODE_POSITION.search(message)
        line = int(match.group(1)) if match else None
        reason = _DECODE_POSITION.sub("", message).strip() or "not valid TOML"
        raise InputError(Problem(f"not valid TOML: {reason}", line)) from None
    except RecursionError:
        raise InputError(Problem("not valid TOML: nested too deeply")) from None


class LineFinder:
    """Finds the line of a key, either at the top level or inside the n-th ``[[array]]``."""

    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()

    def key(self, key: str, table: str | None = None, index: int = 0) -> int | None:
        """Line (1-based) of ``key`` in the top level, or in the ``index``-th ``[[table]]``."""
        current: tuple[str | None, int] = (None, 0)
        seen: dict[str, int] = {}
        header_line: int | None = None
        for number, line in enumerate(self._lines, start=1):
            array = _ARRAY_HEADER.match(line)
            if array:
                name = array.group(1).strip("\"'")
                position = seen.get(name, -1) + 1
                seen[name] = position
                current = (name, position)
                if current == (table, index):
                    header_line = number
                continue
            plain = _TABLE_HEADER.match(line)
            if plain:
                current = (plain.group(1).strip("\"'"), 0)
                continue
            found = _KEY.match(line)
            if found and found.group(1) == key and current == (table, index):
                return number
        return header_line

    def table(self, table: str, index: int) -> int | None:
        """Line of the ``index``-th ``[[table]]`` header."""
        count = -1
        for number, line in enumerate(self._lines, start=1):
            array = _ARRAY_HEADER.match(line)
            if array and array.group(1).strip("\"'") == table:
                count += 1
                if count == index:
                    return number
        return None
