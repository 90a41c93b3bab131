from __future__ import annotations

import pytest

from app.domain.problems import InputError
from app.domain.variation import Support, check_ladder, parse_variation
from app.storage.resources import shipped_folder

SOURCE = (shipped_folder("resources") / "variations" / "hands-elevated-push-up.toml").read_text()


def test_reads_a_shipped_variation() -> None:
    variation = parse_variation(SOURCE)
    assert variation.id == "hands-elevated-push-up"
    assert variation.support is Support.TOES
    assert variation.uses_box
    assert variation.default_box_height_cm is not None


def problem_lines(text: str) -> list[tuple[int | None, str]]:
    with pytest.raises(InputError) as raised:
        parse_variation(text)
    return [(p.line, p.message) for p in raised.value.problems]


def test_a_box_variation_needs_a_default_height() -> None:
    text = "\n".join(
        line for line in SOURCE.splitlines() if not line.startswith("default_box_height_cm")
    )
    assert any("needs default_box_height_cm" in m for _, m in problem_lines(text))


def test_unknown_keys_bad_ids_and_too_few_steps_are_reported_with_lines() -> None:
    text = SOURCE.replace('id = "hands-elevated-push-up"', 'id = "Hands Elevated"\ncolour = "red"')
    found = problem_lines(text)
    assert any("must use only a-z" in m for _, m in found)
    assert any("unknown key 'colour'" in m and line is not None for line, m in found)
    steps_cut = SOURCE[: SOURCE.index("[[step]]")]
    assert any(
        "[[step]]" in m for _, m in problem_lines(steps_cut + "\n[[step]]\ntitle='a'\ntext='b'\n")
    )


def test_ladder_neighbours_must_exist() -> None:
    variation = parse_variation(SOURCE)
    missing = check_ladder({variation.id: variation})
    assert missing and all(vid == variation.id for vid, _ in missing)
