"""``tempo-trainer backup`` and ``restore``: a round trip, and a bad file changes nothing."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from app.cli import main
from app.storage.data_dir import plans_folder, store_path
from app.storage.store import ImportedSet, Store


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def fill(folder: Path, title: str, reps: int) -> None:
    """A data folder with one logged set, one own plan and a settings file."""
    with Store(store_path(folder)) as store:
        store.import_sets(
            [
                ImportedSet(
                    session_uid=title,
                    session_title=title,
                    block=0,
                    set_number=1,
                    variation="floor-push-up",
                    box_height_cm=None,
                    tempo="3-1-1-0",
                    target_reps="8-12",
                    reps=reps,
                    reps_in_reserve=None,
                    note="",
                    ended_at=datetime.fromisoformat("2026-03-02T18:00:00+01:00"),
                )
            ]
        )
    plans_folder(folder).mkdir(parents=True, exist_ok=True)
    (plans_folder(folder) / f"{title}.toml").write_text(f'title = "{title}"\n', encoding="utf-8")
    (folder / "settings.json").write_text(
        json.dumps({"theme": "light", "equipment": {"stature_cm": 160 + reps}}), encoding="utf-8"
    )


def state(folder: Path) -> tuple[object, ...]:
    with Store(store_path(folder)) as store:
        sets = [(s.session_title, s.reps) for s in store.sets()]
    plans = sorted(p.name for p in plans_folder(folder).glob("*.toml"))
    return sets, plans, json.loads((folder / "settings.json").read_text(encoding="utf-8"))


def test_backup_then_restore_brings_everything_back_and_keeps_the_replaced_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine, other = tmp_path / "mine", tmp_path / "other"
    fill(mine, "mine", 12)
    fill(other, "other", 7)
    backup = tmp_path / "backup.json"
    code, out, err = run(capsys, "--data-dir", str(mine), "backup", str(backup))
    assert (code, err) == (0, "")
    assert str(backup) in out
    assert json.loads(backup.read_text(encoding="utf-8"))["format"] == "tempo-trainer-backup"

    before = state(other)
    code, out, err = run(capsys, "--data-dir", str(other), "restore", str(backup))
    assert (code, err) == (0, "")
    assert state(other) == state(mine)
    kept = Path(out.strip().splitlines()[-1].rsplit(" ", 1)[-1])
    assert kept.parent == other / "backups"
    with Store(kept / store_path(other).name) as old:
        assert [(s.session_title, s.reps) for s in old.sets()] == before[0]
    assert (kept / "plans" / "other.toml").exists()
    assert json.loads((kept / "settings.json").read_text(encoding="utf-8")) == before[2]


def test_two_restores_in_the_same_second_keep_both_copies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "mine"
    fill(mine, "mine", 12)
    backup = tmp_path / "backup.json"
    run(capsys, "--data-dir", str(mine), "backup", str(backup))
    outs = [run(capsys, "--data-dir", str(mine), "restore", str(backup))[1] for _ in range(2)]
    assert outs[0] != outs[1]
    assert len(list((mine / "backups").glob("before-restore-*"))) == 2


def bad_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    source = tmp_path / "source"
    fill(source, "source", 10)
    good = tmp_path / "good.json"
    run(capsys, "--data-dir", str(source), "backup", str(good))
    data = json.loads(good.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def line_of(text: str, marker: str) -> int:
    """The line of ``text`` holding ``marker`` (where the problem is)."""
    return next(n for n, line in enumerate(text.splitlines(), start=1) if marker in line)


@pytest.mark.parametrize(
    ("spoil", "marker", "message"),
    [
        (('"version": 1', '"version": 1,,'), '"version"', "not a JSON file"),
        # A set the schema refuses is named by where its object starts.
        (('"reps": 10', '"reps": -4'), '"sets": [', "set 1: reps must be a whole number"),
        (('"tempo-trainer-backup"', '"zip"'), "{", "not a Tempo Trainer backup"),
        (('"source.toml"', '"../evil.toml"'), "evil", "is not a plain .toml name"),
    ],
)
def test_a_bad_file_is_refused_with_its_line_and_nothing_changes(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    spoil: tuple[str, str],
    marker: str,
    message: str,
) -> None:
    text = json.dumps(bad_backup(tmp_path, capsys), indent=1)
    spoiled = text.replace(*spoil)
    assert spoiled != text
    bad = tmp_path / "bad.json"
    bad.write_text(spoiled, encoding="utf-8")
    mine = tmp_path / "mine"
    fill(mine, "mine", 12)
    before = state(mine)
    code, out, err = run(capsys, "--data-dir", str(mine), "restore", str(bad))
    assert (code, out) == (2, "")
    line = line_of(spoiled, marker) + (1 if marker == '"sets": [' else 0)
    assert err.splitlines()[0].startswith(f"{bad}:{line}: ")
    assert message in err
    assert state(mine) == before
    assert not (mine / "backups").exists()


def test_a_missing_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "restore", str(tmp_path / "no.json"))
    assert out == ""
    assert code == 2
    assert err.startswith(f"{tmp_path / 'no.json'}: cannot read the file")
