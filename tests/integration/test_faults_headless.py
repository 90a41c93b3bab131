"""``tempo-trainer play`` under faults: a log that stops taking sets, wall-clock jumps, a plan
file changed or deleted mid-session, and no network. Each runs a whole session on a fake
monotonic clock (no sleeping) against a real SQLite log.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.audio.output import SilentOutput
from app.cli import main
from app.headless import EXIT_INTERRUPTED, EXIT_NOT_SAVED, EXIT_OK, run_headless
from app.storage.data_dir import store_path
from app.storage.history_csv import parse_csv
from app.storage.rescue import import_rescued
from app.storage.safe_open import OpenedStore, open_store
from app.storage.store import Store
from tests.conftest import plan_text
from tests.fake_clock import FakeClock
from tests.fixtures.faults import LogTurnsReadOnly, forbid_network

PLAN = plan_text(
    """
    variation = "floor-push-up"
    sets = 3
    reps = 2
    tempo = "2-0-1-0"
    rest_s = 20
    """,
    title="Three floor sets",
    head="count_in_s = 2",
)
OTHER_PLAN = plan_text(
    """
    variation = "wall-push-up"
    sets = 5
    reps = 9
    tempo = "1-0-1-0"
    rest_s = 5
    """,
    title="Something else entirely",
)
START = datetime(2026, 3, 1, 7, 30, tzinfo=UTC)


class WallClock:
    """The wall clock, ticking with the fake clock plus any jump the test makes."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.jump = timedelta()
        self.origin = clock.now()

    def __call__(self) -> datetime:
        return START + timedelta(seconds=self.clock.now() - self.origin) + self.jump


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "three-sets.toml"
    path.parent.mkdir()
    path.write_text(PLAN, encoding="utf-8")
    return path


def play(
    plan_path: Path,
    data: Path,
    clock: FakeClock,
    *,
    wall: Callable[[], datetime] | None = None,
    resume: bool = False,
    open_log: Callable[[Path, datetime], OpenedStore] = open_store,
) -> tuple[int, SilentOutput]:
    output = SilentOutput(clock.now)
    code = run_headless(
        plan_path,
        data_dir=data,
        audio="none",
        assume_yes=True,
        clock=clock.now,
        sleep=clock.sleep,
        input_fn=lambda prompt: "",
        output=output,
        wall_clock=wall or WallClock(clock),
        resume=resume,
        open_log=open_log,
    )
    return code, output


def logged(data: Path) -> list[tuple[int, datetime]]:
    with Store(store_path(data)) as store:
        assert store.integrity_ok()
        return [(s.set_number, s.ended_at) for s in store.sets()]


# --- a log that cannot take the sets ---------------------------------------------------------


