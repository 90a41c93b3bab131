"""The load model against the published points of DOMAIN.md section 2."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from app.cli import main
from app.domain.load_model import (
    LoadError,
    box_share,
    equivalent_box_height_cm,
    estimate_load,
)
from app.domain.variation import Variation
from app.storage.catalog import load_catalog

CATALOG = load_catalog()
BOX = CATALOG["hands-elevated-push-up"]
WITHIN_2_POINTS = 0.02


def _share(variation: Variation, box_height_cm: float | None = None) -> float:
    return estimate_load(variation, box_height_cm, stature_cm=175).share_of_body_mass


@pytest.mark.parametrize(
    ("box_height_cm", "published"),
    [(0, 0.64), (20, 0.59), (30.5, 0.55), (40, 0.52), (60, 0.41), (61, 0.41)],
)
def test_hands_elevated_follows_the_published_points(
    box_height_cm: float, published: float
) -> None:
    assert _share(BOX, box_height_cm) == pytest.approx(published, abs=WITHIN_2_POINTS)


def test_measured_variations_use_the_measured_value_exactly() -> None:
    assert _share(CATALOG["floor-push-up"]) == 0.64
    assert _share(CATALOG["kneeling-push-up"]) == 0.49
    assert _share(CATALOG["negative-knee-push-up"]) == 0.49
    estimate = estimate_load(CATALOG["floor-push-up"])
    assert "Ebben" in estimate.source
    assert not estimate.extrapolated


def test_a_knee_push_up_weighs_about_a_46_cm_box() -> None:
    assert box_share(46) == pytest.approx(_share(CATALOG["kneeling-push-up"]), abs=0.01)
    assert equivalent_box_height_cm(0.49) == pytest.approx(46, abs=2)


def test_lower_boxes_are_always_harder() -> None:
    shares = [box_share(h) for h in range(0, 121, 5)]
    assert shares == sorted(shares, reverse=True)


def test_taller_people_carry_more_on_the_same_box() -> None:
    assert box_share(61, stature_cm=190) > box_share(61, stature_cm=160)


def test_above_61_cm_is_flagged_as_an_extrapolation() -> None:
    assert not estimate_load(BOX, 61).extrapolated
    high = estimate_load(BOX, 75)
    assert high.extrapolated
    assert "extrapolated" in high.source


def test_a_box_variation_without_a_height_uses_its_default() -> None:
    estimate = estimate_load(BOX)
    assert estimate.box_height_cm == BOX.default_box_height_cm


def test_the_wall_push_up_is_an_unmeasured_estimate() -> None:
    wall = estimate_load(CATALOG["wall-push-up"])
    assert wall.extrapolated
    assert wall.share_of_body_mass < box_share(61)


@pytest.mark.parametrize(
    ("variation_id", "box_height_cm", "stature_cm"),
    [
        ("floor-push-up", 30.0, 175.0),
        ("hands-elevated-push-up", -1.0, 175.0),
        ("hands-elevated-push-up", 121.0, 175.0),
        ("hands-elevated-push-up", 30.0, 60.0),
    ],
)
def test_impossible_inputs_are_refused(
    variation_id: str, box_height_cm: float, stature_cm: float
) -> None:
    with pytest.raises(LoadError):
        estimate_load(CATALOG[variation_id], box_height_cm, stature_cm)


def test_a_box_variation_with_no_height_at_all_is_refused() -> None:
    with pytest.raises(LoadError):
        estimate_load(replace(BOX, default_box_height_cm=None))


def test_the_load_command_prints_the_json_contract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--data-dir", str(tmp_path), "load", "--variation", "hands-elevated-push-up"]
    assert main([*argv, "--box-height-cm", "61", "--stature-cm", "180", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == {
        "variation": "hands-elevated-push-up",
        "box_height_cm": 61.0,
        "stature_cm": 180.0,
        "share_of_body_mass": printed["share_of_body_mass"],
        "source": printed["source"],
        "extrapolated": False,
    }
    assert printed["share_of_body_mass"] == pytest.approx(0.43, abs=0.02)
    assert main([*argv, "--box-height-cm", "80"]) == 0
    assert "extrapolation" in capsys.readouterr().out
    assert (
        main(["--data-dir", str(tmp_path), "load", "--variation", "floor-push-up", "--json"]) == 0
    )
    assert json.loads(capsys.readouterr().out)["share_of_body_mass"] == 0.64


def test_the_load_command_refuses_a_box_height_for_the_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--data-dir", str(tmp_path), "load", "--variation", "floor-push-up"]
    assert main([*argv, "--box-height-cm", "20"]) == 2
    assert "does not use a box" in capsys.readouterr().err


def test_the_load_command_takes_the_stature_from_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = {"equipment": {"stature_cm": 160, "surfaces": [{"name": "step", "height_cm": 20}]}}
    (tmp_path / "settings.json").write_text(json.dumps(profile), encoding="utf-8")
    argv = ["--data-dir", str(tmp_path), "load", "--variation", "floor-push-up", "--json"]
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out)["stature_cm"] == 160


@pytest.mark.parametrize(
    ("stature_cm", "box_height_cm"), [(155, 99), (155, 100), (175, 115), (100, 120)]
)
def test_a_high_surface_never_carries_less_than_a_wall_lean(
    stature_cm: float, box_height_cm: float
) -> None:
    estimate = estimate_load(BOX, box_height_cm, stature_cm)
    assert estimate.share_of_body_mass == pytest.approx(0.25)
    assert estimate.extrapolated
    assert "wall push-up estimate" in estimate.source


def test_the_loaded_push_up_says_its_added_load_comes_on_top() -> None:
    estimate = estimate_load(CATALOG["loaded-push-up"])
    assert estimate.share_of_body_mass == 0.64
    assert "added load comes on top" in estimate.source
