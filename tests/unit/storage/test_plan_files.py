"""Listing plan folders: never a silent cut, never a file that is not a regular file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.storage import plan_files
from app.storage.catalog import load_catalog
from app.storage.plan_files import list_plans

PLAN = 'title = "P{n}"\n[[block]]\nvariation = "floor-push-up"\nsets = 1\nreps = 5\n'


def test_plans_beyond_the_limit_are_said_not_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plan_files, "MAX_PLANS_PER_FOLDER", 3)
    for n in range(5):
        (tmp_path / f"p{n}.toml").write_text(PLAN.format(n=n), encoding="utf-8")
    listed = list_plans([tmp_path], load_catalog())
    assert [p.plan.title for p in listed if p.plan] == ["P0", "P1", "P2"]
    (notice,) = [p for p in listed if not p.ok]
    assert notice.path.name == "(2 more plans)"
    assert notice.problems == (f"only the first 3 plans of {tmp_path} are listed",)


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.toml")
    (listed,) = list_plans([tmp_path], load_catalog())
    assert listed.problems == (f"{tmp_path / 'pipe.toml'}: not a regular file",)
