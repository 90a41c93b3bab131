from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.plan import parse_plan
from app.domain.timeline import compile_timeline
from app.storage.catalog import CatalogError, load_catalog
from app.storage.plan_files import list_plans, shipped_plans_folder
from app.storage.resources import ResourceError, resource_path, shipped_folder

REQUIRED = {
    "wall-push-up",
    "hands-elevated-push-up",
    "negative-knee-push-up",
    "kneeling-push-up",
    "eccentric-push-up",
    "floor-push-up",
    "loaded-push-up",
}


def test_the_catalog_has_every_required_variation_with_its_coaching() -> None:
    catalog = load_catalog()
    assert set(catalog) >= REQUIRED
    for variation in catalog.values():
        assert 4 <= len(variation.steps) <= 6
        assert variation.form_cues
        assert variation.mistakes
        assert variation.easier or variation.harder
    assert catalog["hands-elevated-push-up"].uses_box
    caveat = catalog["kneeling-push-up"].caveat.lower()
    assert "box" in caveat
    assert "better" in caveat
    assert next(iter(catalog)) == "wall-push-up"  # ordered from the easiest


def test_no_variation_ladder_suggests_the_kneeling_push_up_as_a_step_up() -> None:
    catalog = load_catalog()
    assert all("kneeling-push-up" not in v.harder for v in catalog.values())


def test_every_shipped_plan_validates_and_compiles() -> None:
    catalog = load_catalog()
    plans = list_plans([shipped_plans_folder()], catalog)
    assert len(plans) >= 6
    for plan_file in plans:
        assert plan_file.ok, plan_file.problems
        assert plan_file.plan is not None
        timeline = compile_timeline(plan_file.plan)
        assert 5 * 60 <= timeline.duration_s <= 45 * 60, plan_file.path


def test_a_broken_catalog_entry_is_reported_with_its_file_and_line(tmp_path: Path) -> None:
    source = shipped_folder("resources") / "variations" / "floor-push-up.toml"
    broken = source.read_text().replace("difficulty = ", "difficulty = 99 #")
    (tmp_path / "floor-push-up.toml").write_text(broken)
    with pytest.raises(CatalogError) as raised:
        load_catalog(tmp_path)
    assert any(
        "floor-push-up.toml:" in line and "difficulty" in line for line in raised.value.lines
    )


def test_resource_names_cannot_leave_the_folder() -> None:
    for name in ("../pyproject.toml", "/etc/passwd", ""):
        with pytest.raises(ResourceError):
            resource_path(name)
    assert resource_path("variations/floor-push-up.toml").is_file()


def test_plans_from_a_broken_folder_are_listed_with_their_error(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text(
        'title = "Good"\n[[block]]\nvariation = "floor-push-up"\nsets = 1\nreps = 5\n'
    )
    (tmp_path / "bad.toml").write_bytes(b"\xff\xfe garbage")
    catalog = load_catalog()
    bad, good = list_plans([tmp_path, tmp_path / "missing"], catalog)
    assert good.ok
    assert not bad.ok
    assert bad.problems[0].startswith(f"{tmp_path / 'bad.toml'}:1: ")
    assert parse_plan(good.text, catalog).title == "Good"
