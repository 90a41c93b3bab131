"""``tempo-trainer play``: the terminal session on a fake clock, with answers typed by the test."""

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

PLAN = plan_text(
    """
    variation = "floor-push-up"
    sets = 2
    reps = 3
    tempo = "3-1-1-0"
    rest_s = 30
    """,
    title="Two floor sets",
    head="count_in_s = 3",
)


class Typist:
    """Answers each prompt in turn and remembers the prompts."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.prompts: list[str] = []

    def __call__(self, prompt: str) -> str:
        self.prompts.append(prompt)
        if not self.answers:
            raise EOFError
        return self.answers.pop(0)


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "two-sets.toml"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _wall() -> datetime:
    return datetime(2026, 3, 1, 7, 30, tzinfo=UTC)


def _play(
    plan_path: Path, tmp_path: Path, clock: FakeClock, typist: Typist, **options: object
) -> tuple[int, SilentOutput]:
    output = SilentOutput(clock.now)
    code = run_headless(
        plan_path,
        data_dir=tmp_path / "data",
        speed=float(options.get("speed", 1.0)),  # type: ignore[arg-type]
        audio="none",
        assume_yes=bool(options.get("assume_yes", False)),
        clock=clock.now,
        sleep=clock.sleep,
        input_fn=typist,
        output=output,
        wall_clock=_wall,
    )
    return code, output


def test_a_session_asks_for_reps_and_logs_each_set(
    plan_path: Path, tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    typist = Typist("", "", "2")
    code, output = _play(plan_path, tmp_path, clock, typist)

    assert code == 0
    out = capsys.readouterr().out
    assert "Setting up: Floor push up" in out
    assert "rep 3/3  LOWER 3 s" in out and "rep 1/3  PUSH 1 s" in out
    assert "  Logged 3 reps.\n  Rest 30 s; next: set 2/2.\n" in out  # how long, what comes
    assert "10 s of rest left." in out
    assert typist.prompts[1:] == ["  Reps done (Enter = 3): "] * 2
    with Store(store_path(tmp_path / "data")) as store:
        assert [s.reps for s in store.sets()] == [3, 2]
        (session,) = store.sessions()
        assert session.ended_at is not None and not session.rehearsal
    # Every cue of both sets reached the output: 3 counts, 3 reps of 1 + 2 ticks + 3 more.
    kinds = [c.kind for c in output.cues]
    assert kinds.count(CueKind.COUNT) == 6
    assert kinds.count(CueKind.TICK) == 12
    assert kinds.count(CueKind.REST_WARNING) == 1
    assert kinds[-1] is CueKind.SESSION_END
    # The whole session took its planned time on the fake clock (3 + 15, rest 30, 3 + 15 s).
    assert clock.t - 100.0 == pytest.approx(66 + 1.0, abs=0.2)


def test_yes_accepts_planned_reps_and_a_faster_run_is_a_rehearsal(
    plan_path: Path, tmp_path: Path, clock: FakeClock
) -> None:
    code, _ = _play(plan_path, tmp_path, clock, Typist(), assume_yes=True, speed=3.0)

    assert code == 0
    with Store(store_path(tmp_path / "data")) as store:
        assert [s.reps for s in store.sets()] == [3, 3]
        assert store.sessions()[0].rehearsal
    assert clock.t - 100.0 == pytest.approx(66 / 3 + 1.0, abs=0.2)


def test_a_typo_is_asked_again(
    plan_path: Path, tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = _play(plan_path, tmp_path, clock, Typist("", "lots", "4", "1"))

    assert code == 0
    assert "Please type a whole number of reps." in capsys.readouterr().out
    with Store(store_path(tmp_path / "data")) as store:
        assert [s.reps for s in store.sets()] == [4, 1]


def test_closed_input_accepts_the_plan(plan_path: Path, tmp_path: Path, clock: FakeClock) -> None:
    code, _ = _play(plan_path, tmp_path, clock, Typist())

    assert code == 0
    with Store(store_path(tmp_path / "data")) as store:
        assert [s.reps for s in store.sets()] == [3, 3]


def test_a_bad_plan_reports_path_and_line_and_exits_2(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('title = "Bad"\n\n[[block]]\nvariation = "nope"\nsets = 1\nreps = 5\n')
    code, _ = _play(bad, tmp_path, clock, Typist())

    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}:4: ")
    assert not store_path(tmp_path / "data").exists()


@pytest.mark.parametrize(("head", "counts"), [("count_in_s = 3", 6), ("", 2)])
def test_the_plan_count_in_wins_over_the_saved_setting(
    head: str, counts: int, tmp_path: Path, clock: FakeClock
) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "settings.json").write_text('{"count_in_s": 1}', encoding="utf-8")
    path = tmp_path / "plan.toml"
    path.write_text(PLAN.replace("count_in_s = 3", head), encoding="utf-8")
    code, output = _play(path, tmp_path, clock, Typist(), assume_yes=True)
    assert code == 0
    assert [c.kind for c in output.cues].count(CueKind.COUNT) == counts


def test_the_rest_says_where_the_hands_go_when_the_box_changes(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    ladder = tmp_path / "ladder.toml"
    block = 'variation = "hands-elevated-push-up"\nsets = 1\nreps = 2\ntempo = "1-0-1-0"\n'
    ladder.write_text(
        plan_text(
            f"{block}box_height_cm = 45\nrest_s = 30\n\n[[block]]\n{block}box_height_cm = 30",
            title="Ladder",
        ),
        encoding="utf-8",
    )
    assert _play(ladder, tmp_path, clock, Typist(), assume_yes=True)[0] == 0
    assert "  Rest 30 s; next: set 2/2, hands to 30 cm.\n" in capsys.readouterr().out


def test_the_rest_names_the_next_variation_when_it_changes(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    mixed = tmp_path / "mixed.toml"
    box = 'variation = "hands-elevated-push-up"\nsets = 1\nreps = 2\ntempo = "1-0-1-0"\n'
    floor = 'variation = "floor-push-up"\nsets = 1\nreps = 2\ntempo = "1-0-1-0"'
    mixed.write_text(
        plan_text(f"{box}box_height_cm = 30\nrest_s = 30\n\n[[block]]\n{floor}", title="Mixed"),
        encoding="utf-8",
    )
    assert _play(mixed, tmp_path, clock, Typist(), assume_yes=True)[0] == 0
    assert "  Rest 30 s; next: set 2/2, Floor push up.\n" in capsys.readouterr().out
