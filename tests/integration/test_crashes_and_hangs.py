"""Issue 15's crashes and hangs (items 6, 8, 10, 11, 14-17), each through the real command.

Every case ends in a one-line message and an exit code, never a traceback or a hang.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.cli import main
from app.storage.data_dir import plans_folder, store_path
from app.storage.store import ImportedSet, Store

APP = (sys.executable, "-m", "app")
TINY = """\
title = "{title}"
count_in_s = 0
[[block]]
variation = "floor-push-up"
sets = 1
reps = 1
tempo = "1-0-1-0"
rest_s = 0
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def tiny(tmp_path: Path, title: str = "Tiny") -> Path:
    plan = tmp_path / "tiny.toml"
    plan.write_text(TINY.format(title=title), encoding="utf-8")
    return plan


# --- 6. a 5,000-digit integer --------------------------------------------------------------


def test_a_5000_digit_number_is_one_line_with_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "huge.toml"
    plan.write_text("title = 'x'\ncount_in_s = " + "7" * 5000 + "\n", encoding="utf-8")
    for command in ("validate", "timeline"):
        code, out, err = run(capsys, command, str(plan))
        assert (code, out) == (2, "")
        assert err == f"{plan}:2: a number is far too long to be a value here\n"
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "d"), "play", str(plan), "--yes")
    assert (code, err) == (2, f"{plan}:2: a number is far too long to be a value here\n")


# --- 8. settings that crashed commands -----------------------------------------------------


@pytest.mark.parametrize(
    "settings",
    [
        {"equipment": {"units": []}},
        {"equipment": {}},
        {},
        {"audio": "bogus"},
        {"audio": "pipewire"},
        {"audio": ["qt"]},
    ],
)
def test_any_settings_file_falls_back_to_defaults(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], settings: dict[str, object]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    plan = tiny(tmp_path)
    assert run(capsys, "--data-dir", str(data), "timeline", str(plan))[0] == 0
    assert run(capsys, "--data-dir", str(data), "load", "--variation", "floor-push-up")[0] == 0
    assert run(capsys, "--data-dir", str(data), "suggest")[0] == 0
    # No --audio: the saved (bad) choice would be used; it falls back to the default.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    played = subprocess.run(
        [*APP, "--data-dir", str(data), "play", str(plan), "--yes", "--speed", "20"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=60,
        check=False,
    )
    assert played.returncode == 0, played.stderr
    assert "Traceback" not in played.stderr


def test_the_first_settings_save_keeps_keys_it_does_not_know(tmp_path: Path) -> None:
    from app.storage.settings import load_settings, save_settings

    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "light", "future_option": [1, 2]}), encoding="utf-8")
    save_settings(path, load_settings(path))
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["future_option"] == [1, 2] and saved["theme"] == "light"


# --- 10. tracebacks ------------------------------------------------------------------------


def test_restore_into_a_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "b.json"
    (tmp_path / "src").mkdir()
    assert run(capsys, "--data-dir", str(tmp_path / "src"), "backup", str(backup))[0] == 0
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "a-file"), "restore", str(backup))
    assert (code, out) == (1, "")
    assert (
        err
        == f"tempo-trainer: {tmp_path / 'a-file'} is a file, not a folder; nothing was changed\n"
    )


def test_a_log_with_garbage_pages_is_never_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    with Store(store_path(data)) as store:
        store.begin_session(title="x", started_at=datetime(2026, 11, 1, tzinfo=UTC))
    log = store_path(data)
    raw = bytearray(log.read_bytes())
    raw[4096:] = b"\xa5" * (len(raw) - 4096)  # the header page fine, every other page garbage
    log.write_bytes(bytes(raw))
    # Opened as every start opens it: moved aside, said in one line, then backed up.
    code, _, err = run(capsys, "--data-dir", str(data), "backup", str(tmp_path / "b.json"))
    assert code == 0 and err.count("\n") == 1 and "was damaged" in err
    assert list((data / "damaged").iterdir())
    code, _, err = run(capsys, "--data-dir", str(data), "history")
    assert (code, err) == (0, "")


