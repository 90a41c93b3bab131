from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.plan import parse_plan
from app.domain.problems import InputError
from app.domain.tempo import parse_tempo
from app.storage.catalog import Catalog
from tests.conftest import plan_text

BOX = 'variation = "hands-elevated-push-up"\nsets = 3\nreps = "8-12"\nbox_height_cm = 45'


def problems(text: str, catalog: Catalog) -> list[tuple[int | None, str]]:
    with pytest.raises(InputError) as raised:
        parse_plan(text, catalog)
    return [(p.line, p.message) for p in raised.value.problems]


def test_reads_a_full_plan_with_defaults_from_the_variation(catalog: Catalog) -> None:
    text = plan_text(
        BOX, 'variation = "negative-knee-push-up"\nsets = 2\nreps = 5', head="count_in_s = 5"
    )
    plan = parse_plan(text, catalog)
    assert plan.title == "Test plan"
    assert plan.count_in_s == 5
    first, second = plan.blocks
    assert (first.sets, str(first.reps), first.box_height_cm, first.rest_s) == (3, "8-12", 45, 90)
    assert first.tempo == catalog["hands-elevated-push-up"].default_tempo
    assert second.tempo == catalog["negative-knee-push-up"].default_tempo
    assert second.box_height_cm is None
    assert plan.total_sets == 5


def test_box_height_in_inches_is_converted(catalog: Catalog) -> None:
    text = plan_text(BOX.replace("box_height_cm = 45", "box_height_in = 18"))
    assert parse_plan(text, catalog).blocks[0].box_height_cm == pytest.approx(45.7)


def test_max_reps_and_explicit_tempo(catalog: Catalog) -> None:
    text = plan_text(
        'variation = "floor-push-up"\nsets = 1\nreps = "max"\ntempo = "2-0-X-0"\nrest_s = 0'
    )
    block = parse_plan(text, catalog).blocks[0]
    assert block.reps.is_max
    assert block.reps.scheduled_reps == 30
    assert block.tempo == parse_tempo("2-0-X-0")


@pytest.mark.parametrize(
    ("block", "line", "fragment"),
    [
        (
            'variation = "floor-push-up"\nsets = 3\nreps = 10\ncolour = "red"',
            6,
            "unknown key 'colour'",
        ),
        ('variation = "floor-push-up"\nsets = "3"\nreps = 10', 4, "'sets' must be a number"),
        ('variation = "floor-push-up"\nsets = 21\nreps = 10', 4, "'sets' is 21; it must be 1-20"),
        ('variation = "floor-push-up"\nsets = 2.5\nreps = 10', 4, "must be a whole number"),
        ('variation = "floor-push-up"\nreps = 10', 2, "'sets' is required"),
        ('variation = "floor-push-up"\nsets = 3\nreps = "12-8"', 5, "from low to high"),
        ('variation = "floor-push-up"\nsets = 3\nreps = "lots"', 5, "reps 'lots' must be"),
        ('variation = "floor-push-up"\nsets = 3\nreps = 10\ntempo = "3-1"', 6, "has 2 field(s)"),
        ('variation = "floor-push-up"\nsets = 3\nreps = 10\nrest_s = 601', 6, "'rest_s' is 601"),
        ('variation = "floor-push-up"\nsets = 3\nreps = 10\nrest_s = nan', 6, "'rest_s' is nan"),
        (
            'variation = "floor-push-up"\nsets = 3\nreps = 10\nbox_height_cm = 30',
            6,
            "does not use a box",
        ),
        ('variation = "hands-elevated-push-up"\nsets = 3\nreps = 10', 3, "needs box_height_cm"),
        (BOX.replace("45", "121"), 6, "'box_height_cm' is 121"),
        (BOX + "\nbox_height_in = 10", 7, "not both"),
        ('variation = "sofa-push-up"\nsets = 3\nreps = 10', 3, "unknown variation 'sofa-push-up'"),
        (
            'variation = "negative-knee-push-up"\nsets = 1\nreps = 5\n'
            'tempo = "0-0-R-0"\nreset_s = 0',
            7,
            "must take some time",
        ),
    ],
)
def test_every_error_kind_names_its_line(
    block: str, line: int, fragment: str, catalog: Catalog
) -> None:
    found = problems(plan_text(block), catalog)
    assert any(at == line and fragment in m for at, m in found), found


