"""Fixtures shared by every test: the shipped catalog and plan text builders."""

from __future__ import annotations

import pytest

from app.storage.catalog import Catalog, load_catalog


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


def plan_text(*blocks: str, title: str = "Test plan", head: str = "") -> str:
    """A plan's TOML with the given ``[[block]]`` bodies."""
    parts = [f'title = "{title}"', head]
    parts.extend(f"[[block]]\n{body.strip()}" for body in blocks)
    return "\n".join(part for part in parts if part) + "\n"
