"""The mixer: cues at round(t x rate), any window equal to the same slice of the whole render."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.audio.mixer import CueMixer
from app.audio.sounds import cue_sounds
from app.domain.player import ScheduledCue
from app.domain.timeline import CueKind

RATE = 8000
SOUNDS = cue_sounds(RATE)


def _mixer(cues: list[ScheduledCue], rate: int = RATE) -> CueMixer:
    mixer = CueMixer(rate, SOUNDS if rate == RATE else cue_sounds(rate))
    mixer.schedule(cues)
    return mixer


@pytest.mark.parametrize("rate", [8000, 44100, 48000, 50000])
def test_each_cue_starts_at_round_t_times_rate(rate: int) -> None:
    cues = [ScheduledCue(0.25, CueKind.COUNT), ScheduledCue(0.5 + 1.0 / 3, CueKind.TICK)]
    cues.append(ScheduledCue(2.123456, CueKind.ECCENTRIC))
    mixer = _mixer(cues, rate)
    track = mixer.render(0, rate * 3)
    for cue in cues:
        frame = round(cue.at * rate)
        assert frame in [p.frame for p in mixer.placed]
        sound = mixer.sound(cue.kind)
        assert np.array_equal(track[frame : frame + len(sound)], sound)
        assert not track[frame - 20 : frame].any(), "silence right before the onset"


cue_lists = st.lists(
    st.tuples(st.floats(0, 3, allow_nan=False), st.sampled_from(list(CueKind))),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(cues=cue_lists, first=st.integers(-500, 4 * RATE), length=st.integers(0, 2 * RATE))
def test_any_window_equals_the_same_slice_of_one_whole_render(
    cues: list[tuple[float, CueKind]], first: int, length: int
) -> None:
    mixer = _mixer([ScheduledCue(at, kind) for at, kind in cues])
    whole = mixer.render(0, 7 * RATE)
    window = mixer.render(first, length)
    padded = np.concatenate([np.zeros(1000, np.float32), whole])
    assert np.array_equal(window, padded[first + 1000 : first + 1000 + length])


def test_windows_stitched_together_equal_the_whole_track() -> None:
    cues = [ScheduledCue(i * 0.07, list(CueKind)[i % 10]) for i in range(40)]
    mixer = _mixer(cues)
    whole = mixer.render(0, 4 * RATE)
    pieces, frame = [], 0
    for size in [1, 255, 256, 1023, 17, 5000, 3]:
        pieces.append(mixer.render(frame, size))
        frame += size
    pieces.append(mixer.render(frame, 4 * RATE - frame))
    assert np.array_equal(np.concatenate(pieces), whole)


def test_overlapping_cues_never_exceed_full_scale() -> None:
    mixer = _mixer([ScheduledCue(0.1, kind) for kind in CueKind for _ in range(3)])
    assert float(np.max(np.abs(mixer.render(0, RATE)))) <= 1.0


def test_volume_scales_and_mute_silences() -> None:
    mixer = _mixer([ScheduledCue(0.1, CueKind.BOTTOM)])
    full = mixer.render(0, RATE)
    mixer.set_volume(0.5)
    assert np.allclose(mixer.render(0, RATE), full * 0.5)
    mixer.set_muted(True)
    assert not mixer.render(0, RATE).any()
    mixer.set_muted(False)
    mixer.set_volume(0.0)
    assert not mixer.render(0, RATE).any()
    mixer.set_volume(7)
    assert np.array_equal(mixer.render(0, RATE), full), "volume is capped at 1"


def test_reschedule_lets_started_sounds_finish_and_drops_late_ones() -> None:
    mixer = _mixer([ScheduledCue(0.1, CueKind.BOTTOM), ScheduledCue(0.5, CueKind.COUNT)])
    now = round(0.15 * RATE)  # BOTTOM is sounding; COUNT is still ahead
    mixer.reschedule([ScheduledCue(0.12, CueKind.TICK), ScheduledCue(0.6, CueKind.TOP)], now)
    assert [(p.frame, p.kind) for p in mixer.placed] == [
        (round(0.1 * RATE), CueKind.BOTTOM),
        (round(0.6 * RATE), CueKind.TOP),
    ]


def test_empty_schedule_is_silence() -> None:
    mixer = _mixer([])
    assert not mixer.render(123, 456).any()
    assert mixer.last_frame() == 0


@settings(max_examples=150, deadline=None)
@given(cues=cue_lists, first=st.integers(-500, 4 * RATE), length=st.integers(0, 2 * RATE))
def test_a_window_called_silent_renders_all_zeros(
    cues: list[tuple[float, CueKind]], first: int, length: int
) -> None:
    # The outputs skip rendering a window called silent: a sound there would never be heard.
    mixer = _mixer([ScheduledCue(at, kind) for at, kind in cues])
    if mixer.silent(first, length):
        assert not mixer.render(first, length).any()


def test_the_stretch_between_two_cues_is_silent_and_a_cue_s_window_is_not() -> None:
    mixer = _mixer([ScheduledCue(0.5, CueKind.TICK), ScheduledCue(2.5, CueKind.TICK)])
    assert mixer.silent(RATE, RATE)  # 1.0-2.0 s: the first tick has ended, the second not begun
    assert not mixer.silent(round(0.49 * RATE), RATE // 10)
    assert not mixer.silent(round(2.45 * RATE), RATE // 10)
    mixer.set_muted(True)
    assert mixer.silent(round(0.49 * RATE), RATE // 10)
