"""What an import did (or would do), as text for people and as the ``--json`` contract."""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.exercise_names import NOT_A_PUSH_UP, UNKNOWN_PUSH_UP
from app.storage.imports.read_export import ImportPreview

_WORDS = {NOT_A_PUSH_UP: "rows of other exercises"}


def report_json(preview: ImportPreview, added: int, *, dry_run: bool) -> dict[str, object]:
    """``imported`` is what was added (with ``dry_run``: what would be); ``skipped`` counts
    rows by reason, and push ups with no matching variation by name."""
    skipped = dict(preview.skipped)
    for name, count in preview.unmatched.items():
        skipped[f"{UNKNOWN_PUSH_UP}: {name}"] = count
    return {
        "format": preview.format_id,
        "dry_run": dry_run,
        "imported": added,
        "already_in_log": len(preview.sets) - added,
        "skipped": skipped,
        "by_variation": preview.by_variation,
        "warm_ups": preview.warm_ups,
        "without_box_height": preview.without_box_height,
    }


def report_lines(
    preview: ImportPreview, added: int, names: Mapping[str, str], *, dry_run: bool
) -> list[str]:
    """A few lines: what was found, what was left out, and what was (or would be) added.

    ``names`` gives each variation id its name; an id not in it is shown as it is.
    """
    lines = [f"{preview.label}: {_found(preview, names)}"]
    left_out = [f"{_WORDS.get(reason, reason)} ({n})" for reason, n in preview.skipped.items()]
    if left_out:
        lines.append(f"Left out: {', '.join(left_out)}.")
    if preview.unmatched:
        named = ", ".join(f"{name} ({n})" for name, n in preview.unmatched.items())
        lines.append(f"Left out, no matching variation here: {named}.")
    if preview.without_box_height:
        lines.append(
            f"{preview.without_box_height} hands-elevated set(s) come without a box height:"
            ' they are marked "height not recorded".'
        )
    if not preview.sets:
        lines.append("No push-up sets in this file: nothing imported.")
        return lines
    held = len(preview.sets) - added
    if dry_run:
        lines.append(
            f"Dry run, nothing written: {added} set(s) would be added, {held} already in the log."
        )
    else:
        lines.append(f"{added} set(s) added, {held} already in the log.")
    return lines


def _found(preview: ImportPreview, names: Mapping[str, str]) -> str:
    if not preview.sets:
        return "no push-up sets found."
    parts = [f"{names.get(v, v).lower()} {n}" for v, n in preview.by_variation.items()]
    warm = f", {preview.warm_ups} of them warm-ups" if preview.warm_ups else ""
    return f"{len(preview.sets)} push-up set(s) ({', '.join(parts)}){warm}."
