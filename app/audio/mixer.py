"""The cue mixer: the exact samples of a session's cue track, for any window, at any rate.

Pure and deterministic: a cue at clock time ``at`` starts at frame ``round(at * rate)`` of the
track, and ``render(first, n)`` returns precisely ``render(0, big)[first:first + n]`` (each
sample is the same float32 sum in the same order, whatever the window). Streaming outputs call
``render`` for the next stretch the device asks for; nothing depends on when they ask.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from app.audio.sounds import Samples
from app.audio.voice import spoken_words
from app.domain.player import ScheduledCue
from app.domain.timeline import CueKind


@dataclass(frozen=True, slots=True)
class PlacedCue:
    """A cue's sound starting at ``frame`` of the track."""

    frame: int
    kind: CueKind


class CueMixer:
    """Mixes cue sounds at their frames; volume (0-1, linear gain) and mute apply to all.

    With ``voice`` (words at ``rate``, see app.audio.voice) it also says a word at the cues
    ``spoken_words`` picks, starting on the cue's frame like its sound.
    """

    def __init__(
        self,
        rate: int,
        sounds: Mapping[CueKind, Samples],
        voice: Mapping[str, Samples] | None = None,
    ) -> None:
        if rate <= 0:
            raise ValueError(f"sample rate must be positive, not {rate}")
        self.rate = rate
        self._sounds = {kind: np.asarray(s, dtype=np.float32) for kind, s in sounds.items()}
        self._voice = {word: np.asarray(s, dtype=np.float32) for word, s in (voice or {}).items()}
        self._longest = max(
            (len(s) for s in [*self._sounds.values(), *self._voice.values()]), default=0
        )
        self._placed: list[PlacedCue] = []
        self._frames: list[int] = []
        self._words: list[tuple[int, str]] = []
        self._word_frames: list[int] = []
        self.volume = 1.0
        self.muted = False

    @property
    def placed(self) -> tuple[PlacedCue, ...]:
        return tuple(self._placed)

    def frame_of(self, at: float) -> int:
        """The track frame of clock time ``at`` (seconds)."""
        return round(at * self.rate)

    def schedule(self, cues: Sequence[ScheduledCue]) -> None:
        """Replace the whole schedule."""
        self._set([PlacedCue(self.frame_of(cue.at), cue.kind) for cue in cues])

    def reschedule(self, cues: Sequence[ScheduledCue], from_frame: int) -> None:
        """Take ``cues`` from ``from_frame`` on; sounds that started before it play on unchanged.

        A cue of the new schedule that would start before ``from_frame`` is too late to be heard
        whole and is dropped: a cue cut into is worse than a missing one.
        """
        kept = [p for p in self._placed if p.frame < from_frame]
        fresh = [PlacedCue(self.frame_of(c.at), c.kind) for c in cues]
        self._set(kept + [p for p in fresh if p.frame >= from_frame])

    def set_volume(self, volume: float) -> None:
        self.volume = min(1.0, max(0.0, float(volume)))

    def set_muted(self, muted: bool) -> None:
        self.muted = bool(muted)

    def sound(self, kind: CueKind) -> Samples:
        return self._sounds[kind]

    @property
    def words(self) -> tuple[tuple[int, str], ...]:
        """(frame, word) of every word said (none without a voice)."""
        return tuple(self._words)

    def length_at(self, kind: CueKind) -> int:
        """Frames a cue of ``kind`` may sound for, with the longest word said over it."""
        longest_word = max((len(s) for s in self._voice.values()), default=0)
        return max(len(self._sounds.get(kind, ())), longest_word)

    def silent(self, first_frame: int, n_frames: int) -> bool:
        """Whether ``render(first_frame, n_frames)`` is all zeros: no sound reaches that window
        (the most of any session: the track is mostly silence between cues)."""
        if n_frames <= 0 or self.muted or self.volume <= 0:
            return True
        return all(
            frame + len(sound) <= first_frame
            for frame, sound in self._near(first_frame, first_frame + n_frames)
        )

    def render(self, first_frame: int, n_frames: int) -> Samples:
        """The track's samples ``[first_frame, first_frame + n_frames)``, float32 in [-1, 1]."""
        out = np.zeros(max(0, n_frames), dtype=np.float32)
        if n_frames <= 0 or self.muted or self.volume <= 0:
            return out
        for frame, sound in self._near(first_frame, first_frame + n_frames):
            _add(out, first_frame, sound, frame)
        out *= np.float32(self.volume)
        np.clip(out, -1.0, 1.0, out=out)
        return out

    def _near(self, first_frame: int, end_frame: int) -> Iterator[tuple[int, Samples]]:
        """(start frame, samples) of every cue sound, then every word, that starts before
        ``end_frame`` and late enough that the longest sound could reach ``first_frame``."""
        low = bisect.bisect_right(self._frames, first_frame - self._longest)
        high = bisect.bisect_left(self._frames, end_frame)
        for placed in self._placed[low:high]:
            sound = self._sounds.get(placed.kind)
            if sound is not None:
                yield placed.frame, sound
        low = bisect.bisect_right(self._word_frames, first_frame - self._longest)
        high = bisect.bisect_left(self._word_frames, end_frame)
        for frame, word in self._words[low:high]:
            spoken = self._voice.get(word)
            if spoken is not None:
                yield frame, spoken

    def last_frame(self) -> int:
        """The frame after the end of the last scheduled sound (0 for an empty schedule)."""
        ends = [p.frame + len(self._sounds.get(p.kind, ())) for p in self._placed]
        ends += [frame + len(self._voice.get(word, ())) for frame, word in self._words]
        return max(ends, default=0)

    def _set(self, placed: list[PlacedCue]) -> None:
        # Stable order (frame, then kind) so every window adds the same sounds in the same order.
        placed.sort(key=lambda p: (p.frame, p.kind.value))
        self._placed = placed
        self._frames = [p.frame for p in placed]
        if self._voice:
            self._words = spoken_words([(p.frame, p.kind) for p in placed])
            self._word_frames = [frame for frame, _ in self._words]


def _add(out: Samples, first_frame: int, sound: Samples, at_frame: int) -> None:
    """Add ``sound`` starting at track frame ``at_frame`` into ``out`` (from ``first_frame``)."""
    start = max(first_frame, at_frame)
    stop = min(first_frame + len(out), at_frame + len(sound))
    if start < stop:
        out[start - first_frame : stop - first_frame] += sound[start - at_frame : stop - at_frame]


def pcm_renderer(
    mixer: CueMixer, *, channels: int = 1, as_float: bool = False
) -> Callable[[int, int], bytes]:
    """The bytes of ``n`` frames of ``mixer``'s track from frame ``first``: 16-bit (or 32-bit
    float) little-endian samples, the same in every channel."""
    frame_bytes = channels * (4 if as_float else 2)

    def render(first: int, n: int) -> bytes:
        if mixer.silent(first, n):
            return bytes(n * frame_bytes)  # zero in both formats; no numpy work for silence
        block = mixer.render(first, n)
        if channels > 1:
            block = np.repeat(block, channels)
        if as_float:
            return block.astype("<f4").tobytes()
        return np.round(block * 32767.0).astype("<i2").tobytes()

    return render
