"""Commands about plans and variations: ``validate``, ``timeline``, ``variations``."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from app.cli.output import EXIT_INVALID, EXIT_OK, write_utf8
from app.domain.plain_text import printable
from app.domain.timeline import Timeline, compile_timeline
from app.storage.catalog import Catalog, load_catalog, variation_problems
from app.storage.plan_files import read_plan
from app.storage.settings import load_settings, settings_path


def validate(paths: Sequence[Path]) -> int:
    catalog = load_catalog()
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.toml")))
        elif path.exists():
            files.append(path)
        else:
            problems.append(f"{path}: no such file or folder")
    for path in files:
        problems.extend(_file_problems(path, catalog))
    for line in problems:
        print(line, file=sys.stderr)
    if not problems:
        print(f"{len(files)} file(s) valid")
    return EXIT_INVALID if problems else EXIT_OK


def _file_problems(path: Path, catalog: Catalog) -> list[str]:
    """A file under a ``variations`` folder is a variation; anything else is a plan."""
    if path.parent.name == "variations":
        return variation_problems(path)[1]
    return list(read_plan(path, catalog).problems)


def timeline(path: Path, folder: Path, *, as_json: bool) -> int:
    plan_file = read_plan(path, load_catalog())
    if plan_file.plan is None:
        for line in plan_file.problems:
            print(line, file=sys.stderr)
        return EXIT_INVALID
    # The plan's own count_in_s wins; the saved setting is for plans without one.
    count_in_s = load_settings(settings_path(folder)).count_in_s
    timeline = compile_timeline(plan_file.plan, default_count_in_s=count_in_s)
    if as_json:
        print(json.dumps(timeline_json(timeline), indent=1))
    else:
        print(timeline_text(timeline))
    return EXIT_OK


def _ms(seconds: float) -> float:
    return round(seconds, 3)


def timeline_json(timeline: Timeline) -> dict[str, object]:
    """The ``timeline --json`` contract."""
    return {
        "title": timeline.title,
        "duration_s": _ms(timeline.duration_s),
        "sets": [
            {
                "block": timed.schedule.block,
                "set": timed.schedule.set_number,
                "variation": timed.schedule.variation_id,
                "box_height_cm": timed.schedule.box_height_cm,
                "tempo": str(timed.schedule.tempo),
                "reps": timed.schedule.reps,
                "start_s": _ms(timed.start_s),
                "reps_start_s": _ms(timed.reps_start_s),
                "end_s": _ms(timed.end_s),
                "rest_end_s": _ms(timed.rest_end_s),
            }
            for timed in timeline.sets
        ],
        "cues": [{"t": _ms(cue.t_s), "cue": cue.kind.value} for cue in timeline.cues],
    }


def timeline_text(timeline: Timeline) -> str:
    lines = [f"{printable(timeline.title)}: {_clock(timeline.duration_s)} in all"]
    for timed in timeline.sets:
        s = timed.schedule
        box = f", box {s.box_height_cm:g} cm" if s.box_height_cm is not None else ""
        lines.append(
            f"  {_clock(timed.start_s)}  block {s.block + 1} set {s.set_number}/{s.sets_in_block}:"
            f" {s.variation_id}{box}, {s.target} reps at {s.tempo}, ends {_clock(timed.end_s)},"
            f" rest until {_clock(timed.rest_end_s)}"
        )
    return "\n".join(lines)


def _clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60:d}:{whole % 60:02d}"


def variations(*, as_json: bool) -> int:
    catalog = load_catalog()
    if as_json:
        items = [
            {
                "id": v.id,
                "name": v.name,
                "summary": v.summary,
                "difficulty": v.difficulty,
                "muscles": list(v.muscles),
                "equipment": list(v.equipment),
                "uses_box": v.uses_box,
                "default_box_height_cm": v.default_box_height_cm,
                "default_tempo": str(v.default_tempo),
                "default_reps": str(v.default_reps),
                "default_rest_s": v.default_rest_s,
                "easier": list(v.easier),
                "harder": list(v.harder),
                "caveat": v.caveat,
                "setup_steps": [{"title": s.title, "text": s.text} for s in v.steps],
                "form_cues": list(v.form_cues),
                "mistakes": list(v.mistakes),
            }
            for v in catalog.values()
        ]
        write_utf8(json.dumps(items, indent=1, ensure_ascii=False) + "\n")
        return EXIT_OK
    for v in catalog.values():
        print(f"{v.id:24} {v.name}: {v.summary}")
    return EXIT_OK
