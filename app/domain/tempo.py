"""Tempo notation: eccentric - bottom pause - concentric - top pause, in seconds.

``3-1-1-0`` means 3 s down, 1 s hold at the bottom, 1 s up, no pause at the top. The
concentric field may be ``X`` (as fast as possible, scheduled as 1 s) or ``R`` (an assisted
reset, as in a negative: the person gets back up with help, scheduled as the block's
``reset_s``). The compact form ``3110`` is accepted when every field is one character.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

MAX_FIELD_S = 30.0
EXPLOSIVE_S = 1.0
FIELD_NAMES = ("eccentric", "bottom pause", "concentric", "top pause")
_NUMBER = re.compile(r"\d+(\.\d+)?|\.\d+")


class TempoError(ValueError):
    """A tempo string that cannot be read; the message says what and where."""


class Concentric(StrEnum):
    """How the way back up is done."""

    TIMED = "timed"
    EXPLOSIVE = "explosive"
    RESET = "reset"


@dataclass(frozen=True, slots=True)
class Tempo:
    """Seconds for each phase of one rep."""

    eccentric_s: float
    bottom_s: float
    concentric_s: float
    top_s: float
    concentric: Concentric = Concentric.TIMED

    def rep_duration_s(self, reset_s: float) -> float:
        """How long one rep lasts when an R phase takes ``reset_s``."""
        return self.eccentric_s + self.bottom_s + self.concentric_duration_s(reset_s) + self.top_s

    def concentric_duration_s(self, reset_s: float) -> float:
        """The scheduled length of the way back up."""
        if self.concentric is Concentric.EXPLOSIVE:
            return EXPLOSIVE_S
        if self.concentric is Concentric.RESET:
            return reset_s
        return self.concentric_s

    def __str__(self) -> str:
        if self.concentric is Concentric.EXPLOSIVE:
            up = "X"
        elif self.concentric is Concentric.RESET:
            up = "R"
        else:
            up = _format_seconds(self.concentric_s)
        fields = (_format_seconds(self.eccentric_s), _format_seconds(self.bottom_s), up)
        return "-".join((*fields, _format_seconds(self.top_s)))


def _format_seconds(value: float) -> str:
    """Plain decimals that read back as the same value: ``0.00001``, never ``1e-05``."""
    if value == int(value):
        return str(int(value))
    text = format(Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def parse_tempo(text: str) -> Tempo:
    """Read ``E-B-C-T`` (or compact ``EBCT``); raise TempoError saying what is wrong and where."""
    if not isinstance(text, str):
        raise TempoError(f"tempo must be text like '3-1-1-0', not {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise TempoError("tempo is empty; write it like '3-1-1-0'")
    if "-" in stripped:
        fields = stripped.split("-")
    elif len(stripped) == 4:
        fields = list(stripped)
    else:
        raise TempoError(
            f"tempo {stripped!r} needs four fields separated by '-', like '3-1-1-0' "
            "(the compact form '3110' only works when every field is one character)"
        )
    if len(fields) != 4:
        raise TempoError(
            f"tempo {stripped!r} has {len(fields)} field(s); it needs four: "
            "eccentric-bottom-concentric-top, like '3-1-1-0'"
        )
    values: list[float] = []
    concentric = Concentric.TIMED
    for index, raw in enumerate(fields):
        name = FIELD_NAMES[index]
        field = raw.strip()
        if index == 2 and field.upper() in ("X", "R"):
            concentric = Concentric.EXPLOSIVE if field.upper() == "X" else Concentric.RESET
            values.append(0.0)
            continue
        if not _NUMBER.fullmatch(field):
            hint = " (only the concentric field may be X or R)" if field.upper() in "XR" else ""
            raise TempoError(
                f"tempo {stripped!r}: field {index + 1} ({name}) is {field!r}, "
                f"not a number of seconds{hint}"
            )
        seconds = float(field)
        if not math.isfinite(seconds) or seconds > MAX_FIELD_S:
            raise TempoError(
                f"tempo {stripped!r}: field {index + 1} ({name}) is {field} s; "
                f"each field must be 0-{MAX_FIELD_S:g} s"
            )
        values.append(seconds)
    tempo = Tempo(values[0], values[1], values[2], values[3], concentric)
    if concentric is Concentric.TIMED and sum(values) <= 0:
        raise TempoError(f"tempo {stripped!r}: a rep must take some time; all four fields are 0")
    return tempo
