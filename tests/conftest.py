"""Fixtures shared by every test: the shipped catalog and plan text builders."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from app.storage.catalog import Catalog, load_catalog

# CI (.ci/run) runs the same examples every time, so a red build is reproducible and never
# a coin toss; a developer's `make test` keeps exploring new ones. No per-example deadline in
# either, nor a check that generating examples is slow: speed is measured in bench/, and a busy
# machine must not fail a correctness test.
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", settings.get_profile("default"), derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


def plan_text(*blocks: str, title: str = "Test plan", head: str = "") -> str:
    """A plan's TOML with the given ``[[block]]`` bodies."""
    parts = [f'title = "{title}"', head]
    parts.extend(f"[[block]]\n{body.strip()}" for body in blocks)
    return "\n".join(part for part in parts if part) + "\n"
