"""Choosing the sound output at start-up: the one asked for, else the next that works.

The order is qt (one persistent stream; the default), simpleaudio (Python 3.11 only), then
none. Exactly one log line says which output was chosen and why; when the one asked for could
not be opened, the returned output's ``notice`` tells the person once.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.audio.output import AudioUnavailableError, CueOutput, SilentOutput

if TYPE_CHECKING:
    from app.audio.voice import Voice  # numpy: loaded only with an output that plays

log = logging.getLogger(__name__)

OUTPUT_NAMES = ("qt", "simpleaudio", "none")
DEFAULT_OUTPUT = "qt"


def open_output(
    name: str | None,
    *,
    clock: Callable[[], float] = time.monotonic,
    voice: Voice | None = None,
) -> CueOutput:
    """Open ``name`` ("qt", "simpleaudio", "none"; None = the default), falling back in order.

    ``voice``: the spoken words to mix over the cues (app.audio.voice), or None for none.

    Never raises for a missing or broken device: the worst case is a SilentOutput whose
    ``notice`` says that the session runs without sound and why.
    """
    wanted = name or DEFAULT_OUTPUT
    if wanted not in OUTPUT_NAMES:
        raise ValueError(f"unknown sound output {name!r} (choose from {', '.join(OUTPUT_NAMES)})")
    if wanted == "none":
        log.info("sound output: none (asked for)")
        return SilentOutput(clock)
    order = [wanted] + [n for n in OUTPUT_NAMES[:-1] if n != wanted]
    failures: list[str] = []
    for candidate in order:
        try:
            output = _open(candidate, voice)
        except AudioUnavailableError as error:
            failures.append(f"{candidate}: {error}")
            continue
        why = "asked for" if candidate == wanted else f"{wanted} failed ({'; '.join(failures)})"
        if candidate == wanted:
            log.info("sound output: %s (%s)", candidate, why)
        else:
            log.warning("sound output: %s, because %s", candidate, why)
            output_notice = f"Sound plays through {candidate}: {wanted} could not be opened."
            if getattr(output, "notice", None) is None:
                output.notice = output_notice  # type: ignore[attr-defined]
        return output
    reasons = "; ".join(failures)
    log.warning("sound output: none, because no output could be opened (%s)", reasons)
    return SilentOutput(
        clock,
        notice=f"No sound device could be opened ({reasons}). Follow the screen instead.",
    )


def _open(name: str, voice: Voice | None) -> CueOutput:
    if name == "qt":
        return _open_qt(voice)
    if name == "simpleaudio":
        if sys.version_info >= (3, 12):
            raise AudioUnavailableError("not used on Python 3.12 and later (it crashes there)")
        from app.audio.simpleaudio_output import SimpleaudioOutput

        return SimpleaudioOutput(voice=voice)
    raise AssertionError(name)


def _open_qt(voice: Voice | None) -> CueOutput:
    try:
        from PySide6.QtCore import QCoreApplication

        from app.audio.qt_output import QtOutput
    except ImportError as error:
        raise AudioUnavailableError(f"Qt Multimedia cannot be loaded ({error})") from None
    if QCoreApplication.instance() is None:
        raise AudioUnavailableError("no Qt application is running")
    return QtOutput(voice=voice)
