"""The steps on: a lower box, the floor, longer lowerings, a load, off the wall onto a box."""

from __future__ import annotations

from dataclasses import replace

from app.domain.coach import box_steps
from app.domain.coach.advice import Rule, Suggestion
from app.domain.coach.easier_steps import EasierSteps, stand_in_run
from app.domain.coach.evidence import BlockRun
from app.domain.coach.signs import box_height
from app.domain.coach.thresholds import (
    CLEAN_FLOOR_REPS_FOR_LOAD,
    CONTROLLED_LOWERING_S,
    COUNTER_CM,
    ECCENTRIC,
    ENDURANCE_FROM_REPS,
    ENDURANCE_LOWERING_S,
    FIRST_BOX_AFTER_NEGATIVES_CM,
    FIRST_BOX_AFTER_WALL_CM,
    FLOOR,
    FLOOR_TEST,
    FLOOR_TEST_SETS,
    HANDS_ELEVATED,
    LOADED,
    NEGATIVE_KNEE,
    NEGATIVE_LONGEST_S,
    NEGATIVE_START_S,
    SLOWEST_LOWERING_S,
    STRENGTH_REPS,
    STRENGTH_UP_TO_REPS,
    WALL,
)
from app.domain.reps import RepTarget
from app.domain.tempo import Tempo
from app.domain.variation import Variation