def test_top_level_errors(catalog: Catalog) -> None:
    assert problems(
        'title = ""\n[[block]]\nvariation = "floor-push-up"\nsets=1\nreps=1\n', catalog
    ) == [(1, "'title' must not be empty")]
    long_title = "x" * 81
    assert "at most 80" in problems(plan_text(BOX, title=long_title), catalog)[0][1]
    assert problems('title = "No blocks"\n', catalog) == [
        (None, "at least 1 [[block]] table(s) required")
    ]
    assert "count_in_s" in problems(plan_text(BOX, head="count_in_s = 11"), catalog)[0][1]


def test_every_problem_is_reported_not_just_the_first(catalog: Catalog) -> None:
    text = plan_text('variation = "floor-push-up"\nsets = 0\nreps = 0', BOX.replace("45", "-5"))
    assert len(problems(text, catalog)) == 3


def test_toml_syntax_errors_carry_their_line(catalog: Catalog) -> None:
    assert problems('title = "x"\n[[block]\nsets = 1\n', catalog)[0][0] == 2


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_arbitrary_text_raises_only_our_error(text: str) -> None:
    from app.storage.catalog import load_catalog

    with contextlib.suppress(InputError):
        parse_plan(text, load_catalog())


@given(
    st.dictionaries(
        st.sampled_from(
            ["variation", "sets", "reps", "tempo", "rest_s", "box_height_cm", "reset_s", "x"]
        ),
        st.one_of(
            st.integers(-5, 200), st.floats(allow_nan=True), st.text(max_size=8), st.booleans()
        ),
    )
)
def test_arbitrary_blocks_raise_only_our_error(block: dict[str, object]) -> None:
    from app.storage.catalog import load_catalog

    lines = [f"{key} = {_toml(value)}" for key, value in block.items()]
    with contextlib.suppress(InputError):
        parse_plan(plan_text("\n".join(lines)), load_catalog())


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a valid TOML basic string
    return repr(value)  # integers, and floats including nan and inf, as TOML writes them


def test_a_plan_written_as_text_reads_back_the_same(catalog: Catalog) -> None:
    from app.domain.plan import plan_text as write_plan_text

    text = """
title = "Coach's \\"choice\\""
description = "two lines\\nof text"
count_in_s = 5
[[block]]
variation = "hands-elevated-push-up"
sets = 3
reps = "8-12"
tempo = "5-1-X-0"
rest_s = 75
reset_s = 2.5
box_height_cm = 47.5
[[block]]
variation = "floor-push-up"
sets = 2
reps = "max"
"""
    plan = parse_plan(text, catalog)
    assert parse_plan(write_plan_text(plan), catalog) == plan


def test_count_in_s_is_none_unless_the_plan_sets_it(catalog: Catalog) -> None:
    assert parse_plan(plan_text(BOX), catalog).count_in_s is None
    assert parse_plan(plan_text(BOX, head="count_in_s = 0"), catalog).count_in_s == 0


@pytest.mark.parametrize("head", ["", "count_in_s = 0", "count_in_s = 5"])
def test_count_in_s_round_trips_only_when_the_plan_sets_it(head: str, catalog: Catalog) -> None:
    from app.domain.plan import plan_text as write_plan_text

    plan = parse_plan(plan_text(BOX, head=head), catalog)
    written = write_plan_text(plan)
    assert ("count_in_s" in written) == bool(head)
    assert parse_plan(written, catalog) == plan
    assert write_plan_text(parse_plan(written, catalog)) == written


def test_a_block_says_whether_it_is_a_warm_up_and_the_text_keeps_it(catalog: Catalog) -> None:
    from app.domain.plan import plan_text as to_text
    from app.domain.set_role import SetRole

    warm = 'variation = "wall-push-up"\nsets = 2\nreps = 10\nrole = "warm-up"'
    work = 'variation = "floor-push-up"\nsets = 3\nreps = "8-12"'
    plan = parse_plan(plan_text(warm, work), catalog)
    assert [b.role for b in plan.blocks] == [SetRole.WARM_UP, SetRole.WORK]
    assert parse_plan(to_text(plan), catalog) == plan


def test_an_unknown_role_is_named_with_its_line(catalog: Catalog) -> None:
    text = plan_text('variation = "floor-push-up"\nsets = 3\nreps = 10\nrole = "stretch"')
    assert problems(text, catalog) == [
        (6, "block 1: role 'stretch' must be one of warm-up, work, cool-down")
    ]
