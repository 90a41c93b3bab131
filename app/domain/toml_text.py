"""Read TOML text and point problems at the line they are on; write it back.

``tomllib`` gives no positions for keys, so problems found after parsing are located by a
light scan of the text: enough to say ``plan.toml:12: sets must be 1-20``. ``toml_document``
is the one writer of the TOML the app makes (plans it writes for the log, quick sessions).
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping, Sequence
from typing import Any

from app.domain.problems import InputError, Problem

_DECODE_POSITION = re.compile(r"\(at line (\d+), column \d+\)")
_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\"'-]+?)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\"'-]+?)\s*\]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LONG_NUMBER = re.compile(r"[0-9_]{1000,}")
_KEY = re.compile(r"^\s*[\"']?([A-Za-z0-9_-]+)[\"']?\s*=")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
# A basic string holds any character but these: the quote and backslash are escaped, and
# every control character (U+0000-U+001F, U+007F) too, which TOML forbids raw.
_SHORT_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}
_STRING_ESCAPES = {code: f"\\u{code:04X}" for code in (*range(0x20), 0x7F)} | {
    ord(char): escape for char, escape in _SHORT_ESCAPES.items()
}

Scalar = str | int | float | bool
Table = Mapping[str, Scalar]


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


def toml_document(top: Mapping[str, Scalar | Sequence[Table]]) -> str:
    """TOML text of ``top``: its scalar keys first, then each list as ``[[key]]`` tables.

    ``tomllib.loads`` of the text gives ``top`` back (lists as lists of dicts), whatever the
    strings hold: quotes, backslashes, control characters, any script.
    """
    lines = [_key_value(k, v) for k, v in top.items() if isinstance(v, str | int | float)]
    for key, tables in top.items():
        if not isinstance(tables, str | int | float):
            for table in tables:
                lines += ["", f"[[{_bare(key)}]]"]
                lines += [_key_value(k, v) for k, v in table.items()]
    return "\n".join(lines) + "\n"


def toml_value(value: Scalar) -> str:
    """A TOML string, integer, float or boolean that reads back as ``value``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
        # A whole number reads best as one (``rest_s = 90``); the reader takes it as 90.0.
        return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    return f'"{value.translate(_STRING_ESCAPES)}"'


def _key_value(key: str, value: Scalar) -> str:
    return f"{_bare(key)} = {toml_value(value)}"


def _bare(key: str) -> str:
    if not _BARE_KEY.fullmatch(key):
        raise ValueError(f"{key!r} is not a bare TOML key")
    return key
