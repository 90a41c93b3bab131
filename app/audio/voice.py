"""Spoken counts and phase words, mixed over the cue sounds when the person asks for them.

The words are small WAV files made once by scripts/make_voice_counts.py (espeak-ng and sox)
and shipped under resources/voice/. They are read here with the standard library's ``wave``,
levelled like the cue sounds and resampled to the output's rate. ``spoken_words`` decides
what is said at which cue, from the schedule alone, so the mixer stays pure:

- the count-in counts down ("three", "two", "one");
- a phase says its word ("lower", "hold", "push", "reset"), and each tick of a slow phase
  counts on from it ("lower", "two", "three", "four"): counting along keeps it honest;
- the end of a set says "rest".

The pause at the top, the end of the session and the rest warning keep their sounds only.
"""

from __future__ import annotations

import math
import wave
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.audio.sounds import MAX_PEAK, TARGET_RMS, Samples
from app.domain.phase_words import phase_words
from app.domain.stage import Stage
from app.domain.timeline import CueKind

VOICE_RATE = 16000
"""The rate the words are stored at: enough for speech, and small."""
NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
PHASE_WORDS: Mapping[CueKind, str] = {
    kind: phase_words(stage).spoken
    for kind, stage in (
        (CueKind.ECCENTRIC, Stage.ECCENTRIC),
        (CueKind.BOTTOM, Stage.BOTTOM),
        (CueKind.CONCENTRIC, Stage.CONCENTRIC),
        (CueKind.RESET, Stage.RESET),
        (CueKind.SET_END, Stage.REST),
    )
}
"""Said at a phase's cue ("lower", ...) and at a set's end ("rest"): the stage words' own."""
WORDS = NUMBERS + tuple(dict.fromkeys(PHASE_WORDS.values()))
MAX_WORD_S = 0.9
"""No word may last longer than this: a tick comes every second."""
LEVEL_DB = -4.0
"""Speech sits a little under the tones, which carry the timing."""


class VoiceError(RuntimeError):
    """A word's file is missing or not a small mono 16-bit WAV; the message says which."""


@dataclass(frozen=True, slots=True)
class Voice:
    """Every word's samples at ``rate``, levelled (see the module docstring)."""

    rate: int
    words: Mapping[str, Samples]

    def at_rate(self, rate: int) -> dict[str, Samples]:
        """Every word resampled to ``rate`` (linear interpolation: speech has no highs here)."""
        return {word: resample(samples, self.rate, rate) for word, samples in self.words.items()}


def load_voice(folder: Path) -> Voice:
    """Read ``folder/<word>.wav`` for every word of WORDS; VoiceError if any is unusable."""
    words: dict[str, Samples] = {}
    rate = 0
    for word in WORDS:
        samples, word_rate = read_wav(folder / f"{word}.wav")
        if rate and word_rate != rate:
            raise VoiceError(f"{word}.wav is at {word_rate} Hz, the others at {rate} Hz")
        rate = word_rate
        words[word] = level(samples, word_rate)
    return Voice(rate, words)


def read_wav(path: Path) -> tuple[Samples, int]:
    """A mono 16-bit WAV file as float32 samples in [-1, 1], and its rate."""
    try:
        with wave.open(str(path), "rb") as reader:
            channels, width, rate = (
                reader.getnchannels(),
                reader.getsampwidth(),
                reader.getframerate(),
            )
            frames = reader.readframes(reader.getnframes())
    except (OSError, EOFError, wave.Error) as error:
        raise VoiceError(f"{path.name} cannot be read ({error})") from None
    if channels != 1 or width != 2:
        raise VoiceError(f"{path.name} is not mono 16-bit ({channels} channels, {width} bytes)")
    samples = np.frombuffer(frames, dtype="<i2").astype(np.float32) / np.float32(32768.0)
    if not 0 < len(samples) <= MAX_WORD_S * rate:
        raise VoiceError(f"{path.name} lasts {len(samples) / max(rate, 1):.2f} s")
    return samples, rate


def level(samples: Samples, rate: int) -> Samples:
    """Scale a word to the cue sounds' loudness (``LEVEL_DB`` under it), capped in peak."""
    window = max(1, min(len(samples), round(0.05 * rate)))
    power = np.convolve(samples.astype(np.float64) ** 2, np.ones(window) / window, mode="valid")
    loudest = math.sqrt(float(np.max(power))) if len(power) else 0.0
    if loudest <= 0:
        return samples.astype(np.float32)
    scaled = samples.astype(np.float64) * (TARGET_RMS / loudest * 10 ** (LEVEL_DB / 20))
    peak = float(np.max(np.abs(scaled)))
    if peak > MAX_PEAK:
        scaled *= MAX_PEAK / peak
    return scaled.astype(np.float32)


def resample(samples: Samples, from_rate: int, to_rate: int) -> Samples:
    if from_rate == to_rate or not len(samples):
        return np.asarray(samples, dtype=np.float32)
    n = max(1, round(len(samples) * to_rate / from_rate))
    positions = np.arange(n, dtype=np.float64) * (from_rate / to_rate)
    source = np.arange(len(samples), dtype=np.float64)
    return np.interp(positions, source, samples.astype(np.float64)).astype(np.float32)


def spoken_words(placed: Sequence[tuple[int, CueKind]]) -> list[tuple[int, str]]:
    """The word said at each cue (``(frame, kind)`` in time order): see the module docstring."""
    words: list[tuple[int, str]] = []
    kinds = [kind for _, kind in placed]
    for index, (frame, kind) in enumerate(placed):
        if kind is CueKind.COUNT:
            left = 0
            while index + left < len(kinds) and kinds[index + left] is CueKind.COUNT:
                left += 1
            word: str | None = NUMBERS[left - 1] if left <= len(NUMBERS) else None
        elif kind is CueKind.TICK:
            back = 0
            while index - back - 1 >= 0 and kinds[index - back - 1] is CueKind.TICK:
                back += 1
            second = back + 2  # the phase's own cue was "one"
            word = NUMBERS[second - 1] if second <= len(NUMBERS) else None
        else:
            word = PHASE_WORDS.get(kind)
        if word is not None:
            words.append((frame, word))
    return words
