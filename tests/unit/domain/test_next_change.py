"""When the session screen next looks different, on a fake clock (nothing sleeps)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.next_change import (
    Change,
    ChangeKind,
    fraction_to_next_step,
    next_change,
    seconds_to_next_whole,
)
from app.domain.plan import Block, SessionPlan
from app.domain.player import Player, SetResult
from app.domain.reps import RepTarget
from app.domain.stage import Stage
from app.domain.tempo import parse_tempo
from app.domain.timeline import compile_sets

RATE_HZ = 60.0


def make_player(
    reps: int = 30, rest_s: float = 90, tempo: str = "3-1-1-0", speed: float = 1.0
) -> Player:
    block = Block("floor-push-up", 2, RepTarget(reps, reps), parse_tempo(tempo), rest_s, None)
    return Player(compile_sets(SessionPlan("t", (block,), count_in_s=3)), speed=speed)


def change_at(player: Player, now: float, steps: int) -> Change | None:
    return next_change(
        player.view(now), now, speed=player.speed, ring_steps=steps, max_rate_hz=RATE_HZ
    )


def shown(player: Player, now: float, steps: int) -> tuple[Stage, int, int]:
    """What a person sees at ``now``: the stage, the countdown and the ring's arc-end pixel."""
    view = player.view(now)
    if view.stage in (Stage.REST, Stage.LOGGING):
        total, remaining = view.rest_total_s, view.rest_remaining_s
    else:
        total, remaining = view.phase_duration_s, view.phase_remaining_s
    progress = 1.0 - remaining / total if total else 0.0
    return view.stage, view.countdown, math.floor(progress * steps + 1e-6)


def test_a_countdown_drops_at_each_whole_second() -> None:
    assert seconds_to_next_whole(2.3) == pytest.approx(0.3, abs=1e-5)
    assert seconds_to_next_whole(3.0) == pytest.approx(1.0, abs=1e-5)
    assert seconds_to_next_whole(0.4) == pytest.approx(0.4, abs=1e-5)
    assert seconds_to_next_whole(0.0) == 0.0


def test_a_ring_moves_by_whole_pixels() -> None:
    assert fraction_to_next_step(0.0, 100) == pytest.approx(0.01)
    assert fraction_to_next_step(0.015, 100) == pytest.approx(0.005)
    assert fraction_to_next_step(0.5, 0) == math.inf
    assert fraction_to_next_step(1.0, 100) == math.inf


def test_nothing_moves_before_the_start_while_paused_and_after_the_end() -> None:
    player = make_player(reps=1)
    assert change_at(player, 0.0, 1000) is None
    player.start(0.0)
    player.pause(1.2)
    assert change_at(player, 1.2, 1000) is None
    assert change_at(player, 500.0, 1000) is None
    player.resume(500.0)
    assert change_at(player, 500.0, 1000) is not None


def test_a_phase_ends_on_the_dot_and_wins_a_tie_with_its_last_second() -> None:
    player = make_player()
    player.start(10.0)
    change = change_at(player, 12.4, 0)  # count-in 3 s: 0.6 s left, its last second
    assert change is not None and change.kind is ChangeKind.STAGE
    assert change.at == pytest.approx(13.0)


def test_a_fast_phase_moves_its_ring_at_most_at_the_display_rate() -> None:
    player = make_player()
    player.start(0.0)
    player.advance(3.5)  # lowering: 3 s over a 1,500-pixel ring, 2 ms a pixel
    change = change_at(player, 3.5, 1500)
    assert change is not None and change.kind is ChangeKind.RING
    assert change.at == pytest.approx(3.5 + 1 / RATE_HZ)


def test_a_rest_wakes_only_as_its_ring_and_countdown_move() -> None:
    """A 90 s rest on a 1,200-pixel ring: one wake per pixel, not 60 a second."""
    player = make_player(reps=1)
    player.start(0.0)
    player.advance(8.0)  # the 1-rep set (3 + 5 s) ended: logging, rest running
    player.log_set(8.0, SetResult(1, None))
    assert player.stage is Stage.REST
    now, wakes = 8.0, 0
    while player.stage is Stage.REST:
        change = change_at(player, now, 1200)
        assert change is not None and change.at > now
        now = change.at + 1e-9
        player.advance(now)
        wakes += 1
    assert now == pytest.approx(98.0)
    assert 1200 <= wakes <= 1200 + 90 + 2  # every pixel and every second, nothing more
    assert wakes / 90 < 15  # what the battery notices: a few wakes a second, not 60


def test_the_log_sheet_wakes_once_a_second_then_never() -> None:
    player = make_player(reps=1, rest_s=5)
    player.start(0.0)
    player.advance(8.0)
    assert player.stage is Stage.LOGGING
    now, wakes = 8.0, 0
    while (change := change_at(player, now, 1200)) is not None:
        assert change.kind is ChangeKind.SECOND
        now = change.at + 1e-9
        wakes += 1
    assert wakes == 5
    assert now == pytest.approx(13.0)


def test_rehearsal_speed_shortens_every_wait() -> None:
    player = make_player(speed=2.0)
    player.start(0.0)
    change = change_at(player, 0.0, 0)  # the count-in's 3 shows for half a second
    assert change is not None and change.kind is ChangeKind.SECOND
    assert change.at == pytest.approx(0.5, abs=1e-5)


@settings(max_examples=200, deadline=None)
@given(
    at=st.floats(min_value=0.0, max_value=160.0),
    steps=st.integers(min_value=0, max_value=3000),
    tempo=st.sampled_from(["3-1-1-0", "2-0-1-0", "5-2-X-1", "4-0-R-0"]),
    speed=st.sampled_from([1.0, 0.5, 3.0]),
)
def test_nothing_visible_changes_before_the_wake_and_something_does_at_it(
    at: float, steps: int, tempo: str, speed: float
) -> None:
    player = make_player(reps=6, rest_s=45, tempo=tempo, speed=speed)
    player.start(0.0)
    player.advance(at)
    if player.stage is Stage.LOGGING:
        player.log_set(at, SetResult(6, None))
        player.advance(at)
    change = change_at(player, at, steps)
    if change is None:
        assert player.stage in (Stage.LOGGING, Stage.FINISHED)
        return
    # At the display's rate cap the ring may pass a pixel between wakes: by design.
    capped = change.at - at <= 1 / RATE_HZ + 1e-9
    seen = slice(0, 2) if capped else slice(0, 3)
    before = shown(player, at, steps)
    # (The countdown itself drops a microsecond early: PlayerView's rounding slack.)
    for moment in (
        *(at + (change.at - at) * share for share in (0.25, 0.5, 0.75)),
        change.at - 1e-5,
    ):
        if moment > at:
            assert shown(player, moment, steps)[seen] == before[seen]
    player.advance(change.at + 1e-9)
    assert shown(player, change.at + 1e-9, steps) != before
