"""What a set is for: a warm-up, the work itself, or a cool-down.

Only work sets are evidence for the coach; warm-up and cool-down sets are logged and shown,
but never move the advice. Plans say it per block (``role = "warm-up"``), the log keeps it
per set, and the history CSV carries it in its ``role`` column.
"""

from __future__ import annotations

from enum import StrEnum


class SetRole(StrEnum):
    """The role of a block's sets; ``work`` when a plan or file does not say."""

    WARM_UP = "warm-up"
    WORK = "work"
    COOL_DOWN = "cool-down"


ROLE_NAMES = tuple(role.value for role in SetRole)


def parse_role(text: str) -> SetRole:
    """``warm-up``, ``work`` or ``cool-down`` (blank: work); ValueError names the choices."""
    stripped = text.strip().lower()
    if not stripped:
        return SetRole.WORK
    try:
        return SetRole(stripped)
    except ValueError:
        raise ValueError(f"role {text!r} must be one of {', '.join(ROLE_NAMES)}") from None
