"""Home with hostile plan files: HTML titles stay text, and no plan file stops the window."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.gui.main_window import MainWindow
from app.storage.data_dir import plans_folder
from app.storage.store import Store

HTML_TITLE = '<b>Bold</b><img src="file:///etc/hostname">'
PLAN = """\
title = "{title}"
[[block]]
variation = "floor-push-up"
sets = 1
reps = 2
"""


def test_an_html_title_is_shown_as_its_own_text_on_home(
    make_window: Callable[..., MainWindow], store: Store
) -> None:
    session = store.begin_session(title=HTML_TITLE, started_at=datetime(2026, 11, 2, tzinfo=UTC))
    assert session.title == HTML_TITLE
    window = make_window()
    window.refresh_home()
    home = window.home
    for label in (home.resume_text, home.last_session):
        assert label.textFormat() is Qt.TextFormat.PlainText
    assert HTML_TITLE in home.resume_text.text()
    # Rendered as text: the label's size hint is that of the characters, tags included.
    probe = QLabel(HTML_TITLE)
    probe.setTextFormat(Qt.TextFormat.PlainText)
    rich = QLabel(HTML_TITLE)
    assert probe.sizeHint().width() > rich.sizeHint().width()
    probe.deleteLater()
    rich.deleteLater()


def test_a_fifo_and_a_huge_number_in_plans_never_stop_home(
    make_window: Callable[..., MainWindow], data_dir: Path
) -> None:
    plans = plans_folder(data_dir)
    plans.mkdir(parents=True, exist_ok=True)
    os.mkfifo(plans / "pipe.toml")  # opening it for reading would wait for a writer for ever
    (plans / "huge.toml").write_text("title = 'x'\ncount_in_s = " + "9" * 5000 + "\n", "utf-8")
    (plans / "fine.toml").write_text(PLAN.format(title="Fine"), encoding="utf-8")
    window = make_window()
    window.refresh_home()
    rows = [window.home.plans.item(i).text() for i in range(window.home.plans.count())]
    assert any(r.startswith("⚠ pipe.toml") and r.endswith(": not a regular file") for r in rows)
    assert any(r.startswith("⚠ huge.toml") and "2: a number is far too long" in r for r in rows)
    assert any(r.startswith("Fine · ") for r in rows)


def test_an_html_plan_description_is_shown_as_its_own_text_in_the_preview(
    make_window: Callable[..., MainWindow], data_dir: Path
) -> None:
    plans = plans_folder(data_dir)
    plans.mkdir(parents=True, exist_ok=True)
    description = f"description = '{HTML_TITLE}'\n[[block]]"
    text = PLAN.format(title="Mine").replace("[[block]]", description)
    (plans / "mine.toml").write_text(text, encoding="utf-8")
    window = make_window()
    window.refresh_home()
    home = window.home
    rows = [home.plans.item(i).text() for i in range(home.plans.count())]
    home.plans.setCurrentRow(next(i for i, row in enumerate(rows) if row.startswith("Mine")))
    assert HTML_TITLE in home.plan_preview.text()
    assert home.plan_preview.textFormat() is Qt.TextFormat.PlainText
