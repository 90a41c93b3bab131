"""Which form cue to show: one per rep, rotating, so the words change as the body tires."""

from __future__ import annotations

from collections.abc import Sequence


def form_cue(cues: Sequence[str], set_index: int, rep: int | None) -> str:
    """The cue for ``rep`` (1-based) of set ``set_index``; the count-in shows the first one.

    Each set starts one cue further on, so short sets still see every cue over a session.
    """
    if not cues:
        return ""
    step = 0 if rep is None else rep - 1
    return cues[(set_index + step) % len(cues)]
