from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.plan import Block, SessionPlan, parse_plan
from app.domain.reps import RepTarget
from app.domain.stage import Stage
from app.domain.tempo import Tempo, parse_tempo
from app.domain.timeline import CueKind, compile_timeline
from app.storage.catalog import Catalog
from tests.conftest import plan_text


def cues(plan: SessionPlan) -> list[tuple[float, str]]:
    return [(round(c.t_s, 6), c.kind.value) for c in compile_timeline(plan).cues]


def block(
    tempo: str = "3-1-1-0", reps: int = 2, sets: int = 1, rest_s: float = 90, reset_s: float = 3
) -> Block:
    return Block(
        "floor-push-up", sets, RepTarget(reps, reps), parse_tempo(tempo), rest_s, None, reset_s
    )


def test_one_set_hand_computed() -> None:
    plan = SessionPlan("t", (block("3-1-1-0", reps=2),), count_in_s=3)
    assert cues(plan) == [
        (0, "count"),
        (1, "count"),
        (2, "count"),
        (3, "eccentric"),
        (4, "tick"),
        (5, "tick"),
        (6, "bottom"),
        (7, "concentric"),
        (8, "eccentric"),
        (9, "tick"),
        (10, "tick"),
        (11, "bottom"),
        (12, "concentric"),
        (13, "session_end"),
    ]
    assert compile_timeline(plan).duration_s == 13


def test_four_second_lowering_ticks_every_second_and_top_pause_is_cued() -> None:
    plan = SessionPlan("t", (block("4-0-1-2", reps=1),), count_in_s=0)
    assert cues(plan) == [
        (0, "eccentric"),
        (1, "tick"),
        (2, "tick"),
        (3, "tick"),
        (4, "concentric"),
        (5, "top"),
        (7, "session_end"),
    ]


def test_fractional_lowering_ticks_on_whole_seconds_only() -> None:
    plan = SessionPlan("t", (block("2.5-0-1-0", reps=1),), count_in_s=0)
    assert cues(plan) == [
        (0, "eccentric"),
        (1, "tick"),
        (2, "tick"),
        (2.5, "concentric"),
        (3.5, "session_end"),
    ]


def test_assisted_reset_and_explosive_concentric() -> None:
    plan = SessionPlan(
        "t", (block("4-1-R-0", reps=1, reset_s=2.5), block("1-0-X-0", reps=1)), count_in_s=0
    )
    timeline = compile_timeline(plan)
    assert cues(plan)[:5] == [
        (0, "eccentric"),
        (1, "tick"),
        (2, "tick"),
        (3, "tick"),
        (4, "bottom"),
    ]
    assert (5, "reset") in cues(plan)
    assert (7.5, "set_end") in cues(plan)
    # the rest of 90 s is followed by the explosive rep: 1 s down, 1 s up
    assert timeline.sets[1].start_s == 97.5
    assert cues(plan)[-3:] == [(97.5, "eccentric"), (98.5, "concentric"), (99.5, "session_end")]
    assert [p.stage for p in timeline.sets[0].schedule.phases] == [
        Stage.ECCENTRIC,
        Stage.BOTTOM,
        Stage.RESET,
    ]


def test_rest_between_sets_has_a_warning_10_s_before_its_end() -> None:
    plan = SessionPlan("t", (block("1-0-1-0", reps=1, sets=2, rest_s=30),), count_in_s=1)
    timeline = compile_timeline(plan)
    first, second = timeline.sets
    assert (first.start_s, first.reps_start_s, first.end_s, first.rest_end_s) == (0, 1, 3, 33)
    assert (second.start_s, second.end_s, second.rest_end_s) == (33, 36, 36)
    assert (23, "rest_warning") in cues(plan)
    assert cues(plan)[-1] == (36, "session_end")
    assert timeline.duration_s == 36


def test_short_rest_has_no_warning_and_zero_rest_chains_sets() -> None:
    plan = SessionPlan("t", (block("1-0-1-0", reps=1, sets=2, rest_s=19),), count_in_s=0)
    assert "rest_warning" not in [k for _, k in cues(plan)]
    plan = SessionPlan("t", (block("1-0-1-0", reps=1, sets=2, rest_s=0),), count_in_s=0)
    assert compile_timeline(plan).sets[1].start_s == 2


