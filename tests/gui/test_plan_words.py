"""What the screens say beside the numbers: plan descriptions, tempo in words, caveats."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.gui.main_window import MainWindow
from app.gui.setup_screen import SetupScreen
from app.storage.catalog import Catalog
from tests.gui.helpers import TINY_PLAN, select_plan, write_plan
from tests.gui.touch import tap

DESCRIBED = TINY_PLAN.replace(
    "count_in_s = 3", 'description = "Two short sets to try the box."\ncount_in_s = 3'
)


def test_home_previews_the_highlighted_plan_with_its_tempo_in_words(
    make_window: Callable[..., MainWindow], data_dir: Path
) -> None:
    write_plan(data_dir, "tiny.toml", DESCRIBED)
    window = make_window()
    select_plan(window, "Tiny test plan")
    preview = window.home.plan_preview
    assert preview.isVisible()
    assert preview.text().splitlines() == [
        "Two short sets to try the box.",
        "2 × 2 Hands-elevated push up, box 45 cm · 2-1-1-0: 2 s down, 1 s hold, 1 s up",
    ]
    select_plan(window, "Negative knee push up starter")
    assert "4-1-R-0: 4 s down, 1 s hold, assisted return" in preview.text()
    assert "(warm-up)" in preview.text()


def test_choosing_the_kneeling_push_up_says_why_a_box_is_better(
    make_window: Callable[..., MainWindow], catalog: Catalog
) -> None:
    window = make_window()
    quick = window.home.quick
    quick.variation.setCurrentIndex(quick.variation.findData("kneeling-push-up"))
    note = quick.note.text()
    assert note.startswith("3-1-1-0: 3 s down, 1 s hold, 1 s up")
    assert catalog["kneeling-push-up"].caveat in note
    assert "box" in catalog["kneeling-push-up"].caveat
    quick.tempo.setText("4-0-X-0")
    assert quick.note.text().startswith("4-0-X-0: 4 s down, up as fast as you can")
    quick.tempo.setText("nonsense")
    assert quick.note.text() == catalog["kneeling-push-up"].caveat


def test_the_kneeling_push_up_setup_shows_its_caveat(
    qtbot: QtBot, make_window: Callable[..., MainWindow], catalog: Catalog
) -> None:
    window = make_window()
    quick = window.home.quick
    quick.variation.setCurrentIndex(quick.variation.findData("kneeling-push-up"))
    tap(qtbot, window, "Start quick session")
    setup = window.current
    assert isinstance(setup, SetupScreen)
    assert setup.caveat.isVisible()
    assert setup.caveat.text() == catalog["kneeling-push-up"].caveat
