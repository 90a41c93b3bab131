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
_SURROGATE = re.compile("[\ud800-\udfff]")
_LONG_NUMBER = re.compile(r"[0-9_]{1000,}")
_KEY = re.compile(r"^\s*[\"']?([A-Za-z0-9_-]+)[\"']?\s*=")


def load_toml(text: str) -> dict[str, Any]:
    """Parse TOML text; a syntax error becomes an InputError with its line."""
    if text.startswith("\ufeff"):
        text = text[1:]
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:
        at = text.count("\n", 0, surrogate.start()) + 1
        raise InputError(Problem("not text: an unpaired surrogate character", at))
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
    except ValueError:
        # Python refuses to read integers of more than 4,300 digits.
        long = _LONG_NUMBER.search(text)
        where = text.count("\n", 0, long.start()) + 1 if long else None
        raise InputError(Problem("a number is far too long to be a value here", where)) from None


class LineFinder:
    """Finds the line of a key, either at the top level or inside the n-th ``[[array]]``.

    The text is scanned once: a plan with 20,000 unknown keys costs one pass, not one per key.
    """

    def __init__(self, text: str) -> None:
        self._keys: dict[tuple[str | None, int, str], int] = {}
        self._headers: dict[tuple[str | None, int], int] = {}
        current: tuple[str | None, int] = (None, 0)
        seen: dict[str, int] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            array = _ARRAY_HEADER.match(line)
            if array:
                name = array.group(1).strip("\"'")
                position = seen.get(name, -1) + 1
                seen[name] = position
                current = (name, position)
                self._headers.setdefault(current, number)
                continue
            plain = _TABLE_HEADER.match(line)
            if plain:
                current = (plain.group(1).strip("\"'"), 0)
                # A problem about the table as a whole (``[block]`` for ``[[block]]``).
                self._keys.setdefault((None, 0, current[0] or ""), number)
                continue
            found = _KEY.match(line)
            if found:
                self._keys.setdefault((*current, found.group(1)), number)

    def key(self, key: str, table: str | None = None, index: int = 0) -> int | None:
        """Line (1-based) of ``key`` in the top level, or in the ``index``-th ``[[table]]``."""
        line = self._keys.get((table, index, key))
        if line is not None or table is None:
            return line
        return self._headers.get((table, index))

    def table(self, table: str, index: int) -> int | None:
        """Line of the ``index``-th ``[[table]]`` header."""
        return self._headers.get((table, index))
