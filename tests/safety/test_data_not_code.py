"""Plans and imports are data, never code; names from imports cannot leave the data folder."""

from __future__ import annotations

import ast
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

import app
from app.storage.backup import BackupError, export_backup
from app.storage.restore import restore_backup

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "dill"}
NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


def test_the_app_never_evaluates_or_unpickles_anything() -> None:
    found: list[str] = []
    for path in Path(app.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id in FORBIDDEN_CALLS:
                    found.append(f"{path}:{node.lineno}: {node.func.id}()")
            elif isinstance(node, ast.Import | ast.ImportFrom):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                )
                found.extend(
                    f"{path}:{node.lineno}: import {n}"
                    for n in names
                    if n.split(".")[0] in FORBIDDEN_MODULES
                )
    assert found == []


@pytest.mark.parametrize(
    "name", ["../escape.toml", "/tmp/escape.toml", "sub/escape.toml", ".hidden.toml"]
)
def test_a_backup_cannot_write_outside_the_plans_folder(tmp_path: Path, name: str) -> None:
    data = tmp_path / "data"
    data.mkdir()
    backup = export_backup(data, NOW)
    backup["plans"] = {name: 'title = "x"\n'}
    with pytest.raises(BackupError, match=r"not a plain \.toml name"):
        restore_backup(data, json.dumps(backup), NOW)
    assert not (tmp_path / "escape.toml").exists()
    assert sorted(p.name for p in tmp_path.rglob("*escape*")) == []
