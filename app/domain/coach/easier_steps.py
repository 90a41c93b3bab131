"""The steps back: easier, a retest, a deload, off the knees onto a first box, or one thing changed.

``EasierSteps`` also holds the person the coach advises (their surfaces, stature, units),
which every step needs; ``HarderSteps`` and ``BlockCoach`` build on it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from app.domain.coach import box_steps
from app.domain.coach.advice import Rule, Suggestion
from app.domain.coach.evidence import BlockKey, BlockRun
from app.domain.coach.signs import box_height, keep_reset
from app.domain.coach.thresholds import (
    ECCENTRIC,
    ENDURANCE_LONGEST_REST_S,
    FIRST_BOX_AFTER_NEGATIVES_CM,
    FLOOR,
    HANDS_ELEVATED,
    HYPERTROPHY_LONGEST_REST_S,
    HYPERTROPHY_UP_TO_REPS,
    KNEELING,
    LOADED,
    MAX_SETS,
    NEGATIVE_KNEE,
    NEGATIVE_START_S,
    REST_STEP_S,
    RETEST_AFTER_DAYS,
    SLOWEST_LOWERING_S,
    STANDARD_HEIGHTS_CM,
    STRENGTH_LONGEST_REST_S,
    STRENGTH_UP_TO_REPS,
    WALL,
)
from app.domain.equipment import EquipmentProfile
from app.domain.load_model import KNEE_SHARE, box_share
from app.domain.reps import RepTarget, parse_rep_target
from app.domain.set_role import SetRole
from app.domain.tempo import parse_tempo
from app.domain.units import format_height
from app.domain.variation import Variation


def _longest_rest_s(target: RepTarget) -> float:
    """The longest rest DOMAIN.md's rest table allows every rep count of ``target``: a range
    reaching past 12 reps is endurance (up to 60 s), one topping out at 8 or fewer strength
    (up to 5 min), any other hypertrophy (up to 3 min)."""
    if target.high > HYPERTROPHY_UP_TO_REPS:
        return ENDURANCE_LONGEST_REST_S
    if target.high <= STRENGTH_UP_TO_REPS:
        return STRENGTH_LONGEST_REST_S
    return HYPERTROPHY_LONGEST_REST_S


class EasierSteps:
    """The steps back for one block, for one person."""

    def __init__(self, catalog: Mapping[str, Variation], profile: EquipmentProfile) -> None:
        self.catalog = catalog
        self.profile = profile
        self.stature_cm = profile.stature_cm
        self.surfaces = profile.heights_cm

    def keep(self, run: BlockRun) -> Suggestion:
        variation = self.catalog[run.key.variation_id]
        key = run.key
        return Suggestion(
            from_variation=key.variation_id,
            from_box_height_cm=key.box_height_cm,
            from_reps=str(key.target),
            from_tempo=str(key.tempo),
            variation=key.variation_id,
            box_height_cm=key.box_height_cm,
            sets=run.planned_sets,
            reps=str(key.target),
            tempo=str(key.tempo),
            rest_s=variation.default_rest_s if run.rest_s is None else run.rest_s,
            rule=Rule.KEEP,
            reason="",
            role=run.role,
            reset_s=keep_reset(run),
        )

    def where(self, height_cm: float) -> str:
        text = format_height(height_cm, self.profile.units)
        surface = self.profile.surface_at(height_cm)
        return f"the {surface.name} ({text})" if surface else text

    def height_not_recorded(
        self, keep: Suggestion, variation: Variation, days_off: int
    ) -> Suggestion:
        """Box sets without a height (imported from another app): no step can be measured
        from them, so start from the variation's usual box and ask for the height."""
        start = variation.default_box_height_cm
        where = "your usual box" if start is None else f"{self.where(start)} or your usual box"
        why = "These sets do not say how high your hands were"
        ask = "and log its height so the coach can step it."
        started = replace(
            keep,
            box_height_cm=start,
            reps=str(variation.default_reps),
            tempo=str(variation.default_tempo),
            reason=f"{why}: start at {where}, {ask}",
        )
        if days_off > RETEST_AFTER_DAYS:
            return replace(
                started,
                sets=1,
                reps="max",
                rule=Rule.RETEST,
                reason=f"It has been {days_off // 7} weeks, and {why[0].lower()}{why[1:]}:"
                f" do one test set at {where}, stopping when your form breaks, {ask}",
            )
        return started

    def retest(self, keep: Suggestion, days_off: int) -> Suggestion:
        weeks = days_off // 7
        return replace(
            keep,
            sets=1,
            reps="max",
            rule=Rule.RETEST,
            reason=f"It has been {weeks} weeks since you trained this: do one test set, "
            "stopping when your form breaks, before the coach prescribes more.",
        )

    def deload(self, keep: Suggestion, run: BlockRun) -> Suggestion:
        why = "Your reps fell three sessions running with nothing left in reserve"
        if keep.sets > 1:
            return replace(
                keep,
                sets=keep.sets - 1,
                rule=Rule.DELOAD,
                reason=f"{why}: do one set fewer for a week to recover.",
            )
        return self.easier(keep, run, why, Rule.DELOAD, bottom_first=False)

    def easier(
        self, keep: Suggestion, run: BlockRun, why: str, rule: Rule, *, bottom_first: bool
    ) -> Suggestion:
        """One step easier; where there is none, the same at the bottom of the range."""
        if not bottom_first:
            step = self._easier_step(keep, run, why, rule)
            if step is not None:
                return step
        target = run.key.target
        if target.is_max or target.low == target.high:
            return replace(
                keep, rule=rule, reason=f"{why}: keep it easy and stop short of failure."
            )
        return replace(
            keep,
            reps=str(RepTarget(target.low, target.low)),
            rule=rule,
            reason=f"{why}: the same again, aiming for {target.low} reps, the bottom of the range.",
        )

    def _easier_step(
        self, keep: Suggestion, run: BlockRun, why: str, rule: Rule
    ) -> Suggestion | None:
        variation = self.catalog[run.key.variation_id]
        tempo = run.key.tempo
        if variation.uses_box:
            height = box_height(run, variation)
            step = self._one_step_up(height)
            if step.height_cm is None:
                return None
            return replace(
                keep,
                box_height_cm=step.height_cm,
                rule=rule,
                reason=f"{why}: raise your hands to {self.where(step.height_cm)}.",
            )
        if variation.id == FLOOR and HANDS_ELEVATED in self.catalog:
            step = self._one_step_up(0.0)
            if step.height_cm is None:
                return None
            return replace(
                keep,
                variation=HANDS_ELEVATED,
                box_height_cm=step.height_cm,
                rule=rule,
                reason=f"{why}: put your hands on {self.where(step.height_cm)}.",
            )
        if variation.id in (NEGATIVE_KNEE, ECCENTRIC) and tempo.eccentric_s > NEGATIVE_START_S:
            shorter = max(NEGATIVE_START_S, tempo.eccentric_s - 1)
            return replace(
                keep,
                tempo=str(replace(tempo, eccentric_s=shorter)),
                rule=rule,
                reason=f"{why}: lower for {shorter:g} s instead of {tempo.eccentric_s:g} s.",
            )
        if variation.id == LOADED:
            return replace(keep, rule=rule, reason=f"{why}: take off some of the load.")
        return None

    def _one_step_up(self, height_cm: float) -> box_steps.BoxStep:
        """One step higher; a saved surface further than a step up is not one step easier."""
        if not self.surfaces:
            return box_steps.easier(height_cm, self.stature_cm)
        near = [
            h for h in self.surfaces if height_cm < h <= height_cm + box_steps.max_step_cm(h) + 1e-9
        ]
        if not near:
            return box_steps.BoxStep(None)
        return box_steps.easier(height_cm, self.stature_cm, near)

    def vary(self, keep: Suggestion, run: BlockRun, why: str) -> Suggestion:
        """Change one thing: an extra set, else a slower lowering, else a longer rest (within
        the rep range's goal); with all three at their limits, aim for one more rep."""
        tempo = run.key.tempo
        if keep.sets < MAX_SETS:
            return replace(
                keep,
                sets=keep.sets + 1,
                rule=Rule.VARY,
                reason=f"{why}: add a set ({keep.sets + 1} in all) for now.",
            )
        if tempo.eccentric_s < SLOWEST_LOWERING_S:
            slower = tempo.eccentric_s + 1
            return replace(
                keep,
                tempo=str(replace(tempo, eccentric_s=slower)),
                rule=Rule.VARY,
                reason=f"{why}: lower for {slower:g} s instead of {tempo.eccentric_s:g} s.",
            )
        longest = _longest_rest_s(run.key.target)
        if keep.rest_s < longest:
            rest = min(keep.rest_s + REST_STEP_S, longest)
            return replace(
                keep,
                rest_s=rest,
                rule=Rule.VARY,
                reason=f"{why}: rest {rest:g} s between sets instead of {keep.rest_s:g} s.",
            )
        return replace(
            keep,
            rule=Rule.KEEP,
            reason=f"{why}, with {keep.sets} sets, a {tempo.eccentric_s:g} s lowering and "
            f"{keep.rest_s:g} s of rest already: aim for one more rep in your first set.",
        )

    def off_the_knees(self, keep: Suggestion) -> Suggestion:
        return self.to_first_box(
            keep,
            "A box keeps your body straight from head to heels",
            None,
            Rule.OFF_THE_KNEES,
        )

    def to_first_box(
        self, keep: Suggestion, why: str, near_cm: float | None, rule: Rule
    ) -> Suggestion:
        """A box no harder than a knee push up: near ``near_cm``, else the knee's equal."""
        if HANDS_ELEVATED not in self.catalog:
            return replace(keep, reason=f"{why}.")
        box = self.catalog[HANDS_ELEVATED]
        heights = self.surfaces or STANDARD_HEIGHTS_CM
        easy = [h for h in heights if box_share(h, self.stature_cm) <= KNEE_SHARE + 1e-9]
        if not easy and keep.variation == KNEELING and WALL in self.catalog:
            wall = self.catalog[WALL]
            return replace(
                keep,
                variation=WALL,
                reps=str(wall.default_reps),
                tempo=str(wall.default_tempo),
                rest_s=wall.default_rest_s,
                rule=rule,
                reason=f"{why}: none of your surfaces is high enough, so press against a wall "
                f"for now; a surface of about {self.where(near_cm or FIRST_BOX_AFTER_NEGATIVES_CM)}"
                " would be the next step.",
            )
        if not easy:
            varied = self.vary(keep, stand_in_run(keep), why)
            return replace(
                varied,
                reason=f"{varied.reason[:-1]}; a surface of about "
                f"{self.where(near_cm or FIRST_BOX_AFTER_NEGATIVES_CM)} would be the next step.",
            )
        height = min(easy, key=lambda h: abs(h - near_cm)) if near_cm is not None else min(easy)
        return replace(
            keep,
            variation=HANDS_ELEVATED,
            box_height_cm=height,
            tempo=str(box.default_tempo),
            reps=str(box.default_reps),
            reset_s=keep.reset_s,
            rest_s=box.default_rest_s,
            rule=rule,
            extrapolated=height > 61,
            reason=f"{why}: put your hands on {self.where(height)}, no harder than a knee push up.",
        )


def stand_in_run(keep: Suggestion) -> BlockRun:
    """A stand-in run for ``vary`` when only the suggestion is at hand."""
    key = BlockKey(
        keep.variation,
        keep.box_height_cm,
        parse_rep_target(keep.reps),
        parse_tempo(keep.tempo),
    )
    return BlockRun(0, key, SetRole.WORK, date.min, (), (), (), keep.sets, None, None)
