"""Home on a log holding only sets imported from another app (no tempo, no box height)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.gui.main_window import MainWindow
from app.storage.imports.names_file import load_exercise_names
from app.storage.imports.read_export import read_export
from app.storage.store import Store
from tests.unit.storage.imports.exports import STRONG_V6, USES_BOX, write


def test_home_shows_imported_history_without_inventing_a_height_or_a_tension(
    make_window: Callable[..., MainWindow], store: Store, tmp_path: Path
) -> None:
    path = write(tmp_path, STRONG_V6)
    store.import_sets(read_export(path, load_exercise_names(), USES_BOX, date(2024, 5, 6)).sets)
    window = make_window()
    assert window.home.last_session.text() == "Home\n2024-04-09 13:06\n3 sets · 26 reps"
    advice = " ".join(label.text() for label in window.home.advice_labels)
    assert "These sets do not say how high your hands were: start at 45 cm" in advice
