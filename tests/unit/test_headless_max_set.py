"""``tempo-trainer play`` with a max set: Enter ends it, and the reps done are what is logged."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.audio.output import SilentOutput
from app.domain.timeline import CueKind
from app.headless import run_headless
from app.storage.data_dir import store_path
from app.storage.store import Store
from tests.conftest import plan_text
from tests.fake_clock import FakeClock
from tests.unit.headless_fakes import Keyboard

# A max set of 2 s reps after a 3 s count-in, then a set of 2: the max set's reps start 3 s
# into the session and rep n ends at 3 + 2n s. It is scheduled for 30 reps (63 s).
PLAN = plan_text(
    """
    variation = "floor-push-up"
    sets = 1
    reps = "max"
    tempo = "1-0-1-0"
    rest_s = 20
    """,
    """
    variation = "floor-push-up"
    sets = 1
    reps = 2
    tempo = "1-0-1-0"
    rest_s = 0
    """,
    title="Max then two",
    head="count_in_s = 3",
)
START = 100.0
ENTER_AT = START + 3 + 7.5 * 2
"""Halfway through rep 8: seven whole reps done."""


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "max.toml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _wall() -> datetime:
    return datetime(2026, 3, 1, 7, 30, tzinfo=UTC)


def _play(
    plan_path: Path, data: Path, clock: FakeClock, keyboard: Keyboard, *, assume_yes: bool
) -> int:
    output = SilentOutput(clock.now)
    session_start = clock.now()

    def max_set_ended_on_enter() -> bool:
        end = ENTER_AT - session_start + 1e-6
        return any(c.kind is CueKind.SET_END and c.at <= end for c in output.cues)

    clock.hold(ENTER_AT, until=max_set_ended_on_enter)
    return run_headless(
        plan_path,
        data_dir=data,
        audio="none",
        assume_yes=assume_yes,
        clock=clock.now,
        sleep=clock.sleep,
        input_fn=keyboard,
        output=output,
        wall_clock=_wall,
    )


def _logged_reps(data: Path) -> list[int]:
    with Store(store_path(data)) as store:
        return [s.reps for s in store.sets()]


def test_yes_logs_the_reps_done_when_enter_ends_the_max_set(
    plan_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = FakeClock(START)
    keyboard = Keyboard(clock, presses_at=(ENTER_AT,))

    code = _play(plan_path, tmp_path / "data", clock, keyboard, assume_yes=True)

    assert code == 0
    assert _logged_reps(tmp_path / "data") == [7, 2]
    out = capsys.readouterr().out
    assert "Max set: press Enter when you stop (it ends by itself after 30)." in out
    assert "rep 8/max  LOWER 1 s" in out and "rep 9/max" not in out
    assert "Logged 7 reps." in out


def test_enter_is_offered_the_reps_done_after_a_max_set(
    plan_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = FakeClock(START)
    keyboard = Keyboard(clock, "", "", "", presses_at=(ENTER_AT,))

    code = _play(plan_path, tmp_path / "data", clock, keyboard, assume_yes=False)

    assert code == 0
    assert keyboard.prompts[2:] == ["  Reps done (Enter = 7): ", "  Reps done (Enter = 2): "]
    assert _logged_reps(tmp_path / "data") == [7, 2]
    assert "Logged 7 reps." in capsys.readouterr().out


def test_yes_with_no_keyboard_logs_every_scheduled_rep_of_a_max_set_not_zero(
    plan_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Stdin closed (as under cron or a pipe): the max set runs its 30 reps and logs them."""
    clock = FakeClock(START)
    code = run_headless(
        plan_path,
        data_dir=tmp_path / "data",
        audio="none",
        assume_yes=True,
        clock=clock.now,
        sleep=clock.sleep,
        input_fn=Keyboard(clock),
        output=SilentOutput(clock.now),
        wall_clock=_wall,
    )

    assert code == 0
    assert _logged_reps(tmp_path / "data") == [30, 2]
    out = capsys.readouterr().out
    assert "(no more input: this set runs all 30 scheduled reps)" in out
    assert "Logged 30 reps." in out


def test_a_max_set_that_runs_out_asks_for_the_reps_it_cannot_know(
    plan_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nobody pressed Enter during the set: it ran to its cap of 30, which says nothing of the
    reps done. The Enter pressed late is not taken for 30: the number is asked for."""
    clock = FakeClock(START)
    after_the_set = START + 3 + 30 * 2 + 5
    keyboard = Keyboard(clock, "", "17", "", presses_at=(after_the_set,))
    code = run_headless(
        plan_path,
        data_dir=tmp_path / "data",
        audio="none",
        clock=clock.now,
        sleep=clock.sleep,
        input_fn=keyboard,
        output=SilentOutput(clock.now),
        wall_clock=_wall,
    )

    assert code == 0
    assert _logged_reps(tmp_path / "data") == [17, 2]
    out = capsys.readouterr().out
    assert "  It stopped at its 30-rep limit: type the reps you did: " in out
    assert "Please type a whole number of reps." not in out  # a late Enter is no mistake
    assert keyboard.prompts[-2:] == [
        "  It stopped at its 30-rep limit: type the reps you did: ",
        "  Reps done (Enter = 2): ",
    ]
