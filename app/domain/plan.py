"""Session plans: what to train today, block by block, read from TOML text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.fields import Fields
from app.domain.limits import (
    CM_PER_INCH,
    MAX_BLOCKS,
    MAX_BOX_HEIGHT_CM,
    MAX_SETS_PER_BLOCK,
    MAX_TITLE_CHARS,
)
from app.domain.problems import InputError, Problem
from app.domain.reps import RepTarget, parse_rep_target
from app.domain.set_role import SetRole, parse_role
from app.domain.tempo import Tempo, parse_tempo
from app.domain.toml_text import LineFinder, Scalar, Table, load_toml, toml_document
from app.domain.variation import Variation

DEFAULT_COUNT_IN_S = 3.0
DEFAULT_REST_S = 90.0
DEFAULT_RESET_S = 3.0
_TOP_KEYS = frozenset({"title", "description", "count_in_s", "block"})
_BLOCK_KEYS = frozenset(
    {
        "variation",
        "sets",
        "reps",
        "tempo",
        "rest_s",
        "box_height_cm",
        "box_height_in",
        "reset_s",
        "role",
    }
)


@dataclass(frozen=True, slots=True)
class Block:
    """A run of identical sets of one variation; ``role`` says whether they are work."""

    variation_id: str
    sets: int
    reps: RepTarget
    tempo: Tempo
    rest_s: float
    box_height_cm: float | None
    reset_s: float = DEFAULT_RESET_S
    role: SetRole = SetRole.WORK

    @property
    def rep_duration_s(self) -> float:
        return self.tempo.rep_duration_s(self.reset_s)


@dataclass(frozen=True, slots=True)
class SessionPlan:
    """A whole session: its title and blocks, run in order.

    ``count_in_s`` is None when the plan does not set one: the compiler's default (the
    person's setting) applies then, and ``plan_text`` leaves it out again.
    """

    title: str
    blocks: tuple[Block, ...]
    description: str = ""
    count_in_s: float | None = None

    @property
    def total_sets(self) -> int:
        return sum(block.sets for block in self.blocks)


def parse_plan(text: str, catalog: Mapping[str, Variation]) -> SessionPlan:
    """Read a plan (TOML text) against the catalog; InputError lists every problem with its line."""
    data = load_toml(text)
    finder = LineFinder(text)
    problems: list[Problem] = []
    top = Fields(data, finder, problems)
    top.reject_unknown(_TOP_KEYS)
    title = top.text("title", required=True, max_len=MAX_TITLE_CHARS)
    description = top.text("description", required=False, max_len=2000)
    count_in = (
        top.number("count_in_s", low=0, high=10, default=DEFAULT_COUNT_IN_S)
        if top.has("count_in_s")
        else None
    )
    blocks = [
        _parse_block(Fields(raw, finder, problems, "block", index), catalog)
        for index, raw in enumerate(top.tables("block", min_items=1, max_items=MAX_BLOCKS))
    ]
    if problems:
        raise InputError(problems)
    return SessionPlan(
        title=title,
        description=description,
        count_in_s=count_in,
        blocks=tuple(b for b in blocks if b is not None),
    )


def _parse_block(block: Fields, catalog: Mapping[str, Variation]) -> Block | None:
    block.reject_unknown(_BLOCK_KEYS)
    variation_id = block.text("variation", required=True, max_len=60)
    variation = catalog.get(variation_id)
    if variation_id and variation is None:
        known = ", ".join(sorted(catalog))
        block.problem("variation", f"unknown variation {variation_id!r} (known: {known})")
    sets = block.number("sets", low=1, high=MAX_SETS_PER_BLOCK, default=None, integer=True)
    reps = block.parsed("reps", parse_rep_target, None)
    # With an unknown variation there is no default tempo; only the variation is reported.
    fallback = variation.default_tempo if variation else parse_tempo("3-1-1-0")
    tempo = block.parsed("tempo", parse_tempo, fallback)
    rest = block.number("rest_s", low=0, high=600, default=DEFAULT_REST_S)
    reset = block.number("reset_s", low=0, high=30, default=DEFAULT_RESET_S)
    box = _box_height(block, variation)
    role = block.parsed("role", _role, SetRole.WORK)
    if variation is None or sets is None or reps is None or tempo is None:
        return None
    reset_s = DEFAULT_RESET_S if reset is None else reset
    if tempo.rep_duration_s(reset_s) <= 0:
        block.problem("reset_s", "a rep must take some time: the tempo and reset_s are all 0")
        return None
    return Block(
        variation_id=variation_id,
        sets=int(sets),
        reps=reps,
        tempo=tempo,
        rest_s=DEFAULT_REST_S if rest is None else rest,
        box_height_cm=box,
        reset_s=reset_s,
        role=role or SetRole.WORK,
    )


def _role(value: object) -> SetRole:
    if not isinstance(value, str):
        raise ValueError(f"role must be text: one of {', '.join(r.value for r in SetRole)}")
    return parse_role(value)


def _box_height(block: Fields, variation: Variation | None) -> float | None:
    in_cm = block.number("box_height_cm", low=0, high=MAX_BOX_HEIGHT_CM, default=-1.0)
    in_inches = block.number(
        "box_height_in", low=0, high=MAX_BOX_HEIGHT_CM / CM_PER_INCH, default=-1.0
    )
    given = block.has("box_height_cm") or block.has("box_height_in")
    if block.has("box_height_cm") and block.has("box_height_in"):
        block.problem("box_height_in", "give box_height_cm or box_height_in, not both")
        return None
    if variation is None:
        return None
    if variation.uses_box and not given:
        block.problem("variation", f"{variation.id!r} needs box_height_cm (the height of the box)")
        return None
    if not variation.uses_box and given:
        key = "box_height_cm" if block.has("box_height_cm") else "box_height_in"
        block.problem(key, f"{variation.id!r} does not use a box; remove {key}")
        return None
    if not given:
        return None
    if block.has("box_height_in"):
        return None if in_inches is None or in_inches < 0 else round(in_inches * CM_PER_INCH, 1)
    return None if in_cm is None or in_cm < 0 else in_cm


def plan_text(plan: SessionPlan) -> str:
    """TOML text that ``parse_plan`` reads back into ``plan`` (the log keeps it for resuming)."""
    top: dict[str, Scalar | list[Table]] = {"title": plan.title}
    if plan.description:
        top["description"] = plan.description
    if plan.count_in_s is not None:
        top["count_in_s"] = plan.count_in_s
    top["block"] = [_block_table(block) for block in plan.blocks]
    return toml_document(top)


def _block_table(block: Block) -> Table:
    table: dict[str, Scalar] = {
        "variation": block.variation_id,
        "sets": block.sets,
        "reps": str(block.reps),
        "tempo": str(block.tempo),
        "rest_s": block.rest_s,
        "reset_s": block.reset_s,
    }
    if block.box_height_cm is not None:
        table["box_height_cm"] = block.box_height_cm
    if block.role is not SetRole.WORK:
        table["role"] = block.role.value
    return table
