"""The pure helpers behind the window: quick plans, cues, units, body line, summary."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.domain.body_line import body_line
from app.domain.form_cue import form_cue
from app.domain.phase_words import Shape, phase_words
from app.domain.problems import InputError
from app.domain.quick_session import QuickSession, quick_plan
from app.domain.session_summary import compare, format_duration, summarize
from app.domain.setup_flow import first_sets, walkthrough_needed
from app.domain.stage import Stage
from app.domain.timeline import compile_sets
from app.domain.units import Units, format_height, from_display
from app.domain.variation import Support
from app.storage.catalog import Catalog, load_catalog


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_quick_plan_parses_and_drops_the_box_for_boxless_variations(catalog: Catalog) -> None:
    quick = QuickSession("hands-elevated-push-up", 40, 3, "8-12", "3-1-1-0", 60)
    plan, text = quick_plan(quick, catalog)
    assert plan.blocks[0].box_height_cm == 40 and plan.total_sets == 3
    assert 'reps = "8-12"' in text
    assert plan.count_in_s is None  # the person's count-in setting applies
    floor, _ = quick_plan(QuickSession("floor-push-up", 40, 2, "10", "2-0-1-0", 60), catalog)
    assert floor.blocks[0].box_height_cm is None


def test_quick_plan_reports_a_bad_tempo(catalog: Catalog) -> None:
    with pytest.raises(InputError):
        quick_plan(QuickSession("floor-push-up", None, 2, "10", "3-1-", 60), catalog)


def test_form_cue_rotates_per_rep_and_set() -> None:
    cues = ("a", "b", "c")
    assert [form_cue(cues, 0, rep) for rep in (None, 1, 2, 3, 4)] == ["a", "a", "b", "c", "a"]
    assert form_cue(cues, 1, 1) == "b"
    assert form_cue((), 0, 1) == ""


def test_units() -> None:
    assert format_height(45, Units.CM) == "45 cm"
    assert format_height(45.72, Units.INCHES) == "18.0 in"
    assert format_height(None, Units.CM) == ""
    assert from_display(18, Units.INCHES) == 45.7


def test_every_stage_has_a_word_and_rep_phases_have_distinct_shapes() -> None:
    shapes = {phase_words(s).shape for s in (Stage.ECCENTRIC, Stage.BOTTOM, Stage.CONCENTRIC)}
    assert len(shapes) == 3 and Shape.NONE not in shapes
    assert all(phase_words(stage).word for stage in Stage)


def test_body_line_gets_flatter_as_the_box_gets_lower() -> None:
    angles = [body_line(Support.TOES, h).angle_deg for h in (60, 45, 30, 0)]
    assert angles == sorted(angles, reverse=True)
    line = body_line(Support.TOES, 45)
    assert line.hand.y == 45 and line.shoulder.x == line.hand.x
    assert body_line(Support.KNEES, None).foot.x > body_line(Support.KNEES, None).pivot.x
    assert body_line(Support.WALL, None).box_height_cm is None


def test_first_sets_and_practised_skip(catalog: Catalog) -> None:
    quick = QuickSession("hands-elevated-push-up", 40, 3, "10", "3-1-1-0", 60)
    schedules = compile_sets(quick_plan(quick, catalog)[0])
    assert first_sets(schedules) == {0: "hands-elevated-push-up"}
    assert first_sets(schedules, 2) == {2: "hands-elevated-push-up"}
    assert walkthrough_needed(5, skip_practised=False)
    assert not walkthrough_needed(3, skip_practised=True)
    assert walkthrough_needed(2, skip_practised=True)


@dataclass
class _Row:
    variation: str
    reps: int
    box_height_cm: float | None
    tempo: str
    time_under_tension_s: float


def test_summary_and_comparison() -> None:
    now = [_Row("a", 10, 45, "3-1-1-0", 50), _Row("a", 8, 40, "3-1-1-0", 40)]
    summary = summarize(now)
    assert (summary.sets, summary.total_reps, summary.time_under_tension_s) == (2, 18, 90)
    totals = summary.by_variation[0]
    assert totals.lowest_box_cm == 40
    # Each set with its own box when the box moved, not the lowest for them all.
    assert totals.sets_text(Units.CM) == "10 reps at 45 cm + 8 at 40 cm"
    assert totals.sets_text(Units.INCHES) == "10 reps at 17.7 in + 8 at 15.7 in"
    same_box = summarize([_Row("a", 10, 45, "3-1-1-0", 50), _Row("a", 8, 45, "3-1-1-0", 40)])
    assert same_box.by_variation[0].sets_text(Units.CM) == "10 + 8 reps · box 45 cm"
    floor = summarize([_Row("f", 12, None, "2-0-1-0", 30), _Row("f", 9, None, "2-0-1-0", 25)])
    assert floor.by_variation[0].sets_text(Units.CM) == "12 + 9 reps"
    comparison = compare(totals, [_Row("a", 7, 45, "3-1-1-0", 35), _Row("b", 9, None, "x", 1)])
    assert comparison is not None
    assert comparison.reps_change == 11 and comparison.same_tempo
    assert compare(totals, []) is None
    assert format_duration(125) == "2:05"