def test_a_log_turning_read_only_mid_session_loses_no_set(
    plan_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"

    def read_only_after_one_set(folder: Path, now: datetime) -> OpenedStore:
        opened = open_store(folder, now)
        opened.store.close()
        return OpenedStore(LogTurnsReadOnly(store_path(folder)))

    code, _ = play(plan_path, data, FakeClock(), open_log=read_only_after_one_set)

    out, err = capsys.readouterr()
    assert code == EXIT_NOT_SAVED
    # said once, in one line, with SQLite's reason; the session went on to its end
    problems = [line for line in err.splitlines() if "could not be saved" in line]
    assert len(problems) == 1
    assert "set 2 could not be saved to the training log" in problems[0]
    assert "readonly database" in problems[0]
    assert "Traceback" not in err
    assert out.count("  Logged 2 reps.") == 1
    assert out.count("  Kept 2 reps (not in the training log yet).") == 2
    assert "Session done: 3 set(s) done; only 1 in the training log." in out
    # the two unsaved sets are in a CSV beside the plan, and the path is printed
    (saved,) = plan_path.parent.glob("tempo-trainer-unsaved-*.csv")
    assert f"tempo-trainer import {saved}" in err
    rows = parse_csv(saved.read_text(encoding="utf-8"))
    assert [r.set_number for r in rows] == [2, 3]
    # the log kept set 1 and still offers the session; importing the CSV completes it
    assert [n for n, _ in logged(data)] == [1]
    assert main(["--data-dir", str(data), "import", str(saved)]) == 0
    assert [n for n, _ in logged(data)] == [1, 2, 3]
    with Store(store_path(data)) as store:
        assert len({s.session_uid for s in store.sets()}) == 1
        assert store.unfinished_session() is None


def test_a_log_writable_again_gets_every_waiting_set_once(
    plan_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    clock = FakeClock()
    stores: list[LogTurnsReadOnly] = []

    def read_only_for_a_while(folder: Path, now: datetime) -> OpenedStore:
        open_store(folder, now).store.close()
        stores.append(LogTurnsReadOnly(store_path(folder)))
        return OpenedStore(stores[-1])

    def space_freed(now: float) -> None:
        if stores and now > 100 + 40:  # between set 2 (kept) and set 3
            stores[0].writable_again()

    clock.on_sleep.append(space_freed)
    code, _ = play(plan_path, data, clock, open_log=read_only_for_a_while)

    assert code == EXIT_OK
    assert [n for n, _ in logged(data)] == [1, 2, 3]
    with Store(store_path(data)) as store:
        assert store.unfinished_session() is None
    assert "Kept 2 reps" in capsys.readouterr().out


def test_a_log_that_refuses_the_session_itself_keeps_every_set_in_a_csv(
    plan_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"

    def read_only_from_the_start(folder: Path, now: datetime) -> OpenedStore:
        opened = open_store(folder, now)
        opened.store._db.execute("PRAGMA query_only = ON")
        return opened

    code, _ = play(plan_path, data, FakeClock(), open_log=read_only_from_the_start)

    err = capsys.readouterr().err
    assert code == EXIT_NOT_SAVED
    assert "the session could not be saved to the training log" in err
    (saved,) = tmp_path.glob("**/tempo-trainer-unsaved-*.csv")
    assert [r.set_number for r in parse_csv(saved.read_text(encoding="utf-8"))] == [1, 2, 3]
    assert logged(data) == []


def test_a_session_resumed_after_its_rescued_sets_are_added_does_not_repeat_them(
    plan_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    data = tmp_path / "data"
    clock = FakeClock()

    def read_only_after_one_set(folder: Path, now: datetime) -> OpenedStore:
        open_store(folder, now).store.close()
        return OpenedStore(LogTurnsReadOnly(store_path(folder)))

    def stop_after_set_two(now: float) -> None:
        if now > 100 + 40:  # set 2 is over, kept in memory and in the CSV
            raise KeyboardInterrupt

    clock.on_sleep.append(stop_after_set_two)
    code, _ = play(plan_path, data, clock, open_log=read_only_after_one_set)
    assert code == EXIT_INTERRUPTED
    (saved,) = plan_path.parent.glob("tempo-trainer-unsaved-*.csv")
    assert [n for n, _ in logged(data)] == [1]

    with Store(store_path(data)) as store:  # what start-up does once the log is writable
        rescued = import_rescued(store, data)
        assert rescued.notice == "1 set saved during a log problem was added to your log."
        assert not saved.exists()
    capsys.readouterr()

    code, _ = play(plan_path, data, FakeClock(), resume=True)

    assert code == EXIT_OK
    assert "Resuming 'Three floor sets' at set 3 of 3." in capsys.readouterr().out
    with Store(store_path(data)) as store:
        assert [(s.set_number, s.session_uid) for s in store.sets()] == [
            (n, store.sessions()[0].uid) for n in (1, 2, 3)
        ]
        assert store.unfinished_session() is None


# --- clock jumps -------------------------------------------------------------------------------


def test_wall_clock_jumps_change_no_timer_and_keep_logged_times_in_order(
    plan_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    steady_clock = FakeClock()
    _, steady = play(plan_path, tmp_path / "steady", steady_clock)
    steady_out = capsys.readouterr().out

    clock = FakeClock()
    wall = WallClock(clock)
    real_time = time.time

    def jumps(now: float) -> None:
        # an hour forward during set 1, then two hours back during the rest after it
        wall.jump = timedelta(hours=1) if now < 100 + 15 else timedelta(hours=-1)

    clock.on_sleep.append(jumps)
    monkeypatch.setattr(time, "time", lambda: real_time() + wall.jump.total_seconds())
    code, jumped = play(plan_path, tmp_path / "jumped", clock, wall=wall)

    assert code == EXIT_OK
    assert capsys.readouterr().out == steady_out  # every phase and rest printed alike
    assert jumped.cues == steady.cues  # and every cue due at the same moment
    assert clock.now() == pytest.approx(steady_clock.now())
    times = [at for _, at in logged(tmp_path / "jumped")]
    assert times == sorted(times), "a set was logged before the one done earlier"
    with Store(store_path(tmp_path / "jumped")) as store:
        (session,) = store.sessions()
        assert session.ended_at is not None
        assert session.ended_at >= times[-1]


# --- the plan file changes while it is played --------------------------------------------------


@pytest.mark.parametrize("change", ["rewritten", "deleted"])
def test_the_session_plays_the_plan_as_it_was_read_at_start(
    change: str, plan_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    clock = FakeClock()

    def change_the_file(now: float) -> None:
        if plan_path.exists() and plan_path.read_text(encoding="utf-8") == PLAN:
            if change == "deleted":
                plan_path.unlink()
            else:
                plan_path.write_text(OTHER_PLAN, encoding="utf-8")

    clock.on_sleep.append(change_the_file)
    code, _ = play(plan_path, data, clock)

    assert code == EXIT_OK
    assert "Session done: 3 set(s) logged." in capsys.readouterr().out
    with Store(store_path(data)) as store:
        assert [(s.variation, s.reps) for s in store.sets()] == [("floor-push-up", 2)] * 3
        (session,) = store.sessions()
        assert session.plan_text == PLAN


@pytest.mark.parametrize("change", ["rewritten", "deleted"])
def test_resume_plays_the_stored_plan_not_the_changed_file(
    change: str, plan_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    clock = FakeClock()

    def stop_in_the_first_rest(now: float) -> None:
        if now > 100 + 12:  # set 1 (2 s count-in, 2 reps of 3 s) is over and logged
            raise KeyboardInterrupt

    clock.on_sleep.append(stop_in_the_first_rest)
    assert play(plan_path, data, clock)[0] == EXIT_INTERRUPTED
    if change == "deleted":
        plan_path.unlink()
    else:
        plan_path.write_text(OTHER_PLAN, encoding="utf-8")
    capsys.readouterr()

    code, _ = play(plan_path, data, FakeClock(), resume=True)

    assert code == EXIT_OK
    assert "Resuming 'Three floor sets' at set 2 of 3." in capsys.readouterr().out
    with Store(store_path(data)) as store:
        assert [(s.set_number, s.variation) for s in store.sets()] == [
            (n, "floor-push-up") for n in (1, 2, 3)
        ]


# --- no network --------------------------------------------------------------------------------


def test_a_whole_session_creates_no_socket(
    plan_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts = forbid_network(monkeypatch)
    code, _ = play(plan_path, tmp_path / "data", FakeClock())
    assert code == EXIT_OK
    assert attempts == []
    assert len(logged(tmp_path / "data")) == 3


def test_the_cli_play_command_with_no_sound_creates_no_socket(
    plan_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real entry point, ``--audio none`` and real time at the top speed (about 2 s)."""
    attempts = forbid_network(monkeypatch)
    data = tmp_path / "data"
    args = ["--data-dir", str(data), "play", str(plan_path), "--yes", "--audio", "none"]
    assert main([*args, "--speed", "20"]) == EXIT_OK
    assert attempts == []
    assert len(logged(data)) == 3
