from __future__ import annotations

import pytest

from app.domain.plan import Block, SessionPlan
from app.domain.player import EventKind, Player, PlayerError, SetResult
from app.domain.reps import RepTarget
from app.domain.stage import Stage
from app.domain.tempo import parse_tempo
from app.domain.timeline import CueKind, compile_sets


def make_player(
    sets: int = 2, reps: int = 2, rest_s: float = 30, tempo: str = "3-1-1-0", **kwargs: float
) -> Player:
    block = Block("floor-push-up", sets, RepTarget(reps, reps), parse_tempo(tempo), rest_s, None)
    plan = SessionPlan("t", (block,), count_in_s=3)
    return Player(compile_sets(plan), **kwargs)  # type: ignore[arg-type]


def stages(events: list) -> list[tuple[str, int | None]]:  # type: ignore[type-arg]
    return [(e.stage.value, e.rep) for e in events if e.kind is EventKind.STAGE_CHANGED]


def done(reps: int = 2) -> SetResult:
    return SetResult(reps=reps, box_height_cm=None, reps_in_reserve=2)


def test_plays_phases_in_order_and_reports_them_even_when_frames_are_late() -> None:
    player = make_player()
    assert stages(player.start(100.0)) == [("count_in", None)]
    assert stages(player.advance(108.5)) == [
        ("eccentric", 1),
        ("bottom", 1),
        ("concentric", 1),
        ("eccentric", 2),
    ]
    view = player.view(108.5)
    assert (view.stage, view.rep, view.countdown, view.reps_completed) == (Stage.ECCENTRIC, 2, 3, 1)
    assert view.phase_progress == pytest.approx(0.5 / 3)
    events = player.advance(113.0)
    assert [e.kind for e in events][-1] is EventKind.SET_ENDED
    assert events[-1].at == 113.0
    assert player.stage is Stage.LOGGING


def test_countdown_is_computed_from_the_clock_not_counted() -> None:
    player = make_player()
    player.start(0.0)
    assert [player.view(t).countdown for t in (0.0, 0.01, 0.99, 1.0, 2.5)] == [3, 3, 3, 2, 1]


def test_logging_during_rest_schedules_the_next_set_at_the_end_of_rest() -> None:
    player = make_player(rest_s=30)
    player.start(0.0)
    player.advance(13.0)
    assert player.view(20.0).rest_remaining_s == 23
    logged = player.log_set(20.0, done())
    assert logged.time_under_tension_s == 2 * 5
    assert player.stage is Stage.REST
    next_counts = [c.at for c in player.cues if c.kind is CueKind.COUNT and c.at > 20]
    assert next_counts == [43.0, 44.0, 45.0]
    assert stages(player.advance(43.0)) == [("count_in", None)]
    assert player.set_index == 1


def test_rest_warning_sounds_ten_seconds_before_the_next_set() -> None:
    player = make_player(rest_s=30)
    player.start(0.0)
    player.advance(13.0)
    assert [c.at for c in player.cues if c.kind is CueKind.REST_WARNING] == [33.0]


def test_a_late_log_starts_the_next_set_at_once() -> None:
    player = make_player(rest_s=30, lead_s=0.25)
    player.start(0.0)
    player.advance(13.5)
    assert player.view(60.0).rest_remaining_s == 0
    player.log_set(60.0, done())
    assert player.stage is Stage.COUNT_IN
    assert player.set_started_at == 60.25


def test_pause_freezes_the_display_and_shifts_the_rest_of_the_schedule() -> None:
    player = make_player()
    player.start(0.0)
    player.advance(4.0)
    player.pause(4.0)
    assert player.view(50.0).phase_remaining_s == 2
    assert all(c.at <= 4.0 for c in player.cues)
    assert player.advance(50.0) == []
    player.resume(10.0)
    assert player.view(10.0).phase_remaining_s == 2
    eccentrics = [c.at for c in player.cues if c.kind is CueKind.ECCENTRIC]
    assert eccentrics == [3.0, 14.0]
    assert stages(player.advance(12.0)) == [("bottom", 1)]


