"""The progression coach: today's session, block by block, from the sessions that count.

Pure: it is given the sets (rehearsals already left out), the catalog, the equipment profile
and today's date, nothing else. It advises on the newest session that counts
(``coach.evidence``), keeping that session's blocks, rests and order: each work block gets
the advice of ``coach.block_rules``; warm-up and cool-down blocks are carried as they were.
A ladder (one box variation at several heights in one session) moves as one: when its main
block (the one with the most sets) steps, every rung steps with it.

Every step stays within the caps of ``coach.box_steps``; the kneeling push up is never
prescribed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from app.domain.coach import box_steps
from app.domain.coach.advice import Rule, Suggestion
from app.domain.coach.block_rules import BlockCoach
from app.domain.coach.evidence import BlockRun, TrainedSession, TrainedSet, gather
from app.domain.coach.signs import BlockHistory
from app.domain.coach.thresholds import KNEELING
from app.domain.equipment import EquipmentProfile
from app.domain.plan import Block, SessionPlan
from app.domain.reps import parse_rep_target
from app.domain.set_role import SetRole
from app.domain.tempo import parse_tempo
from app.domain.variation import Variation

HISTORY_DAYS = 16 * 7
"""How far back before the newest set the coach reads (``coach_input``)."""

__all__ = [
    "HISTORY_DAYS",
    "Rule",
    "Suggestion",
    "TrainedSet",
    "plan_from_suggestions",
    "suggest",
]

_CARRIED = {
    SetRole.WARM_UP: "Warm-up, as last time: it is not counted as evidence.",
    SetRole.COOL_DOWN: "Cool-down, as last time: it is not counted as evidence.",
}


def suggest(
    history: Sequence[TrainedSet],
    catalog: Mapping[str, Variation],
    profile: EquipmentProfile | None = None,
    *,
    today: date,
) -> list[Suggestion]:
    """Today's blocks, in the order of the newest session that counts; empty without one."""
    evidence = gather(history, catalog, today)
    if not evidence.sessions:
        return []
    coach = BlockCoach(catalog, profile or EquipmentProfile())
    latest = evidence.sessions[-1]
    earlier = evidence.sessions[:-1]
    days_off = max(0, (today - latest.day).days)
    advice: list[Suggestion] = []
    for run in latest.blocks:
        if not run.is_work:
            keep = coach.keep(run)
            if run.key.variation_id == KNEELING:  # never prescribed, not even to warm up
                advice.append(coach.off_the_knees(keep))
                continue
            carried = replace(keep, reason=_CARRIED.get(run.role, "As last time."))
            if carried.box_height_cm is None and catalog[carried.variation].uses_box:
                # no height logged (an imported warm-up): the usual box, as for work sets
                usual = catalog[carried.variation].default_box_height_cm
                carried = replace(carried, box_height_cm=usual)
            advice.append(carried)
            continue
        advice.append(coach.advise(_history(run, earlier, days_off)))
    advice = _ladder(advice, latest, coach)
    note = evidence.left_out
    if note:
        advice = [
            replace(s, reason=f"{s.reason[:-1]} ({note}).") if s.role is SetRole.WORK else s
            for s in advice
        ]
    return advice


def plan_from_suggestions(
    suggestions: Sequence[Suggestion],
    catalog: Mapping[str, Variation],
    title: str = "Coach's choice",
) -> SessionPlan:
    """Today's session from the advice: one block per suggestion, its rest, role and order."""
    blocks = []
    for s in suggestions:
        variation = catalog[s.variation]
        blocks.append(
            Block(
                variation_id=s.variation,
                sets=s.sets,
                reps=parse_rep_target(s.reps),
                tempo=parse_tempo(s.tempo),
                rest_s=s.rest_s,
                box_height_cm=s.box_height_cm if variation.uses_box else None,
                reset_s=s.reset_s,
                role=s.role,
            )
        )
    return SessionPlan(title=title, blocks=tuple(blocks))