class HarderSteps(EasierSteps):
    """The steps on for one block, each by the variation's own route."""

    def harder(self, keep: Suggestion, run: BlockRun, variation: Variation) -> Suggestion:
        top = run.key.target.high
        why = f"Every set reached {top} clean reps"
        tempo = run.key.tempo
        if variation.uses_box:
            return self.lower_box(keep, run, variation, why)
        if variation.id == FLOOR:
            return self.floor_goal(keep, run, why)
        if variation.id == NEGATIVE_KNEE:
            if tempo.eccentric_s < NEGATIVE_LONGEST_S:
                longer = min(NEGATIVE_LONGEST_S, max(NEGATIVE_START_S, tempo.eccentric_s + 1))
                return self.longer_lowering(keep, tempo, longer, why)
            return self.to_first_box(
                keep,
                f"{why} with a {NEGATIVE_LONGEST_S:g} s lowering",
                FIRST_BOX_AFTER_NEGATIVES_CM,
                Rule.HARDER,
            )
        if variation.id == ECCENTRIC and FLOOR in self.catalog:
            return replace(
                keep,
                variation=FLOOR,
                sets=FLOOR_TEST_SETS,
                reps=str(FLOOR_TEST),
                tempo=str(self.catalog[FLOOR].default_tempo),
                rest_s=self.catalog[FLOOR].default_rest_s,
                rule=Rule.HARDER,
                reason=f"{why}: in place of the eccentrics, try {FLOOR_TEST_SETS} sets of "
                f"{FLOOR_TEST} floor push ups, and keep your box sets as they are.",
            )
        if variation.id == WALL:
            return self.wall_to_box(keep, why)
        if variation.id == LOADED:
            return replace(
                keep,
                rule=Rule.ADD_LOAD,
                reason=f"{why}: add a little load next time, about 2 to 10 % more.",
            )
        return replace(keep, reason=f"{why}: add a rep or slow the lowering down.")

    def lower_box(
        self, keep: Suggestion, run: BlockRun, variation: Variation, why: str
    ) -> Suggestion:
        height = box_height(run, variation)
        step = box_steps.harder(height, self.stature_cm, self.surfaces)
        if step.height_cm is None:
            return self.blocked(keep, run, why, step)
        load = _load_words(step.gain, step.extrapolated)
        if step.height_cm <= 0 and FLOOR in self.catalog:
            floor = self.catalog[FLOOR]
            return replace(
                keep,
                variation=FLOOR,
                box_height_cm=None,
                rule=Rule.HARDER,
                extrapolated=step.extrapolated,
                rest_s=max(keep.rest_s, floor.default_rest_s),
                reason=f"{why} with your hands at {self.where(height)}: move on to the floor "
                f"push up, {load}.",
            )
        return replace(
            keep,
            box_height_cm=step.height_cm,
            rule=Rule.HARDER,
            extrapolated=step.extrapolated,
            reason=f"{why}: lower your hands to {self.where(step.height_cm)}, {load}.",
        )

    def blocked(
        self, keep: Suggestion, run: BlockRun, why: str, step: box_steps.BoxStep
    ) -> Suggestion:
        """No surface one step lower: progress the block itself and say what would help."""
        help_text = (
            f"; a surface of about {self.where(step.intermediate_cm)} would be the next step"
            if step.intermediate_cm is not None
            else ""
        )
        height = box_height(run, self.catalog[run.key.variation_id])
        gap = "none of your surfaces is one step lower"
        if step.too_far_cm is not None:
            next_down = self.where(step.too_far_cm)
            if height - step.too_far_cm > box_steps.max_step_cm(height):
                gap = f"{gap} ({next_down} is more than one step down)"
            else:
                gap = f"{gap} ({next_down} is too small a step)"
        varied = self.vary(keep, run, why)
        change = varied.reason.split(": ", 1)[-1].rstrip(".")
        return replace(varied, reason=f"{why}, but {gap}: {change}{help_text}.")

    def longer_lowering(
        self, keep: Suggestion, tempo: Tempo, seconds: float, why: str
    ) -> Suggestion:
        return replace(
            keep,
            tempo=str(replace(tempo, eccentric_s=seconds)),
            rule=Rule.LONGER_LOWERING,
            reason=f"{why}: take {seconds:g} s to lower instead of {tempo.eccentric_s:g} s.",
        )

    def floor_goal(self, keep: Suggestion, run: BlockRun, why: str) -> Suggestion:
        """At the floor the rep range is the goal: strength, hypertrophy or endurance."""
        target, tempo = run.key.target, run.key.tempo
        if tempo.eccentric_s < CONTROLLED_LOWERING_S:
            return self.longer_lowering(keep, tempo, CONTROLLED_LOWERING_S, f"{why}, but quickly")
        if target.low >= ENDURANCE_FROM_REPS:
            if tempo.eccentric_s < ENDURANCE_LOWERING_S:
                return self.longer_lowering(keep, tempo, tempo.eccentric_s + 1, why)
            more = RepTarget(target.low + 5, target.high + 5)
            return replace(
                keep,
                reps=str(more),
                rule=Rule.HARDER,
                reason=f"{why}: stay with endurance and aim for {more} reps.",
            )
        clean_best = max((r for r, ok in zip(run.reps, run.clean, strict=True) if ok), default=0)
        if target.high > STRENGTH_UP_TO_REPS:
            if tempo.eccentric_s < SLOWEST_LOWERING_S:
                return self.longer_lowering(keep, tempo, tempo.eccentric_s + 1, why)
            return self.loaded(keep, target, f"{why} with a {tempo.eccentric_s:g} s lowering")
        if clean_best >= CLEAN_FLOOR_REPS_FOR_LOAD:
            return self.loaded(keep, STRENGTH_REPS, f"{why} and one set reached {clean_best}")
        aim = RepTarget(target.high, CLEAN_FLOOR_REPS_FOR_LOAD)
        return replace(
            keep,
            reps=str(aim),
            reason=f"{why}: build one set up to {CLEAN_FLOOR_REPS_FOR_LOAD} clean reps "
            "before adding load.",
        )

    def loaded(self, keep: Suggestion, target: RepTarget, why: str) -> Suggestion:
        if LOADED not in self.catalog:
            return replace(keep, reason=f"{why}: slow the lowering down.")
        loaded = self.catalog[LOADED]
        return replace(
            keep,
            variation=LOADED,
            reps=str(target),
            tempo=str(loaded.default_tempo),
            rest_s=max(keep.rest_s, loaded.default_rest_s),
            rule=Rule.LOADED_BLOCK,
            reason=f"{why}: add a little load (a vest, a plate or a band) and train {target} reps.",
        )

    def wall_to_box(self, keep: Suggestion, why: str) -> Suggestion:
        if HANDS_ELEVATED not in self.catalog:
            return replace(keep, reason=f"{why}: add a rep or slow the lowering down.")
        box = self.catalog[HANDS_ELEVATED]
        if self.surfaces:
            high = [h for h in self.surfaces if h >= FIRST_BOX_AFTER_WALL_CM]
            if not high:
                varied = self.vary(keep, stand_in_run(keep), why)
                return replace(
                    varied,
                    reason=f"{varied.reason[:-1]}; a surface of "
                    f"{self.where(FIRST_BOX_AFTER_WALL_CM)} or higher would be the next step.",
                )
            height = max(high)
        else:
            height = COUNTER_CM
        return replace(
            keep,
            variation=HANDS_ELEVATED,
            box_height_cm=height,
            tempo=str(box.default_tempo),
            rest_s=box.default_rest_s,
            rule=Rule.HARDER,
            extrapolated=True,
            reason=f"{why}: put your hands on the highest sturdy surface you have, "
            f"{self.where(height)}, with your body straight from head to heels.",
        )


def _load_words(gain: float, extrapolated: bool) -> str:
    estimate = " (an extrapolated estimate)" if extrapolated else ""
    if abs(gain) < 0.005:
        return f"about the same weight on your hands{estimate}"
    return f"about {gain:.0%} more weight on your hands{estimate}"
