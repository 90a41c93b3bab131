"""The shape of the shipped code: small modules, one purpose each (ruff's C901 keeps functions
at complexity 15 or less; this keeps modules short enough to read whole)."""

from __future__ import annotations

from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"
MOST_LINES = 450


def _line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_app_module_is_over_450_lines() -> None:
    modules = sorted(APP.rglob("*.py"))
    assert len(modules) > 50  # the whole package was found
    too_long = {
        str(p.relative_to(APP.parent)): n for p in modules if (n := _line_count(p)) > MOST_LINES
    }
    assert not too_long, f"split these by purpose: {too_long}"
