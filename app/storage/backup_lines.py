"""Where in a backup's text a problem is: the line a top-level key's value, or an item, starts."""

from __future__ import annotations

import bisect
import contextlib
import json

Where = tuple[str, int | str | None]
"""Where a problem is: a top-level key, and an item of it (a 1-based index or a plan name)."""


class ProblemLines:
    """Finds the line where a top-level key's value, or one of its items, starts.

    Only used on text ``json.loads`` has accepted; anything unexpected gives line 1.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.newlines = [i for i, c in enumerate(text) if c == "\n"]
        self.found: dict[Where, int] = {}
        with contextlib.suppress(ValueError, IndexError):
            self._scan()

    def of(self, where: Where) -> int:
        return self.found.get(where) or self.found.get((where[0], None)) or 1

    def _line(self, position: int) -> int:
        return bisect.bisect_right(self.newlines, position - 1) + 1

    def _skip(self, position: int) -> int:
        while self.text[position] in " \t\r\n":
            position += 1
        return position

    def _scan(self) -> None:
        text, decoder = self.text, json.JSONDecoder()
        i = self._skip(0)
        if text[i] != "{":
            return
        i = self._skip(i + 1)
        while text[i] == '"':
            key, i = decoder.raw_decode(text, i)
            i = self._skip(self._skip(i) + 1)  # past the colon
            self.found[(key, None)] = self._line(i)
            if key in ("sessions", "sets") and text[i] == "[":
                i = self._items(key, i, decoder)
            elif key == "plans" and text[i] == "{":
                i = self._plans(i, decoder)
            else:
                i = decoder.raw_decode(text, i)[1]
            i = self._skip(i)
            if text[i] == ",":
                i = self._skip(i + 1)

    def _items(self, key: str, i: int, decoder: json.JSONDecoder) -> int:
        i = self._skip(i + 1)
        index = 1
        while self.text[i] != "]":
            self.found[(key, index)] = self._line(i)
            i = self._skip(decoder.raw_decode(self.text, i)[1])
            if self.text[i] == ",":
                i = self._skip(i + 1)
            index += 1
        return i + 1

    def _plans(self, i: int, decoder: json.JSONDecoder) -> int:
        i = self._skip(i + 1)
        while self.text[i] == '"':
            name, end = decoder.raw_decode(self.text, i)
            self.found[("plans", name)] = self._line(i)
            i = self._skip(self._skip(end) + 1)
            i = self._skip(decoder.raw_decode(self.text, i)[1])
            if self.text[i] == ",":
                i = self._skip(i + 1)
        return i + 1
