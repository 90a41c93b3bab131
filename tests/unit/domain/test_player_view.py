"""What a screen draws of the player's moment: the phase's progress and the countdown."""

from __future__ import annotations

import dataclasses

import pytest

from app.domain.plan import parse_plan
from app.domain.player_view import PlayerView
from app.domain.stage import Stage
from app.domain.timeline import compile_sets
from app.storage.catalog import Catalog
from tests.conftest import plan_text


@pytest.fixture
def view(catalog: Catalog) -> PlayerView:
    plan = parse_plan(plan_text('variation = "floor-push-up"\nsets = 2\nreps = 5'), catalog)
    first = compile_sets(plan)[0]
    return PlayerView(
        stage=Stage.ECCENTRIC,
        paused=False,
        set_index=0,
        total_sets=2,
        schedule=first,
        rep=1,
        reps_planned=5,
        reps_completed=0,
        phase_duration_s=3.0,
        phase_remaining_s=3.0,
        rest_total_s=90.0,
        rest_remaining_s=90.0,
        next_schedule=None,
    )


def test_progress_runs_from_0_to_1_over_the_phase(view: PlayerView) -> None:
    assert view.phase_progress == 0.0
    assert dataclasses.replace(view, phase_remaining_s=0.75).phase_progress == 0.75
    assert dataclasses.replace(view, phase_remaining_s=-1).phase_progress == 1.0
    assert dataclasses.replace(view, phase_duration_s=0).phase_progress == 1.0


def test_the_countdown_shows_3_2_1_and_never_0_while_a_phase_runs(view: PlayerView) -> None:
    shown = [dataclasses.replace(view, phase_remaining_s=r).countdown for r in (3, 2.5, 1.0, 0.2)]
    assert shown == [3, 3, 1, 1]
    assert dataclasses.replace(view, phase_remaining_s=0).countdown == 0


def test_in_the_rest_and_the_log_the_countdown_is_the_rest(view: PlayerView) -> None:
    for stage in (Stage.REST, Stage.LOGGING):
        assert dataclasses.replace(view, stage=stage, rest_remaining_s=41.2).countdown == 42
