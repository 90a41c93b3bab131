"""A tempo said in words, for the line under every tempo the screens show."""

from __future__ import annotations

from app.domain.tempo import Concentric, Tempo


def _seconds(value: float) -> str:
    return f"{int(value)} s" if value == int(value) else f"{value:g} s"


def tempo_words(tempo: Tempo) -> str:
    """``4-1-R-0`` -> "4-1-R-0: 4 s down, 1 s hold, assisted return"."""
    parts = [f"{_seconds(tempo.eccentric_s)} down"]
    if tempo.bottom_s:
        parts.append(f"{_seconds(tempo.bottom_s)} hold")
    if tempo.concentric is Concentric.EXPLOSIVE:
        parts.append("up as fast as you can")
    elif tempo.concentric is Concentric.RESET:
        parts.append("assisted return")
    else:
        parts.append(f"{_seconds(tempo.concentric_s)} up")
    if tempo.top_s:
        parts.append(f"{_seconds(tempo.top_s)} rest at the top")
    return f"{tempo}: {', '.join(parts)}"
