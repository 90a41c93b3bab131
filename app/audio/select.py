"""Choosing the sound output at start-up: the one asked for, else the next that works.

The default is pulse on Linux (one libpulse stream a second deep, rewritten in place at each
change; PulseAudio or PipeWire's pulse layer) and qt elsewhere (one persistent Qt stream);
then the others in the order qt, pulse, simpleaudio, none. The default falling back to qt
(no pulse server, e.g. bare ALSA) is logged, not said: the sound plays as well. simpleaudio is
an optional extra (``pip install 'tempo-trainer[simpleaudio]'``, Python 3.11 only) because it
ships no wheels: installing it needs a C compiler. Exactly one log line says which output was
chosen and why; when the one asked for could not be opened, the returned output's ``notice``
tells the person once, in one line that says why (and, for a missing extra, how to add it).
"""

from __future__ import annotations

import importlib.util
import logging
import sys
import time
from collections.abc import Callable
from importlib.machinery import ModuleSpec
from typing import TYPE_CHECKING

from app.audio.output import AudioUnavailableError, CueOutput, SilentOutput

if TYPE_CHECKING:
    from app.audio.voice import Voice  # numpy: loaded only with an output that plays

log = logging.getLogger(__name__)

OUTPUT_NAMES = ("qt", "pulse", "simpleaudio", "none")
DEFAULT_OUTPUT = "pulse" if sys.platform.startswith("linux") else "qt"
SIMPLEAUDIO_EXTRA = "pip install 'tempo-trainer[simpleaudio]'"


def simpleaudio_missing(
    find_spec: Callable[[str], ModuleSpec | None] = importlib.util.find_spec,
    version: tuple[int, int] = (sys.version_info.major, sys.version_info.minor),
) -> str | None:
    """Why simpleaudio cannot be used here (and how to add it), or None when it is installed.

    Looks for the module without importing it: on Python 3.12 and later importing it is
    never tried at all (it crashes there).
    """
    if version >= (3, 12):
        return (
            "simpleaudio works on Python 3.11 only (it crashes on 3.12 and later);"
            " pulse or qt is the output to use here"
        )
    try:
        found = find_spec("simpleaudio")
    except (ImportError, ValueError):
        found = None
    if found is None:
        return (
            f"simpleaudio is not installed; to add it: {SIMPLEAUDIO_EXTRA}"
            " (needs a C compiler and, on Linux, the ALSA headers)"
        )
    return None


def open_output(
    name: str | None,
    *,
    clock: Callable[[], float] = time.monotonic,
    voice: Voice | None = None,
) -> CueOutput:
    """Open ``name`` ("qt", "pulse", "simpleaudio", "none"; None = the default), falling back
    in order.

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
    wanted_failure = ""
    for candidate in order:
        try:
            output = _open(candidate, voice)
        except AudioUnavailableError as error:
            failures.append(f"{candidate}: {error}")
            wanted_failure = wanted_failure or str(error)
            continue
        why = "asked for" if candidate == wanted else f"{wanted} failed ({'; '.join(failures)})"
        if candidate == wanted:
            log.info("sound output: %s (%s)", candidate, why)
        elif name is None and candidate == "qt":
            log.info("sound output: qt, because the default %s failed (%s)", wanted, failures[0])
        else:
            log.warning("sound output: %s, because %s", candidate, why)
            output_notice = (
                f"Sound plays through {candidate}: {_cannot_open(wanted, wanted_failure)}."
            )
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
    if name == "pulse":
        from app.audio.pulse_output import PulseOutput

        return PulseOutput(voice=voice)
    if name == "simpleaudio":
        if missing := simpleaudio_missing():
            raise AudioUnavailableError(missing)
        from app.audio.simpleaudio_output import SimpleaudioOutput

        return SimpleaudioOutput(voice=voice)
    raise AssertionError(name)


def _cannot_open(name: str, why: str) -> str:
    """The reason an output failed, as said to the person: it starts with the output's name."""
    return why if why.startswith(name) else f"{name} could not be opened ({why})"


def _open_qt(voice: Voice | None) -> CueOutput:
    try:
        from PySide6.QtCore import QCoreApplication

        from app.audio.qt_output import QtOutput
    except ImportError as error:
        raise AudioUnavailableError(f"Qt Multimedia cannot be loaded ({error})") from None
    if QCoreApplication.instance() is None:
        raise AudioUnavailableError("no Qt application is running")
    return QtOutput(voice=voice)
