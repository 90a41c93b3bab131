"""Push-up variations: setup, form cues, common mistakes and their place on the ladder."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.fields import Fields
from app.domain.limits import MAX_BOX_HEIGHT_CM
from app.domain.problems import InputError, Problem
from app.domain.reps import RepTarget, parse_rep_target
from app.domain.tempo import Tempo, parse_tempo
from app.domain.toml_text import LineFinder, load_toml

_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
_KEYS = frozenset(
    {
        "id",
        "name",
        "summary",
        "difficulty",
        "muscles",
        "equipment",
        "support",
        "uses_box",
        "caveat",
        "default_tempo",
        "default_reps",
        "default_rest_s",
        "default_box_height_cm",
        "easier",
        "harder",
        "form_cues",
        "mistakes",
        "step",
    }
)
_STEP_KEYS = frozenset({"title", "text"})


class Support(StrEnum):
    """What the body pivots on: decides the drawn side view and the load on the hands."""

    TOES = "toes"
    KNEES = "knees"
    WALL = "wall"


@dataclass(frozen=True, slots=True)
class SetupStep:
    """One screen of the setup walkthrough."""

    title: str
    text: str


@dataclass(frozen=True, slots=True)
class Variation:
    """One push-up variation from the catalog."""

    id: str
    name: str
    summary: str
    difficulty: int
    muscles: tuple[str, ...]
    equipment: tuple[str, ...]
    support: Support
    uses_box: bool
    caveat: str
    default_tempo: Tempo
    default_reps: RepTarget
    default_rest_s: float
    default_box_height_cm: float | None
    easier: tuple[str, ...]
    harder: tuple[str, ...]
    form_cues: tuple[str, ...]
    mistakes: tuple[str, ...]
    steps: tuple[SetupStep, ...]


def is_variation_id(text: str) -> bool:
    """Lower-case letters, digits and dashes, like ``hands-elevated-push-up``."""
    return bool(text) and set(text) <= _ID_CHARS and not text.startswith("-")


def parse_variation(text: str) -> Variation:
    """Read one catalog entry (TOML); raise InputError listing every problem with its line."""
    data = load_toml(text)
    finder = LineFinder(text)
    problems: list[Problem] = []
    top = Fields(data, finder, problems)
    top.reject_unknown(_KEYS)
    variation_id = top.text("id", required=True, max_len=60)
    if variation_id and not is_variation_id(variation_id):
        top.problem("id", f"id {variation_id!r} must use only a-z, 0-9 and '-'")
    support_text = top.text("support", required=True, max_len=10)
    support = Support.TOES
    if support_text:
        try:
            support = Support(support_text)
        except ValueError:
            choices = ", ".join(s.value for s in Support)
            top.problem("support", f"support {support_text!r} must be one of: {choices}")
    uses_box = top.boolean("uses_box", default=False)
    box = top.number("default_box_height_cm", low=0, high=MAX_BOX_HEIGHT_CM, default=-1.0)
    if uses_box and (box is None or box < 0):
        top.problem(
            "default_box_height_cm", "a variation that uses a box needs default_box_height_cm"
        )
    if not uses_box and box is not None and box >= 0:
        top.problem(
            "default_box_height_cm",
            "default_box_height_cm is only for variations with uses_box = true",
        )
    steps: list[SetupStep] = []
    for index, raw in enumerate(top.tables("step", min_items=4, max_items=6)):
        step = Fields(raw, finder, problems, "step", index)
        step.reject_unknown(_STEP_KEYS)
        steps.append(
            SetupStep(
                step.text("title", required=True, max_len=60),
                step.text("text", required=True, max_len=320),
            )
        )
    variation = Variation(
        id=variation_id,
        name=top.text("name", required=True, max_len=60),
        summary=top.text("summary", required=True, max_len=240),
        difficulty=int(top.number("difficulty", low=1, high=10, default=None, integer=True) or 1),
        muscles=tuple(top.text_list("muscles", min_items=1, max_items=8, max_len=40)),
        equipment=tuple(top.text_list("equipment", min_items=0, max_items=6, max_len=60)),
        support=support,
        uses_box=uses_box,
        caveat=top.text("caveat", required=False, max_len=400),
        default_tempo=top.parsed("default_tempo", parse_tempo, None) or parse_tempo("3-1-1-0"),
        default_reps=top.parsed("default_reps", parse_rep_target, None) or parse_rep_target(10),
        default_rest_s=top.number("default_rest_s", low=0, high=600, default=None) or 0.0,
        default_box_height_cm=box if uses_box and box is not None and box >= 0 else None,
        easier=tuple(_ids(top, "easier")),
        harder=tuple(_ids(top, "harder")),
        form_cues=tuple(top.text_list("form_cues", min_items=2, max_items=12, max_len=80)),
        mistakes=tuple(top.text_list("mistakes", min_items=2, max_items=8, max_len=40)),
        steps=tuple(steps),
    )
    if problems:
        raise InputError(problems)
    return variation


def _ids(fields: Fields, key: str) -> list[str]:
    ids = fields.text_list(key, min_items=0, max_items=6, max_len=60)
    for value in ids:
        if not is_variation_id(value):
            fields.problem(key, f"{key!r}: {value!r} is not a variation id")
    return ids


def check_ladder(variations: dict[str, Variation]) -> list[tuple[str, str]]:
    """Neighbours that name no variation in the catalog, as (variation id, message)."""
    missing: list[tuple[str, str]] = []
    for variation in variations.values():
        for neighbour in (*variation.easier, *variation.harder):
            if neighbour not in variations:
                missing.append(
                    (variation.id, f"ladder neighbour {neighbour!r} is not in the catalog")
                )
    return missing