def test_a_range_schedules_its_upper_bound_and_max_schedules_30(catalog: Catalog) -> None:
    text = plan_text(
        'variation = "floor-push-up"\nsets = 1\nreps = "8-12"\ntempo = "1-0-1-0"\nrest_s = 0',
        'variation = "floor-push-up"\nsets = 1\nreps = "max"\ntempo = "1-0-1-0"',
    )
    timeline = compile_timeline(parse_plan(text, catalog))
    assert [s.schedule.reps for s in timeline.sets] == [12, 30]
    assert sum(1 for c in timeline.cues if c.kind is CueKind.ECCENTRIC) == 42


def test_phases_cover_each_set_without_gaps() -> None:
    plan = SessionPlan("t", (block("3-1-1-2", reps=3),), count_in_s=3)
    phases = compile_timeline(plan).sets[0].schedule.phases
    assert phases[0].start_s == 0
    assert all(a.end_s == pytest.approx(b.start_s) for a, b in itertools.pairwise(phases))
    assert phases[-1].end_s == 3 + 3 * 7


tempo_fields = st.one_of(st.integers(0, 6), st.sampled_from([0.5, 1.5, 2.25, 4.75]))
blocks = st.builds(
    lambda e, b, c, t, reps, sets, rest, reset: Block(
        "floor-push-up", sets, RepTarget(1, reps), Tempo(e, b, c, t), rest, None, reset
    ),
    tempo_fields,
    tempo_fields,
    tempo_fields,
    tempo_fields,
    st.integers(1, 12),
    st.integers(1, 4),
    st.sampled_from([0, 5, 19.5, 20, 90, 600]),
    st.sampled_from([0.5, 3.0]),
).filter(lambda b: b.rep_duration_s > 0)


@settings(max_examples=200)
@given(st.lists(blocks, min_size=1, max_size=4), st.sampled_from([0, 1, 2.5, 3, 10]))
def test_timeline_properties(plan_blocks: list[Block], count_in_s: float) -> None:
    plan = SessionPlan("p", tuple(plan_blocks), count_in_s=count_in_s)
    timeline = compile_timeline(plan)
    times = [c.t_s for c in timeline.cues]
    assert times == sorted(times)
    assert all(0 <= t <= timeline.duration_s + 1e-9 for t in times)
    total_sets = sum(b.sets for b in plan_blocks)
    parts = sum(
        b.sets * (count_in_s + b.reps.scheduled_reps * b.rep_duration_s) for b in plan_blocks
    )
    rests = sum(b.sets * b.rest_s for b in plan_blocks) - plan_blocks[-1].rest_s
    assert timeline.duration_s == pytest.approx(parts + rests)
    assert len(timeline.sets) == total_sets
    ends = [c for c in timeline.cues if c.kind in (CueKind.SET_END, CueKind.SESSION_END)]
    assert [c.kind for c in ends] == [CueKind.SET_END] * (total_sets - 1) + [CueKind.SESSION_END]
    counts = sum(1 for c in timeline.cues if c.kind is CueKind.COUNT)
    assert counts == total_sets * math.ceil(count_in_s)


BLOCK_TWO_SETS = 'variation = "floor-push-up"\nsets = 2\nreps = 1\ntempo = "1-0-1-0"\nrest_s = 10'


@pytest.mark.parametrize(
    ("head", "default_s", "count_in_s"),
    [
        ("count_in_s = 5", 2.0, 5.0),
        ("count_in_s = 0", 2.0, 0.0),
        ("", 2.0, 2.0),
        ("", None, 3.0),
    ],
)
def test_a_plan_keeps_its_own_count_in_and_the_default_fills_in_for_the_others(
    head: str, default_s: float | None, count_in_s: float, catalog: Catalog
) -> None:
    plan = parse_plan(plan_text(BLOCK_TWO_SETS, head=head), catalog)
    if default_s is None:
        timeline = compile_timeline(plan)
    else:
        timeline = compile_timeline(plan, default_count_in_s=default_s)
    assert [timed.schedule.count_in_s for timed in timeline.sets] == [count_in_s, count_in_s]
    assert [timed.reps_start_s - timed.start_s for timed in timeline.sets] == [
        count_in_s,
        count_in_s,
    ]
    first_set_cues = [c.kind for c in timeline.cues if c.t_s < timeline.sets[0].reps_start_s]
    assert first_set_cues.count(CueKind.COUNT) == math.ceil(count_in_s)
