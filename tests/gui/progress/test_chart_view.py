"""The plot parts the charts are made of: palette, colours, legend, a chart's page."""

from __future__ import annotations

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from app.gui.progress.chart_view import (
    FLOOR_COLOUR,
    LINE_COLOUR,
    MIN_CONTRAST,
    MIN_TEXT_PT,
    POINT_COLOUR,
    VARIATION_COLOURS,
    Chart,
    Legend,
    Palette,
    bold,
    colour,
    contrast,
    mix,
)
from app.gui.theme import DARK, LIGHT
from tests.gui.test_contrast import ratio

CHART_COLOURS = (*VARIATION_COLOURS, POINT_COLOUR, LINE_COLOUR, FLOOR_COLOUR)


def test_every_chart_colour_stands_out_on_both_themes() -> None:
    for theme in (DARK, LIGHT):
        palette = Palette(background=theme.background, text=theme.text)
        for hex_colour in CHART_COLOURS:
            drawn = palette.ink(hex_colour)
            assert ratio(drawn, theme.background) >= MIN_CONTRAST, (hex_colour, theme)
            assert contrast(drawn, theme.background) == ratio(drawn, theme.background)
    # The yellow was 1.1:1 on the light theme: it had to change; on dark ones nothing does.
    assert ratio("#F0E442", LIGHT.background) < 1.5
    dark = Palette(background=DARK.background, text=DARK.text)
    assert [dark.ink(c) for c in CHART_COLOURS] == list(CHART_COLOURS)


def test_text_is_never_smaller_than_readable_from_across_the_room() -> None:
    assert Palette("#000000", "#ffffff", text_pt=9).tick_pt == MIN_TEXT_PT
    assert Palette("#000000", "#ffffff", text_pt=20).tick_pt == 20


def test_colours_cycle_and_mix_into_one_opaque_colour() -> None:
    assert colour(len(VARIATION_COLOURS)) == colour(0)
    assert mix("#ffffff", "#000000", 0.25) == QColor(64, 64, 64)
    assert bold(18).bold() and bold(18).pointSize() == 18


def test_a_legend_entry_never_breaks_inside_and_is_plain_text(qtbot: QtBot) -> None:
    legend = Legend(16)
    qtbot.addWidget(legend)
    legend.show_entries([("●", "#E69F00", "Hands-elevated push up <b>")])
    assert "Hands\u2011elevated&nbsp;push&nbsp;up&nbsp;&lt;b&gt;" in legend.text()
    assert legend.entries == [("●", "#E69F00", "Hands-elevated push up <b>")]


def test_a_chart_shows_exactly_the_range_asked_with_a_little_margin(qtbot: QtBot) -> None:
    chart = Chart(Palette("#101418", "#e8eaed"), "Reps")
    qtbot.addWidget(chart.page)
    chart.plot.show_range((0.0, 100.0), (0.0, 20.0))
    (x_low, x_high), (y_low, y_high) = chart.plot.view.viewRange()
    assert (round(x_low), round(x_high)) == (-2, 102)
    assert (y_low, y_high) == (0.0, 20.0)
    chart.page.resize(600, 400)
    chart.page.grab()