def test_ending_a_set_early_goes_to_logging_with_the_completed_reps() -> None:
    player = make_player(sets=1, reps=10)
    player.start(0.0)
    player.advance(15.0)
    events = player.end_set(15.0)
    assert [e.kind for e in events] == [EventKind.SET_ENDED, EventKind.SESSION_FINISHED]
    view = player.view(15.0)
    assert (view.stage, view.reps_completed) == (Stage.LOGGING, 2)
    assert [c.kind for c in player.cues if c.at > 15.0] == []
    assert player.cues[-1].kind is CueKind.SESSION_END
    logged = player.log_set(16.0, done(2))
    assert logged.ended_early
    assert player.stage is Stage.FINISHED


def test_skip_rest_and_add_rest() -> None:
    player = make_player(sets=3, rest_s=60)
    player.start(0.0)
    player.advance(13.0)
    player.log_set(14.0, done())
    player.add_rest(20.0)
    assert player.view(20.0).rest_remaining_s == 68
    assert [c.at for c in player.cues if c.kind is CueKind.REST_WARNING] == [78.0]
    assert min(c.at for c in player.cues if c.kind is CueKind.COUNT and c.at > 13) == 88.0
    player.skip_rest(30.0)
    assert player.stage is Stage.COUNT_IN
    assert player.set_index == 1
    assert [c for c in player.cues if c.kind is CueKind.REST_WARNING] == []
    assert [c.at for c in player.cues if c.kind is CueKind.COUNT and c.at > 13] == [
        30.0,
        31.0,
        32.0,
    ]


def test_speed_rehearses_the_session_faster() -> None:
    player = make_player(sets=1, speed=10.0)
    player.start(0.0)
    assert [c.at for c in player.cues][:4] == [0.0, 0.1, 0.2, 0.3]
    player.advance(1.3)
    assert player.stage is Stage.LOGGING


def test_resume_from_a_later_set() -> None:
    player = make_player(sets=3, first_set=2)
    player.start(0.0)
    assert player.set_index == 2
    assert player.current.is_last


def test_actions_out_of_place_are_refused() -> None:
    player = make_player()
    with pytest.raises(PlayerError):
        player.log_set(0.0, done())
    player.start(0.0)
    with pytest.raises(PlayerError):
        player.start(0.0)
    with pytest.raises(PlayerError):
        player.skip_rest(1.0)


def test_resuming_with_a_count_in_counts_first_then_carries_on_where_it_paused() -> None:
    player = make_player()
    player.start(0.0)
    player.advance(4.5)  # count-in 0-3 s, lowering 3-6 s: 1.5 s into it
    paused = player.view(4.5)
    player.pause(4.5)
    player.resume(60.0, count_in_s=3)
    counting = player.view(60.0)
    assert (counting.stage, counting.countdown, counting.paused) == (Stage.COUNT_IN, 3, False)
    assert player.view(62.5).countdown == 1
    counts = [c.at for c in player.cues if c.kind is CueKind.COUNT and c.at >= 60.0]
    assert counts == [60.0, 61.0, 62.0]
    back = player.view(63.0)
    assert (back.stage, back.rep) == (Stage.ECCENTRIC, 1)
    assert back.phase_remaining_s == pytest.approx(paused.phase_remaining_s)
    assert not any(c.kind is CueKind.BOTTOM and 4.5 < c.at < 64.5 for c in player.cues)
    assert next(c.at for c in player.cues if c.kind is CueKind.BOTTOM) == pytest.approx(64.5)


def test_a_rest_resumed_with_a_count_in_just_carries_on() -> None:
    player = make_player(rest_s=30)
    player.start(0.0)
    player.advance(13.0)
    player.pause(20.0)
    player.resume(50.0, count_in_s=3)
    view = player.view(50.0)
    assert (view.stage, view.rest_remaining_s) == (Stage.LOGGING, 23)


def test_a_rest_over_before_the_log_is_saved_can_leave_the_next_set_waiting() -> None:
    player = make_player(rest_s=30)
    player.start(0.0)
    player.advance(13.0)
    player.log_set(50.0, done(), wait=True)
    assert player.stage is Stage.READY and player.set_index == 1
    assert not [c for c in player.cues if c.at > 50.0]
    player.start(70.0)
    assert player.view(70.0).stage is Stage.COUNT_IN
    assert [c.at for c in player.cues if c.kind is CueKind.COUNT and c.at >= 70] == [70, 71, 72]
