"""One terminal session's loop body on a fake clock: what it prints, asks and logs."""

from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest

from app.audio.output import SilentOutput
from app.domain.plan import parse_plan
from app.headless.asker import END_OF_INPUT, Asker, EndOfInput
from app.headless.terminal_session import TerminalSession, seconds
from app.session.session_source import SessionSource
from app.session.training_session import TrainingSession
from app.session.unsaved_sets import UnsavedCopy
from app.storage.catalog import Catalog
from app.storage.settings import Settings
from app.storage.store import Store
from tests.conftest import plan_text
from tests.fake_clock import FakeClock
from tests.unit.session.helpers import WallClock

PLAN = plan_text(
    'variation = "floor-push-up"\nsets = 2\nreps = 2\ntempo = "1-0-1-0"\nrest_s = 30',
    title="Two short sets",
    head="count_in_s = 1",
)


class ScriptedAsker(Asker):
    """Answers at once, in order, from a script; the prompts asked are kept."""

    def __init__(self, *answers: str | EndOfInput) -> None:
        super().__init__(input)
        self.answers = deque(answers)
        self.prompts: list[str] = []
        self._ready: str | EndOfInput | None = None

    def ask(self, prompt: str) -> None:
        self.prompts.append(prompt)
        self._ready = self.answers.popleft() if self.answers else END_OF_INPUT

    def poll(self) -> str | EndOfInput | None:
        answer, self._ready = self._ready, None
        return answer


def play(
    tmp_path: Path, catalog: Catalog, asker: Asker, *, assume_yes: bool
) -> tuple[TerminalSession, Store]:
    clock = FakeClock(start=0.0)
    store = Store(tmp_path / "log.sqlite")
    wall = WallClock()
    session = TrainingSession(
        SessionSource(parse_plan(PLAN, catalog), PLAN, "plan.toml"),
        store=store,
        settings=Settings(),
        output=SilentOutput(clock),
        speed=1.0,
        wall_clock=wall,
    )
    session.begin()
    terminal = TerminalSession(
        session,
        output=SilentOutput(clock),
        catalog=catalog,
        asker=asker,
        assume_yes=assume_yes,
        wall_clock=wall,
        unsaved=UnsavedCopy((tmp_path,), tmp_path, wall),
    )
    terminal.start()
    for _ in range(2000):
        if terminal.tick():
            break
        clock.advance(0.05)
    else:
        pytest.fail("the session never ended")
    return terminal, store


def test_with_yes_every_set_is_logged_with_the_reps_the_timeline_completed(
    tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal, store = play(tmp_path, catalog, ScriptedAsker(), assume_yes=True)
    with store:
        assert [(s.set_number, s.reps) for s in store.sets()] == [(1, 2), (2, 2)]
    out = capsys.readouterr().out
    assert "Set 1/2: Floor push up, 2 reps at 1-0-1-0" in out
    assert "rep 2/2" in out and "  Last set done." in out
    assert out.count("Logged 2 reps.") == 2
    assert "10 s of rest left." in out
    assert terminal.logged == 2


def test_typed_reps_are_logged_and_a_bad_answer_asks_again(
    tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    asker = ScriptedAsker("1", "lots", "")
    _terminal, store = play(tmp_path, catalog, asker, assume_yes=False)
    with store:
        assert [s.reps for s in store.sets()] == [1, 2]
    assert asker.prompts == ["  Reps done (Enter = 2): "] * 3
    assert "Please type a whole number of reps." in capsys.readouterr().out


def test_closed_input_accepts_what_is_offered_from_there_on(
    tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    _terminal, store = play(tmp_path, catalog, ScriptedAsker(END_OF_INPUT), assume_yes=False)
    with store:
        assert [s.reps for s in store.sets()] == [2, 2]
    assert "(no more input: logging 2 and accepting the rest as offered)" in capsys.readouterr().out


def test_seconds_read_as_seconds_then_minutes() -> None:
    assert [seconds(s) for s in (1.5, 59, 60, 90)] == ["1.5 s", "59 s", "1:00 min", "1:30 min"]