def _history(run: BlockRun, earlier: Sequence[TrainedSession], days_off: int) -> BlockHistory:
    same: list[BlockRun] = []
    other_tempos: list[BlockRun] = []
    key = run.key
    for session in earlier:
        for block in session.blocks:
            if not block.is_work:
                continue
            if block.key == key:
                same.append(block)
            elif (
                block.key.variation_id == key.variation_id
                and block.key.box_height_cm == key.box_height_cm
                and block.key.target == key.target
            ):
                other_tempos.append(block)
    return BlockHistory(run, tuple(same), tuple(other_tempos), days_off)


def _ladder(
    advice: list[Suggestion], session: TrainedSession, coach: BlockCoach
) -> list[Suggestion]:
    """Rungs of one box variation at several heights follow the rung with the most sets."""
    out = list(advice)
    by_variation: dict[str, list[int]] = {}
    for position, run in enumerate(session.blocks):
        variation = coach.catalog[run.key.variation_id]
        if variation.uses_box and run.key.box_height_cm is not None:
            by_variation.setdefault(run.key.variation_id, []).append(position)
    for positions in by_variation.values():
        work = [p for p in positions if session.blocks[p].is_work]
        heights = {session.blocks[p].key.box_height_cm for p in work}
        if len(heights) < 2:
            continue
        main = max(work, key=lambda p: (session.blocks[p].planned_sets, -p))
        for position in positions:
            if position != main:
                out[position] = _follow(out[main], out[position], session.blocks[position], coach)
        moved = [out[p] for p in positions if p != main and out[p].rule == out[main].rule]
        if moved and out[main].rule in (Rule.HARDER, Rule.EASIER, Rule.RETURN):
            way = "down" if out[main].rule is Rule.HARDER else "up"
            out[main] = replace(
                out[main],
                reason=f"{out[main].reason[:-1]}, and shift the whole ladder one step {way}.",
            )
    return out


def _follow(main: Suggestion, rung: Suggestion, run: BlockRun, coach: BlockCoach) -> Suggestion:
    height = run.key.box_height_cm
    main_from = main.from_box_height_cm
    if height is None or main_from is None:
        return rung
    moved_down = main.rule is Rule.HARDER and main.variation == main.from_variation
    moved_up = (
        main.rule in (Rule.EASIER, Rule.RETURN, Rule.DELOAD)
        and main.box_height_cm is not None
        and main.box_height_cm > main_from
    )
    where_main = coach.where(main_from)
    if moved_down:
        step = box_steps.harder(height, coach.stature_cm, coach.surfaces)
        if step.height_cm is None or step.height_cm <= 0:
            return replace(
                rung,
                rule=Rule.KEEP,
                box_height_cm=height,
                reason=f"The ladder moves down with your {where_main} sets, but this rung has "
                "no surface one step lower: keep it as it is.",
            )
        return replace(
            rung,
            box_height_cm=step.height_cm,
            rule=Rule.HARDER,
            extrapolated=step.extrapolated,
            reason=f"The whole ladder moves one step down with your {where_main} sets: "
            f"{coach.where(height)} becomes {coach.where(step.height_cm)}.",
        )
    if moved_up:
        step = box_steps.easier(height, coach.stature_cm, coach.surfaces)
        if step.height_cm is None:
            return replace(rung, rule=main.rule, reason=f"{main.reason[:-1]}; keep this rung.")
        return replace(
            rung,
            box_height_cm=step.height_cm,
            rule=main.rule,
            reason=f"The whole ladder moves one step up with your {where_main} sets: "
            f"{coach.where(height)} becomes {coach.where(step.height_cm)}.",
        )
    if rung.rule in (Rule.HARDER, Rule.VARY) and run.is_work:
        top = parse_rep_target(main.from_reps).high
        return replace(
            rung,
            rule=Rule.KEEP,
            variation=rung.from_variation,
            box_height_cm=height,
            sets=run.planned_sets,
            reps=rung.from_reps,
            tempo=rung.from_tempo,
            reason=f"The ladder moves as one: it steps down when every set at {where_main} "
            f"reaches {top}.",
        )
    return rung
