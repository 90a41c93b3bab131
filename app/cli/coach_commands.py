"""Commands of the coach: ``load`` (the share of body weight) and ``suggest``."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from app.cli.log_access import log_to_read
from app.cli.output import EXIT_INVALID, EXIT_OK, print_error, write_utf8
from app.domain.equipment import EquipmentProfile, equipment_to_dict, parse_equipment
from app.domain.load_model import LoadError, estimate_load
from app.domain.problems import InputError, Problem
from app.domain.progression import suggest
from app.domain.set_role import SetRole
from app.storage.catalog import load_catalog
from app.storage.coach_input import coach_history
from app.storage.settings import load_settings, settings_path


def _equipment(folder: Path) -> EquipmentProfile:
    """The profile saved in Settings; defaults when absent or bad."""
    return load_settings(settings_path(folder)).equipment


def load(args: argparse.Namespace, folder: Path) -> int:
    catalog = load_catalog()
    variation = catalog.get(args.variation)
    if variation is None:
        print_error(f"unknown variation {args.variation!r} (known: {', '.join(catalog)})")
        return EXIT_INVALID
    stature_cm = _equipment(folder).stature_cm if args.stature_cm is None else args.stature_cm
    try:
        estimate = estimate_load(variation, args.box_height_cm, stature_cm)
    except LoadError as error:
        print_error(str(error))
        return EXIT_INVALID
    if args.json:
        print(
            json.dumps(
                {
                    "variation": estimate.variation_id,
                    "box_height_cm": estimate.box_height_cm,
                    "stature_cm": estimate.stature_cm,
                    "share_of_body_mass": round(estimate.share_of_body_mass, 4),
                    "source": estimate.source,
                    "extrapolated": estimate.extrapolated,
                },
                indent=1,
            )
        )
        return EXIT_OK
    height = estimate.box_height_cm
    box = f" with the hands at {height:g} cm" if height is not None else ""
    print(
        f"{variation.name}{box}: about {estimate.share_of_body_mass:.0%} of your body weight"
        f" on your hands (stature {estimate.stature_cm:g} cm)."
    )
    print(f"Source: {estimate.source}.")
    if estimate.extrapolated:
        print("This is an extrapolation beyond what was measured: treat it as a rough guide.")
    return EXIT_OK


def suggest_today(folder: Path, args: argparse.Namespace) -> int:
    catalog = load_catalog()
    try:
        today = date.fromisoformat(args.today) if args.today else date.today()
    except ValueError:
        print_error(f"--today {args.today!r} must be a date like 2026-11-22")
        return EXIT_INVALID
    try:
        profile = _profile_for_suggest(_equipment(folder), args.stature_cm, args.surface)
    except InputError as error:
        for problem in error.problems:
            print_error(problem.message)
        return EXIT_INVALID
    with log_to_read(folder, unwritable="the log is only read") as store:
        history = coach_history(store, today)
    advice = suggest(history, catalog, profile, today=today)
    if args.json:
        write_utf8(json.dumps([s.to_json() for s in advice], indent=1, ensure_ascii=False) + "\n")
        return EXIT_OK
    if not advice:
        print(
            "Nothing to suggest yet: log a session trained at normal speed"
            " (rehearsals, played with --speed, do not count)."
        )
    for s in advice:
        box = f" at {s.box_height_cm:g} cm" if s.box_height_cm is not None else ""
        role = "" if s.role is SetRole.WORK else f" ({s.role})"
        print(f"{catalog[s.variation].name}{box}: {s.sets} x {s.reps} at {s.tempo}{role}")
        print(f"  {s.reason}")
    return EXIT_OK


def _profile_for_suggest(
    saved: EquipmentProfile, stature_cm: float | None, surfaces: Sequence[str]
) -> EquipmentProfile:
    """The saved profile with this run's ``--stature-cm`` and ``--surface`` in place."""
    data = equipment_to_dict(saved)
    if stature_cm is not None:
        data["stature_cm"] = stature_cm
    if surfaces:
        given: list[dict[str, object]] = []
        for text in surfaces:
            name, _, height = text.rpartition("=")
            try:
                value = float(height)
            except ValueError:
                raise InputError(
                    Problem(f"--surface {text!r} must be NAME=CM, like stair=20")
                ) from None
            given.append({"name": name, "height_cm": value})
        data["surfaces"] = given
    return parse_equipment(data)
