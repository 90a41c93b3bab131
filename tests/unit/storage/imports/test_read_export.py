from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.problems import InputError
from app.storage.history_csv import COLUMNS
from app.storage.imports.names_file import load_exercise_names
from app.storage.imports.read_export import read_export
from tests.unit.storage.imports.exports import (
    FITNOTES_LBS,
    HEVY_KG,
    STRONG_CLASSIC,
    TODAY,
    USES_BOX,
    preview,
    write,
)


def problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as raised:
        read_export(path, load_exercise_names(), USES_BOX, TODAY)
    return raised.value.lines(str(path))


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_kept(tmp_path: Path) -> None:
    lines = STRONG_CLASSIC.splitlines()
    lines[3] = lines[3].replace(",12.0,", ",twelve,")
    lines[5] = lines[5].replace('"Push Up",2,', '"Push Up",X,')
    lines[8] = lines[8].replace("2025-09-12 07:01:02", "2099-01-01 07:00:00")
    path = write(tmp_path, "\n".join(lines))
    assert problems(path) == [
        f"{path}:4: Reps 'twelve' is not a number",
        f"{path}:6: Set Order 'X' must be a number, W, D, F, Rest Timer or Note",
        f"{path}:9: the date 2099-01-01 must be between 1970 and tomorrow",
    ]


def test_a_bad_date_and_a_missing_field(tmp_path: Path) -> None:
    text = HEVY_KG.replace("28 Jan 2026, 17:26", "28 Jan 26", 1)
    text += '\n"Legs","1 Feb 2026, 09:00","1 Feb 2026, 10:00","","Push Up",,""'
    path = write(tmp_path, text)
    found = problems(path)
    assert found[0].startswith(
        f"{path}:2: start_time '28 Jan 26' is not a date this importer reads"
    )
    assert found[1] == f"{path}:8: 7 fields; the header has 14"


def test_a_row_of_another_exercise_is_only_counted_even_when_odd(tmp_path: Path) -> None:
    text = FITNOTES_LBS + "2017-06-25,Squat,Legs,lots,5,,,\n"
    assert preview(tmp_path, text).skipped == {"not a push up": 2}


def test_a_file_without_push_ups_gives_no_sets(tmp_path: Path) -> None:
    text = "\n".join(line for line in FITNOTES_LBS.splitlines() if "ush" not in line)
    result = preview(tmp_path, text)
    assert result.sets == []
    assert result.skipped == {"not a push up": 1}


def test_a_byte_order_mark_and_windows_line_endings_are_fine(tmp_path: Path) -> None:
    text = "\ufeff" + STRONG_CLASSIC.replace("\n", "\r\n")
    assert len(preview(tmp_path, text).sets) == 6


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(FITNOTES_LBS.replace("Incline", "Inclin\u00e9").encode("latin-1"))
    assert problems(path) == [f"{path}:4: not UTF-8 text"]


def test_unknown_files_are_refused_on_line_1(tmp_path: Path) -> None:
    path = write(tmp_path, "name,age\nx,1\n")
    assert problems(path) == [
        f"{path}:1: the header is not one this app reads; expected this app's CSV"
        " (history --csv), Strong, Hevy, FitNotes or Fitbod"
    ]
    empty = write(tmp_path, "", "empty.csv")
    assert problems(empty)[0].startswith(f"{empty}:1: the file is empty; expected")
    assert problems(tmp_path / "missing.csv")[0].startswith(
        f"{tmp_path / 'missing.csv'}: cannot read"
    )


def test_this_apps_own_csv_is_read_as_before(tmp_path: Path) -> None:
    text = (
        ",".join(COLUMNS)
        + "\n2026-06-20T18:05:00+01:00,s1,Ladder,0,1,hands-elevated-push-up,45,3-1-1-0,8-12,10,2,\n"
    )
    result = preview(tmp_path, text)
    assert result.format_id == "tempo-trainer"
    assert [(s.session_uid, s.box_height_cm) for s in result.sets] == [("s1", 45.0)]
    assert result.by_variation == {"hands-elevated-push-up": 1}
