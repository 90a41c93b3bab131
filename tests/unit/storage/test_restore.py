"""A restore is all or nothing: stopped at any step, the next start leaves it all old or all new."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.storage.backup import export_backup
from app.storage.data_dir import plans_folder, store_path
from app.storage.restore import RestoreError, restore_backup
from app.storage.safe_open import open_store
from app.storage.store import ImportedSet, Store

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def fill(folder: Path, title: str, sets: int) -> None:
    with Store(store_path(folder)) as store:
        store.import_sets(
            ImportedSet(
                session_uid=title,
                session_title=title,
                block=0,
                set_number=number,
                variation="floor-push-up",
                box_height_cm=None,
                tempo="3-1-1-0",
                target_reps="8-12",
                reps=10,
                reps_in_reserve=None,
                note="",
                ended_at=datetime.fromisoformat("2026-03-02T18:00:00+01:00"),
            )
            for number in range(1, sets + 1)
        )
    plans_folder(folder).mkdir(parents=True, exist_ok=True)
    (plans_folder(folder) / f"{title}.toml").write_text(f'title = "{title}"\n', encoding="utf-8")
    (folder / "settings.json").write_text(json.dumps({"theme": title}), encoding="utf-8")


def state(folder: Path) -> tuple[object, ...]:
    with Store(store_path(folder)) as store:
        sets = sorted((s.session_title, s.set_number) for s in store.sets())
    plans = sorted(p.name for p in plans_folder(folder).glob("*.toml"))
    return sets, plans, json.loads((folder / "settings.json").read_text(encoding="utf-8"))


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, no ``except Exception`` catches it."""


def failing_at(step: int, real: Callable[..., Any], counter: list[int]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        counter[0] += 1
        if counter[0] == step:
            raise Killed
        return real(*args, **kwargs)

    return wrapper


def test_stopped_at_every_step_the_next_start_gives_all_old_or_all_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "source"
    fill(source, "new", 3)
    text = json.dumps(export_backup(source, NOW))
    new = state(source)
    outcomes = []
    for step in range(1, 60):
        data = tmp_path / f"data-{step}"
        fill(data, "old", 2)
        old = state(data)
        counter = [0]
        with monkeypatch.context() as patch:
            # Every file operation of the restore is a place a kill may land.
            for name in ("replace", "rename", "unlink", "fsync"):
                patch.setattr(os, name, failing_at(step, getattr(os, name), counter))
            try:
                restore_backup(data, text, NOW)
                finished = True
            except Killed:
                finished = False
        open_store(data, NOW).store.close()  # the next start
        after = state(data)
        assert after in (old, new), step
        assert not (data / ".restore-staging").exists()
        assert not (data / ".restore-switch.json").exists()
        outcomes.append(after == new)
        if finished:
            break
    else:
        pytest.fail("the restore never got to its end")
    assert outcomes[0] is False and outcomes[-1] is True
    assert len(outcomes) > 5


def test_restore_refuses_while_the_log_is_open(tmp_path: Path) -> None:
    source, data = tmp_path / "source", tmp_path / "data"
    fill(source, "new", 1)
    fill(data, "old", 1)
    before = state(data)
    with Store(store_path(data)), pytest.raises(RestoreError, match="in use"):
        restore_backup(data, json.dumps(export_backup(source, NOW)), NOW)
    assert state(data) == before


def test_restore_over_a_damaged_log_works_and_keeps_the_damaged_file(tmp_path: Path) -> None:
    source, data = tmp_path / "source", tmp_path / "data"
    fill(source, "new", 2)
    data.mkdir()
    store_path(data).write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    kept = restore_backup(data, json.dumps(export_backup(source, NOW)), NOW)
    assert state(data) == state(source)
    assert (kept / store_path(data).name).read_bytes().startswith(b"SQLite format 3")


def test_plans_linked_elsewhere_are_never_emptied(tmp_path: Path) -> None:
    source, data, elsewhere = tmp_path / "source", tmp_path / "data", tmp_path / "elsewhere"
    fill(source, "new", 1)
    data.mkdir()
    elsewhere.mkdir()
    (elsewhere / "precious.toml").write_text('title = "mine"\n', encoding="utf-8")
    plans_folder(data).symlink_to(elsewhere)
    kept = restore_backup(data, json.dumps(export_backup(source, NOW)), NOW)
    assert (elsewhere / "precious.toml").read_text(encoding="utf-8") == 'title = "mine"\n'
    assert not plans_folder(data).is_symlink()
    assert [p.name for p in plans_folder(data).iterdir()] == ["new.toml"]
    assert (kept / "plans" / "precious.toml").exists()


def test_a_data_folder_that_is_a_file_is_one_clear_error(tmp_path: Path) -> None:
    source = tmp_path / "source"
    fill(source, "new", 1)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(RestoreError, match="is a file, not a folder"):
        restore_backup(tmp_path / "file" / "data", json.dumps(export_backup(source, NOW)), NOW)
