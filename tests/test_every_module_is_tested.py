"""Every module of the app that has logic has a test module of its own.

A module has logic when it defines a function or a method; one with none (constants,
records, enums, re-exports) has nothing of its own to test. Its test module either imports
it, or mirrors it (``app/gui/hands_free.py`` <-> ``tests/gui/test_hands_free.py``, or under
``tests/unit/gui/``): a ``tests/**/test_*.py`` file, never a helper. A new module with logic
and no test fails here, naming itself.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def app_modules() -> dict[str, ast.Module]:
    return {
        module_name(path): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted((REPO / "app").rglob("*.py"))
    }


def has_logic(tree: ast.Module) -> bool:
    return any(isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) for n in ast.walk(tree))


@cache
def imported_by_tests() -> frozenset[str]:
    """Every module a test module imports: ``from a.b import c`` counts ``a.b`` and ``a.b.c``."""
    found: set[str] = set()
    for path in (REPO / "tests").rglob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
    return frozenset(found)


@cache
def mirrored_by_tests() -> frozenset[str]:
    """Modules with a test file of their name in the folder of their package's name."""
    found: set[str] = set()
    packages = {name.rpartition(".")[0] for name in app_modules()}
    for path in (REPO / "tests").rglob("test_*.py"):
        folder = path.parent.relative_to(REPO / "tests").parts
        leaf = path.stem.removeprefix("test_")
        for package in packages:
            inside = tuple(package.split(".")[1:])  # the path under app/
            if folder[len(folder) - len(inside) :] == inside or not inside:
                found.add(f"{package}.{leaf}")
    return frozenset(found)


def untested() -> set[str]:
    tested = imported_by_tests() | mirrored_by_tests()
    return {name for name, tree in app_modules().items() if has_logic(tree) and name not in tested}


def test_every_module_with_logic_has_a_test_module_of_its_own() -> None:
    missing = sorted(untested())
    assert not missing, (
        f"modules with logic and no test module importing or mirroring them: {missing}"
    )


def test_the_check_sees_logic_and_imports() -> None:
    assert has_logic(app_modules()["app.domain.fields"])
    assert not has_logic(ast.parse("LIMIT = 3\nclass Kind:\n    A = 1\n"))
    assert "app.domain.plan" in imported_by_tests()
    assert "app.gui.side_screens" in mirrored_by_tests()  # tests/gui/test_side_screens.py
    assert "app.gui.side_screens" not in imported_by_tests()
