"""The cue sounds: four tone characters a person can tell apart face-down, made with numpy.

DOMAIN.md section 6: warning tones sit in 500-3000 Hz and a person should not have to tell
more than about four apart by ear. The four characters here are

- **beep**: a plain short tone; the count-in, and doubled as the warning near the end of a rest;
- **click**: a soft, very short tap; the tick every second of a slow lowering (Repp 2010:
  counting along keeps a long phase honest);
- **tone**: a held tone whose pitch says where you are; high and bright for "lower", low for
  the hold at the bottom, a short middle one for the pause at the top;
- **figure**: a few notes in a row; rising for "push" (and, slower, for an assisted reset),
  falling for "set done", rising to a long last note for "session done".

Every note starts and ends on a raised-cosine ramp, so no sound clicks at its edges; every
sound is normalised to the same loudness (the tick deliberately quieter) with headroom, so a
few overlapping sounds never clip. Sounds are described as notes (``SOUND_NOTES``) so that
tests and the real-audio check know each note's pitch and onset, and rendered at any rate.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from app.domain.timeline import CueKind

Samples = npt.NDArray[np.float32]

ATTACK_S = 0.005
RELEASE_S = 0.012
LOUDNESS_WINDOW_S = 0.05
TARGET_RMS = 0.2
"""RMS of the loudest 50 ms of each sound at full volume (a sine peaking at about 0.28)."""
MAX_PEAK = 0.5
"""No single sound peaks above this, leaving headroom for two that overlap."""


class Character(StrEnum):
    """The kinds of sound a person tells apart by ear."""

    BEEP = "beep"
    CLICK = "click"
    TONE = "tone"
    FIGURE = "figure"


@dataclass(frozen=True, slots=True)
class Note:
    """One tone of a sound: ``start_s`` after the cue, at ``freq_hz``, for ``duration_s``.

    ``decay_s`` > 0 makes it percussive (an exponential fade with that time constant);
    ``overtone`` adds that much of the second harmonic for a brighter colour.
    """

    start_s: float
    freq_hz: float
    duration_s: float
    decay_s: float = 0.0
    overtone: float = 0.0


@dataclass(frozen=True, slots=True)
class SoundSpec:
    """A cue's sound: its character, its notes and its level relative to the others (dB)."""

    character: Character
    notes: tuple[Note, ...]
    level_db: float = 0.0

    @property
    def duration_s(self) -> float:
        return max(note.start_s + note.duration_s for note in self.notes)


_LOW = 560.0
_PUSH_1, _PUSH_2 = 660.0, 990.0
_BEEP = 880.0
_TOP = 1180.0
_DONE_1, _DONE_2, _DONE_3 = 1760.0, 1320.0, 990.0
_LOWER = 1480.0
_TICK = 2350.0

SOUND_SPECS: Mapping[CueKind, SoundSpec] = {
    CueKind.COUNT: SoundSpec(Character.BEEP, (Note(0.0, _BEEP, 0.09),)),
    CueKind.REST_WARNING: SoundSpec(
        Character.BEEP, (Note(0.0, _BEEP, 0.09), Note(0.18, _BEEP, 0.09))
    ),
    CueKind.TICK: SoundSpec(Character.CLICK, (Note(0.0, _TICK, 0.03, decay_s=0.008),), -8.0),
    CueKind.ECCENTRIC: SoundSpec(Character.TONE, (Note(0.0, _LOWER, 0.2, overtone=0.25),)),
    CueKind.BOTTOM: SoundSpec(Character.TONE, (Note(0.0, _LOW, 0.22),)),
    CueKind.TOP: SoundSpec(Character.TONE, (Note(0.0, _TOP, 0.07),), -3.0),
    CueKind.CONCENTRIC: SoundSpec(
        Character.FIGURE, (Note(0.0, _PUSH_1, 0.08), Note(0.09, _PUSH_2, 0.1))
    ),
    CueKind.RESET: SoundSpec(
        Character.FIGURE, (Note(0.0, _PUSH_1, 0.14), Note(0.16, _PUSH_2, 0.18))
    ),
    CueKind.SET_END: SoundSpec(
        Character.FIGURE,
        (Note(0.0, _DONE_1, 0.11), Note(0.13, _DONE_2, 0.11), Note(0.26, _DONE_3, 0.16)),
    ),
    CueKind.SESSION_END: SoundSpec(
        Character.FIGURE,
        (Note(0.0, _DONE_3, 0.12), Note(0.14, _DONE_2, 0.12), Note(0.28, _DONE_1, 0.4)),
    ),
}


def render_spec(spec: SoundSpec, rate: int) -> Samples:
    """The sound at ``rate`` frames per second, mono float32, normalised (see module doc)."""
    if rate < 8000:
        raise ValueError(f"sample rate {rate} is too low for these sounds")
    total = round(spec.duration_s * rate) + 1
    out = np.zeros(total, dtype=np.float64)
    for note in spec.notes:
        start = round(note.start_s * rate)
        tone = _note(note, rate)
        out[start : start + len(tone)] += tone
    scale = TARGET_RMS / _loudest_rms(out, rate) * 10 ** (spec.level_db / 20)
    out *= scale
    peak = float(np.max(np.abs(out)))
    if peak > MAX_PEAK:
        out *= MAX_PEAK / peak
    return out.astype(np.float32)


def cue_sounds(rate: int) -> dict[CueKind, Samples]:
    """Every cue's sound at ``rate``."""
    return {kind: render_spec(SOUND_SPECS[kind], rate) for kind in CueKind}


def _note(note: Note, rate: int) -> npt.NDArray[np.float64]:
    n = max(2, round(note.duration_s * rate))
    t = np.arange(n, dtype=np.float64) / rate
    wave = np.sin(2 * math.pi * note.freq_hz * t)
    if note.overtone:
        wave += note.overtone * np.sin(2 * math.pi * 2 * note.freq_hz * t)
    envelope = np.ones(n, dtype=np.float64)
    if note.decay_s > 0:
        envelope *= np.exp(-t / note.decay_s)
    attack = min(n // 2, max(1, round(ATTACK_S * rate)))
    release = min(n - attack, max(1, round(RELEASE_S * rate)))
    # Raised-cosine ramps: 0 at the very first and last sample, smooth into the body.
    envelope[:attack] *= 0.5 - 0.5 * np.cos(math.pi * np.arange(attack) / attack)
    envelope[n - release :] *= 0.5 - 0.5 * np.cos(
        math.pi * (np.arange(release, 0, -1) - 1) / release
    )
    return wave * envelope


def _loudest_rms(samples: npt.NDArray[np.float64], rate: int) -> float:
    window = max(1, min(len(samples), round(LOUDNESS_WINDOW_S * rate)))
    power = np.convolve(samples**2, np.ones(window) / window, mode="valid")
    return math.sqrt(float(np.max(power)))