def test_backup_leaves_out_links_and_devices_among_the_plans(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    plans = plans_folder(data)
    plans.mkdir(parents=True)
    (plans / "mine.toml").write_text(TINY.format(title="Mine"), encoding="utf-8")
    (plans / "zero.toml").symlink_to("/dev/zero")
    (plans / "passwd.toml").symlink_to("/etc/passwd")
    (plans / "broken.toml").symlink_to(tmp_path / "nowhere")
    target = tmp_path / "b.json"
    code, _, err = run(capsys, "--data-dir", str(data), "backup", str(target))
    assert (code, err) == (0, "")
    assert list(json.loads(target.read_text(encoding="utf-8"))["plans"]) == ["mine.toml"]


def test_a_latin1_terminal_never_crashes_and_csv_stays_utf8(tmp_path: Path) -> None:
    data = tmp_path / "data"
    title = "Κάμψεις 腕立て"
    with Store(store_path(data)) as store:
        store.import_sets(
            [
                ImportedSet(
                    session_uid="g",
                    session_title=title,
                    block=0,
                    set_number=1,
                    variation="floor-push-up",
                    box_height_cm=None,
                    tempo="3-1-1-0",
                    target_reps="8",
                    reps=8,
                    reps_in_reserve=None,
                    note="",
                    ended_at=datetime.fromisoformat("2026-11-01T08:00:00+01:00"),
                )
            ]
        )
    env = {**os.environ, "PYTHONIOENCODING": "iso-8859-1", "LC_ALL": "C"}
    csv = subprocess.run(
        [*APP, "--data-dir", str(data), "history", "--csv"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert csv.returncode == 0, csv.stderr
    assert title in csv.stdout.decode("utf-8")
    plan = tiny(tmp_path, title)
    shown = subprocess.run([*APP, "timeline", str(plan)], capture_output=True, env=env, check=False)
    assert shown.returncode == 0 and b"Traceback" not in shown.stderr


# --- 11. hangs and the missing display -------------------------------------------------------


def test_many_unknown_keys_are_listed_in_one_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "keys.toml"
    keys = "".join(f"key{i} = 1\n" for i in range(20_000))
    plan.write_text("title = 'x'\n" + keys, encoding="utf-8")
    code, _, err = run(capsys, "validate", str(plan))
    assert code == 2
    lines = err.splitlines()
    assert lines[0].startswith(f"{plan}:2: unknown key 'key0'")
    assert any(line.startswith(f"{plan}:20001: unknown key 'key19999'") for line in lines)


def test_without_a_display_the_window_says_so_and_exits_2(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [*APP, "--data-dir", str(tmp_path), "gui"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "tempo-trainer: no display found; use `tempo-trainer play PLAN` to train in a terminal\n"
    )


# --- 14. time zones -------------------------------------------------------------------------


def test_the_newest_unfinished_session_is_the_later_instant_not_the_larger_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    east, west = timezone(timedelta(hours=14)), timezone(timedelta(hours=-12))
    with Store(store_path(data)) as store:
        # 10:00 at UTC+14 is 20:00 the day before in UTC; 09:00 at UTC-12 is 21:00 UTC.
        older = datetime(2026, 11, 2, 10, 0, tzinfo=east)
        later = datetime(2026, 11, 1, 9, 0, tzinfo=west)
        assert later > older and later.isoformat() < older.isoformat()
        store.begin_session(title="Older", started_at=older, plan_text=TINY.format(title="Older"))
        store.begin_session(title="Later", started_at=later, plan_text=TINY.format(title="Later"))
        unfinished = store.unfinished_session()
        assert unfinished is not None and unfinished.title == "Later"
        assert [s.title for s in store.sessions()] == ["Older", "Later"]
        store.import_sets(
            ImportedSet(
                session_uid=uid,
                session_title=uid,
                block=0,
                set_number=1,
                variation="floor-push-up",
                box_height_cm=None,
                tempo="3-1-1-0",
                target_reps="8",
                reps=8,
                reps_in_reserve=None,
                note="",
                ended_at=moment,
            )
            for uid, moment in (("later", later), ("older", older))
        )
    code, out, _ = run(capsys, "--data-dir", str(data), "history")
    assert code == 0
    sessions = [line for line in out.splitlines() if not line.startswith("  ")]
    assert [line.split("  ")[-1] for line in sessions] == ["older", "later"]


# --- 15, 16. smaller ones ---------------------------------------------------------------------


def test_an_empty_data_dir_and_a_zero_stature_are_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--data-dir", "", "history"])
    assert exit_.value.code == 2
    assert "the folder name is empty" in capsys.readouterr().err
    code, out, err = run(capsys, "load", "--variation", "floor-push-up", "--stature-cm", "0")
    assert (code, out) == (2, "")
    assert "stature" in err and "Traceback" not in err


# --- 17. terminal escapes ---------------------------------------------------------------------


def test_escape_sequences_in_a_title_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "esc.toml"
    plan.write_text(TINY.format(title="Evil\\u001b]0;pwned\\u0007 title"), encoding="utf-8")
    code, out, _ = run(capsys, "timeline", str(plan))
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert out.startswith("Evil]0;pwned title: ")
    code, out, _ = run(
        capsys, "--data-dir", str(tmp_path / "d"), "play", str(plan), "--yes", "--audio", "none"
    )
    assert code == 0 and "\x1b" not in out and "Evil]0;pwned title" in out


# --- 16. messages ---------------------------------------------------------------------------


def test_plan_messages_name_the_real_problem_and_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('title = "x"\n[[block]]\nvariation = "nope"\nsets = 3\nreps = 5\n', "utf-8")
    code, _, err = run(capsys, "validate", str(bad))
    assert code == 2
    assert err.startswith(f"{bad}:3: block 1: unknown variation 'nope'")
    assert err.count("\n") == 1  # not also "'tempo' is required"
    table = tmp_path / "table.toml"
    table.write_text('title = "x"\n[block]\nvariation = "floor-push-up"\n', "utf-8")
    code, _, err = run(capsys, "validate", str(table))
    assert err == f"{table}:2: 'block' must be written as [[block]] tables\n"


def test_no_raw_python_text_reaches_the_person(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = "date,session_id,session_title,block,set,variation,box_height_cm,tempo,"
    header += "target_reps,reps,reps_in_reserve,note"
    row = "2026-11-20T18:05:00+01:00,s,Ladder,0,1,floor-push-up,,3-1-1-0,8,²,,"
    csv = tmp_path / "sets.csv"
    csv.write_text(f"{header}\n{row}\n", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "d"), "import", str(csv))
    assert code == 2
    assert err == f"{csv}:2: reps '²' must be a whole number 0-1000\n"
    assert "invalid literal" not in err


def test_a_read_only_log_is_not_called_damaged() -> None:
    import sqlite3

    from app.storage.store import describe_open_error

    error = sqlite3.OperationalError("attempt to write a readonly database")
    error.sqlite_errorname = "SQLITE_READONLY"
    message = describe_open_error(Path("log.sqlite3"), error)
    assert "damaged" not in message and "cannot be written" in message
    error.sqlite_errorname = "SQLITE_FULL"
    assert "disk is full" in describe_open_error(Path("log.sqlite3"), error)


# --- 15. a read-only data folder ---------------------------------------------------------------


def test_a_frozen_data_folder_can_still_be_read_and_backed_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.fixtures.faults import can_freeze, frozen

    if not can_freeze(tmp_path):
        pytest.skip("chattr +i is not available here")
    data = tmp_path / "data"
    csv = tmp_path / "sets.csv"
    header = "date,session_id,session_title,block,set,variation,box_height_cm,tempo,"
    header += "target_reps,reps,reps_in_reserve,note"
    csv.write_text(
        f"{header}\n2026-11-20T18:05:00+01:00,s,Ladder,0,1,floor-push-up,,3-1-1-0,8,9,,\n",
        encoding="utf-8",
    )
    assert run(capsys, "--data-dir", str(data), "import", str(csv))[0] == 0
    with frozen(data):
        code, out, err = run(capsys, "--data-dir", str(data), "history")
        assert code == 0 and "Floor push up" in out
        assert err == f"tempo-trainer: {data} cannot be written, so the log is shown read-only\n"
        target = tmp_path / "b.json"
        assert run(capsys, "--data-dir", str(data), "backup", str(target))[0] == 0
        code, out, err = run(capsys, "--data-dir", str(data), "restore", str(target))
        assert (code, out) == (1, "")
        assert err == f"tempo-trainer: {data}: no permission to write there; nothing was changed\n"
    assert len(json.loads(target.read_text(encoding="utf-8"))["sets"]) == 1
