"""Text from files, made safe to print on a terminal.

A plan title is the person's own text, or a stranger's: an escape sequence in it would be
obeyed by the terminal (recolouring it, retitling the window, worse). Printed, every control
character except newline and tab is dropped, and so are the invisible marks that reorder
text (bidirectional overrides).
"""

from __future__ import annotations

import unicodedata

_KEPT = frozenset("\n\t")
_REORDERING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    """``text`` without control characters (newline and tab stay) or reordering marks."""
    return "".join(
        c
        for c in text
        if c in _KEPT or (unicodedata.category(c) not in ("Cc", "Cs") and c not in _REORDERING)
    )
