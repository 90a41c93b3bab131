"""Spoken counts: the shipped words load and are small; the mixer says them at cue onsets."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from app.audio.mixer import CueMixer
from app.audio.sounds import MAX_PEAK, cue_sounds
from app.audio.voice import (
    WORDS,
    Voice,
    VoiceError,
    load_voice,
    read_wav,
    resample,
    spoken_words,
)
from app.domain.player import ScheduledCue
from app.domain.timeline import CueKind
from app.storage.resources import shipped_folder

RATE = 48000
FOLDER = shipped_folder("resources") / "voice"


@pytest.fixture(scope="module")
def voice() -> Voice:
    return load_voice(FOLDER)


def test_every_shipped_word_is_a_small_clean_mono_file(voice: Voice) -> None:
    assert set(voice.words) == set(WORDS)
    assert 16000 <= voice.rate <= 22050
    for word in WORDS:
        path = FOLDER / f"{word}.wav"
        assert path.stat().st_size < 20_000, f"{word}.wav is too big"
        raw, rate = read_wav(path)
        assert rate == voice.rate
        assert 0.15 <= len(raw) / rate <= 0.6, f"{word} lasts {len(raw) / rate:.2f} s"
        assert 0.3 < float(np.max(np.abs(raw))) < 1.0, f"{word} is too quiet or clipped"
        # Trimmed and faded: it starts and ends (nearly) silent, with little silence around.
        assert abs(float(raw[0])) < 0.01 and abs(float(raw[-1])) < 0.01
        levelled = voice.words[word]
        assert float(np.max(np.abs(levelled))) <= MAX_PEAK + 1e-6
        assert np.isfinite(levelled).all()


def test_words_are_resampled_to_the_output_rate(voice: Voice) -> None:
    words = voice.at_rate(RATE)
    for word, samples in words.items():
        assert len(samples) == round(len(voice.words[word]) * RATE / voice.rate)
        assert samples.dtype == np.float32


def test_resampling_keeps_a_tone_at_its_pitch() -> None:
    t = np.arange(16000) / 16000
    tone = np.sin(2 * np.pi * 440 * t).astype(np.float32)
    out = resample(tone, 16000, 48000)
    assert len(out) == 48000
    spectrum = np.abs(np.fft.rfft(out))
    assert abs(float(np.argmax(spectrum)) - 440) <= 1


def test_spoken_words_count_down_the_count_in_and_count_along_a_slow_phase() -> None:
    kinds = [CueKind.COUNT] * 3 + [CueKind.ECCENTRIC] + [CueKind.TICK] * 3
    kinds += [CueKind.BOTTOM, CueKind.CONCENTRIC, CueKind.TOP, CueKind.RESET, CueKind.SET_END]
    kinds += [CueKind.REST_WARNING, CueKind.SESSION_END]
    placed = list(enumerate(kinds))
    said = dict(spoken_words(placed))
    assert [said.get(i) for i in range(len(kinds))] == [
        *("three", "two", "one", "lower", "two", "three", "four"),
        *("hold", "push", None, "reset", "rest", None, None),
    ]


def test_a_count_longer_than_ten_says_nothing_past_ten() -> None:
    placed = [(0, CueKind.ECCENTRIC)] + [(i, CueKind.TICK) for i in range(1, 12)]
    said = [word for _, word in spoken_words(placed)]
    assert said == ["lower", *WORDS[1:10]]


def _cues() -> list[ScheduledCue]:
    kinds = [CueKind.COUNT, CueKind.COUNT, CueKind.ECCENTRIC, CueKind.TICK, CueKind.BOTTOM]
    kinds += [CueKind.CONCENTRIC, CueKind.TOP, CueKind.SET_END]
    return [ScheduledCue(0.5 + i * 1.0 + i / 7, kind) for i, kind in enumerate(kinds)]


def test_with_voice_on_each_word_starts_on_its_cue_frame(voice: Voice) -> None:
    sounds = cue_sounds(RATE)
    words = voice.at_rate(RATE)
    cues = _cues()
    with_voice = CueMixer(RATE, sounds, words)
    without = CueMixer(RATE, sounds)
    for mixer in (with_voice, without):
        mixer.schedule(cues)
    expected = ["two", "one", "lower", "two", "hold", "push", "rest"]
    spoken_at = {round(c.at * RATE): c.kind for c in cues if c.kind is not CueKind.TOP}
    assert [word for _, word in with_voice.words] == expected
    assert [frame for frame, _ in with_voice.words] == sorted(spoken_at)
    end = with_voice.last_frame()
    assert end >= without.last_frame()
    difference = with_voice.render(0, end) - without.render(0, end)
    track = np.zeros(end, dtype=np.float32)
    for frame, word in with_voice.words:
        track[frame : frame + len(words[word])] += words[word]
    np.testing.assert_allclose(difference, track, atol=1e-6)
    first = with_voice.words[0][0]
    assert not difference[:first].any(), "nothing is said before the first cue"


def test_with_voice_off_nothing_is_said() -> None:
    mixer = CueMixer(RATE, cue_sounds(RATE))
    mixer.schedule(_cues())
    assert mixer.words == ()
    assert mixer.length_at(CueKind.TICK) == len(mixer.sound(CueKind.TICK))


def test_any_window_with_voice_equals_the_same_slice_of_the_whole(voice: Voice) -> None:
    mixer = CueMixer(8000, cue_sounds(8000), voice.at_rate(8000))
    mixer.schedule(_cues())
    whole = mixer.render(0, 100_000)
    assert mixer.last_frame() < 80_000
    for first, n in [(0, 100), (4321, 999), (9000, 1), (12345, 8000), (30000, 50000)]:
        assert np.array_equal(mixer.render(first, n), whole[first : first + n])


def _write(path: Path, channels: int, frames: int, rate: int = 16000) -> None:
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(b"\x10\x00" * channels * frames)


def test_a_stereo_or_overlong_or_missing_word_is_refused(tmp_path: Path) -> None:
    _write(tmp_path / "stereo.wav", 2, 1000)
    _write(tmp_path / "long.wav", 1, 16000)
    with pytest.raises(VoiceError, match="mono"):
        read_wav(tmp_path / "stereo.wav")
    with pytest.raises(VoiceError, match="lasts"):
        read_wav(tmp_path / "long.wav")
    with pytest.raises(VoiceError, match="cannot be read"):
        load_voice(tmp_path)
