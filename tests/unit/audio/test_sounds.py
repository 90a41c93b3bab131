"""The cue sounds: pitch, length, loudness, headroom and clean edges, at any sample rate."""

from __future__ import annotations

import numpy as np
import pytest

from app.audio.sounds import MAX_PEAK, SOUND_SPECS, Samples, cue_sounds, render_spec
from app.domain.timeline import CueKind

RATES = [22050, 44100, 48000, 50000]


def _spectrum(samples: Samples, rate: int) -> tuple[np.ndarray, np.ndarray]:
    size = 1 << 18
    power = np.abs(np.fft.rfft(samples.astype(np.float64), size)) ** 2
    return np.fft.rfftfreq(size, 1 / rate), power


def _loudest_rms(samples: Samples, rate: int) -> float:
    window = round(0.05 * rate)
    power = np.convolve(samples.astype(np.float64) ** 2, np.ones(window) / window, "valid")
    return float(np.sqrt(power.max()))


@pytest.mark.parametrize("rate", RATES)
def test_every_cue_has_a_mono_float_sound(rate: int) -> None:
    sounds = cue_sounds(rate)
    assert set(sounds) == set(CueKind)
    for kind, sound in sounds.items():
        assert sound.dtype == np.float32 and sound.ndim == 1, kind
        assert len(sound) == round(SOUND_SPECS[kind].duration_s * rate) + 1


def test_sounds_are_short_enough_to_mark_a_moment() -> None:
    for kind, spec in SOUND_SPECS.items():
        assert 0.02 <= spec.duration_s <= 0.7, kind


@pytest.mark.parametrize("rate", [44100, 50000])
@pytest.mark.parametrize("kind", list(CueKind))
def test_each_note_sounds_at_its_pitch(rate: int, kind: CueKind) -> None:
    spec = SOUND_SPECS[kind]
    sound = render_spec(spec, rate)
    for note in spec.notes:
        start = round(note.start_s * rate)
        part = sound[start : start + round(note.duration_s * rate)]
        freqs, power = _spectrum(part, rate)
        peak = float(freqs[np.argmax(power)])
        assert peak == pytest.approx(note.freq_hz, rel=0.02), (kind, note)


@pytest.mark.parametrize("kind", list(CueKind))
def test_energy_stays_in_the_warning_band_and_edges_do_not_click(kind: CueKind) -> None:
    rate = 48000
    sound = cue_sounds(rate)[kind]
    freqs, power = _spectrum(sound, rate)
    in_band = power[(freqs >= 450) & (freqs <= 3100)].sum()
    assert in_band / power.sum() > 0.99, "500-3000 Hz, per DOMAIN.md section 6"
    # A click (a step at an edge) would spread energy far above the tones.
    assert power[freqs > 5000].sum() / power.sum() < 1e-4
    assert abs(float(sound[0])) < 1e-4 and abs(float(sound[-1])) < 1e-4


@pytest.mark.parametrize("rate", RATES)
def test_no_sound_clips_and_loudness_is_even(rate: int) -> None:
    sounds = cue_sounds(rate)
    for sound in sounds.values():
        assert float(np.max(np.abs(sound))) <= MAX_PEAK + 1e-6
    loudness_db = {k: 20 * np.log10(_loudest_rms(s, rate)) for k, s in sounds.items()}
    main = [db for k, db in loudness_db.items() if SOUND_SPECS[k].level_db == 0]
    assert max(main) - min(main) < 1.5
    assert loudness_db[CueKind.TICK] < min(main) - 4, "the per-second tick is the soft one"


def test_at_most_four_characters_and_no_two_cues_sound_alike() -> None:
    assert len({spec.character for spec in SOUND_SPECS.values()}) <= 4
    voices = [(spec.notes, spec.level_db) for spec in SOUND_SPECS.values()]
    assert len(set(voices)) == len(voices)


def test_rate_too_low_is_refused() -> None:
    with pytest.raises(ValueError, match="too low"):
        render_spec(SOUND_SPECS[CueKind.COUNT], 4000)
