"""Both themes meet WCAG 2 AA: 4.5:1 for text, 3:1 for large text (the phase words, the
countdown) and for the phase shapes. The ratios are computed here from the colours."""

from __future__ import annotations

import pytest

from app.domain.stage import Stage
from app.gui.phase_style import PAUSED_COLOURS, PHASE_COLOURS
from app.gui.theme import colours
from app.storage.settings import Theme

TEXT = 4.5
LARGE = 3.0


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def ratio(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_formula_gives_the_known_extremes() -> None:
    assert ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", list(Theme))
def test_text_pairs_of_the_theme(theme: Theme) -> None:
    c = colours(theme)
    pairs = {
        "text on background": (c.text, c.background),
        "text on cards and buttons": (c.text, c.surface),
        "muted text on background": (c.muted_text, c.background),
        "muted text on cards": (c.muted_text, c.surface),
        "warnings on background": (c.danger, c.background),
        "warnings on buttons": (c.danger, c.surface),
        "primary button text": (c.background, c.accent),
        "links and accent text": (c.accent, c.background),
    }
    low = {name: round(ratio(*pair), 2) for name, pair in pairs.items() if ratio(*pair) < TEXT}
    assert not low, f"{theme.value}: under {TEXT}:1: {low}"


@pytest.mark.parametrize("theme", list(Theme))
def test_phase_words_and_shapes_stand_out(theme: Theme) -> None:
    background = colours(theme).background
    shown = {stage.value: PHASE_COLOURS[theme][stage] for stage in Stage}
    shown["paused"] = PAUSED_COLOURS[theme]
    low = {
        name: round(ratio(colour, background), 2)
        for name, colour in shown.items()
        if ratio(colour, background) < LARGE
    }
    assert not low, f"{theme.value}: under {LARGE}:1: {low}"


@pytest.mark.parametrize("theme", list(Theme))
def test_the_ring_track_is_seen_but_quieter_than_the_phase(theme: Theme) -> None:
    c = colours(theme)
    assert ratio(c.track, c.background) < ratio(PHASE_COLOURS[theme][Stage.ECCENTRIC], c.background)
    assert ratio(c.track, c.background) > 1.1
