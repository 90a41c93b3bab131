"""The generated ten-year log, written once per test session and copied for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.fixtures.ten_year_history import HistoryFacts, write_ten_year_history


@pytest.fixture(scope="session")
def ten_years_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, HistoryFacts]:
    path = tmp_path_factory.mktemp("ten-years") / "log.sqlite3"
    return path, write_ten_year_history(path)


def copy_of(source: Path, folder: Path) -> Path:
    target = folder / "copy.sqlite3"
    shutil.copyfile(source, target)
    return target
