from __future__ import annotations

from pathlib import Path

from app.storage.imports.report import report_json, report_lines
from tests.unit.storage.imports.exports import FITNOTES_LBS, STRONG_CLASSIC, STRONG_V6, preview

NAMES = {
    "floor-push-up": "Floor push up",
    "loaded-push-up": "Loaded push up",
    "hands-elevated-push-up": "Hands-elevated push up",
}


def test_the_report_says_what_was_found_left_out_and_added(tmp_path: Path) -> None:
    result = preview(tmp_path, STRONG_CLASSIC)
    assert report_lines(result, 4, NAMES, dry_run=False) == [
        "Strong (classic): 6 push-up set(s) (floor push up 5, loaded push up 1),"
        " 1 of them warm-ups.",
        "Left out: rows of other exercises (1), rest timer row (1).",
        "Left out, no matching variation here: Pike Push Up (1).",
        "4 set(s) added, 2 already in the log.",
    ]


def test_a_dry_run_says_nothing_was_written_and_unknown_heights_are_named(
    tmp_path: Path,
) -> None:
    lines = report_lines(preview(tmp_path, STRONG_V6), 3, NAMES, dry_run=True)
    assert lines[-2:] == [
        '1 hands-elevated set(s) come without a box height: they are marked "height not recorded".',
        "Dry run, nothing written: 3 set(s) would be added, 0 already in the log.",
    ]


def test_no_push_ups_says_so(tmp_path: Path) -> None:
    text = "\n".join(line for line in FITNOTES_LBS.splitlines() if "ush" not in line)
    lines = report_lines(preview(tmp_path, text), 0, NAMES, dry_run=False)
    assert lines == [
        "FitNotes: no push-up sets found.",
        "Left out: rows of other exercises (1).",
        "No push-up sets in this file: nothing imported.",
    ]


def test_json_contract(tmp_path: Path) -> None:
    data = report_json(preview(tmp_path, STRONG_CLASSIC), 6, dry_run=True)
    assert data == {
        "format": "strong-12",
        "dry_run": True,
        "imported": 6,
        "already_in_log": 0,
        "skipped": {
            "not a push up": 1,
            "rest timer row": 1,
            "no matching variation: Pike Push Up": 1,
        },
        "by_variation": {"floor-push-up": 5, "loaded-push-up": 1},
        "warm_ups": 1,
        "without_box_height": 0,
    }
