"""The rules for one block, checked in this order (the README states them for people):

1. The kneeling push up is never prescribed: a box about as hard, or easier, takes its place.
2. Over 8 weeks since the block was trained: a short retest (one set, stop when form breaks).
3. 2-8 weeks: come back one step easier, or the same at the bottom of the range.
4. Reps falling over 3 sessions with every work set at 0 reps in reserve: a deload week.
5. Two sessions in a row with a set 2 or more reps below the range: one step easier.
6. A max (test) block stays as it is.
7. Every set at the top of the range, clean: one step harder, by the variation's own route,
   unless the reps came at a faster tempo than before (then: the slower tempo again).
8. The same reps at the same block for 3 weeks or more: change one thing.
9. Otherwise: the same again, and what to aim for.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from app.domain.coach import box_steps
from app.domain.coach.advice import Rule, Suggestion
from app.domain.coach.evidence import BlockKey, BlockRun
from app.domain.equipment import EquipmentProfile
from app.domain.load_model import KNEE_SHARE, box_share
from app.domain.plan import DEFAULT_RESET_S
from app.domain.reps import RepTarget, parse_rep_target
from app.domain.set_role import SetRole
from app.domain.tempo import Tempo, parse_tempo
from app.domain.units import format_height
from app.domain.variation import Variation

FLOOR = "floor-push-up"
LOADED = "loaded-push-up"
KNEELING = "kneeling-push-up"
NEGATIVE_KNEE = "negative-knee-push-up"
HANDS_ELEVATED = "hands-elevated-push-up"
ECCENTRIC = "eccentric-push-up"
WALL = "wall-push-up"

RETURN_AFTER_DAYS = 14
RETEST_AFTER_DAYS = 56
STALL_DAYS = 21
STALL_SESSIONS = 3
FALLING_SESSIONS = 3
REPS_SHORT_TO_STRUGGLE = 2
CLEAN_FLOOR_REPS_FOR_LOAD = 10
CONTROLLED_LOWERING_S = 2.0
STRENGTH_REPS = RepTarget(3, 8)
NEGATIVE_START_S = 3.0
NEGATIVE_LONGEST_S = 5.0
SLOWEST_LOWERING_S = 4.0
ENDURANCE_LOWERING_S = 3.0
ENDURANCE_FROM_REPS = 15
STRENGTH_UP_TO_REPS = 8
MAX_SETS = 5
FIRST_BOX_AFTER_NEGATIVES_CM = 60.0
FIRST_BOX_AFTER_WALL_CM = 60.0
COUNTER_CM = 90.0
STANDARD_HEIGHTS_CM = tuple(float(h) for h in range(5, 121, 5))
FLOOR_TEST = RepTarget(3, 5)
FLOOR_TEST_SETS = 2


@dataclass(frozen=True, slots=True)
class BlockHistory:
    """One block of the latest session and the evidence behind it."""

    run: BlockRun
    earlier: tuple[BlockRun, ...]
    """The same block (variation, height, target, tempo) in earlier sessions, oldest first."""
    other_tempos: tuple[BlockRun, ...]
    """The same variation, height and target at other tempos, oldest first."""
    days_off: int


class BlockCoach:
    """Advice for one block at a time, for one person (their surfaces, stature, units)."""

    def __init__(self, catalog: Mapping[str, Variation], profile: EquipmentProfile) -> None:
        self.catalog = catalog
        self.profile = profile
        self.stature_cm = profile.stature_cm
        self.surfaces = profile.heights_cm

    # --- the order of the rules -----------------------------------------------------------

    def advise(self, history: BlockHistory) -> Suggestion:
        run = history.run
        keep = self.keep(run)
        variation = self.catalog[run.key.variation_id]
        if variation.id == KNEELING:
            return self.off_the_knees(keep)
        if variation.uses_box and run.key.box_height_cm is None:
            return self.height_not_recorded(keep, variation, history.days_off)
        if history.days_off > RETEST_AFTER_DAYS:
            return self.retest(keep, history.days_off)
        if history.days_off >= RETURN_AFTER_DAYS:
            weeks = history.days_off // 7
            why = f"It has been {weeks} weeks since you trained this"
            return self.easier(keep, run, why, Rule.RETURN, bottom_first=False)
        if _falling_at_failure(history):
            return self.deload(keep, run)
        if history.earlier and _struggled(run) and _struggled(history.earlier[-1]):
            why = "Two sessions in a row had a set well short of the range"
            return self.easier(keep, run, why, Rule.EASIER, bottom_first=False)
        if run.key.target.is_max:
            return replace(
                keep,
                reason="A test set: repeat it in four to six weeks at the same tempo, "
                "so the counts compare.",
            )
        if _at_top(run):
            slower = _slower_tempo(history)
            if slower is not None:
                return replace(
                    keep,
                    tempo=str(slower),
                    reason=f"Your {max(run.reps)} reps came at {run.key.tempo}, faster than "
                    f"your sets at {slower}: repeat them at {slower}, since reps compare "
                    "only at the same tempo.",
                )
            return self.harder(keep, run, variation)
        stalled = _stalled_weeks(history)
        if stalled:
            numbers = "/".join(str(r) for r in run.reps)
            return self.vary(keep, run, f"The same {numbers} for {stalled} weeks")
        return replace(keep, reason=_keep_reason(run))

    # --- the rules ------------------------------------------------------------------------

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
            height = _height(run, variation)
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
        height = _height(run, variation)
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
        height = _height(run, self.catalog[run.key.variation_id])
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

    def vary(self, keep: Suggestion, run: BlockRun, why: str) -> Suggestion:
        """Change one thing: an extra set, else a slower lowering, else aim for more reps."""
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
        return replace(
            keep, rule=Rule.VARY, reason=f"{why}: rest a little longer and aim for one more rep."
        )

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
                varied = self.vary(keep, _no_run(keep), why)
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
            varied = self.vary(keep, _no_run(keep), why)
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

    def where(self, height_cm: float) -> str:
        text = format_height(height_cm, self.profile.units)
        surface = self.profile.surface_at(height_cm)
        return f"the {surface.name} ({text})" if surface else text


def keep_reset(run: BlockRun) -> float:
    return DEFAULT_RESET_S if run.reset_s is None else run.reset_s


def _no_run(keep: Suggestion) -> BlockRun:
    """A stand-in run for ``vary`` when only the suggestion is at hand."""
    key = BlockKey(
        keep.variation,
        keep.box_height_cm,
        parse_rep_target(keep.reps),
        parse_tempo(keep.tempo),
    )
    return BlockRun(0, key, SetRole.WORK, date.min, (), (), (), keep.sets, None, None)


def _height(run: BlockRun, variation: Variation) -> float:
    if run.key.box_height_cm is not None:
        return run.key.box_height_cm
    return variation.default_box_height_cm or 0.0


def _at_top(run: BlockRun) -> bool:
    top = run.key.target.high
    return (
        bool(run.reps)
        and len(run.reps) >= run.planned_sets
        and all(run.clean)
        and all(r >= top for r in run.reps)
    )


def _struggled(run: BlockRun) -> bool:
    if run.key.target.is_max:
        return False
    low = run.key.target.low
    return len(run.reps) < run.planned_sets or any(
        r <= low - REPS_SHORT_TO_STRUGGLE for r in run.reps
    )


def _falling_at_failure(history: BlockHistory) -> bool:
    runs = [*history.earlier, history.run][-FALLING_SESSIONS:]
    if len(runs) < FALLING_SESSIONS:
        return False
    if not all(r.reps_in_reserve and all(x == 0 for x in r.reps_in_reserve) for r in runs):
        return False
    totals = [r.total_reps for r in runs]
    return all(later < earlier for earlier, later in itertools.pairwise(totals))


def _stalled_weeks(history: BlockHistory) -> int:
    """Weeks the block has shown the same reps (0 when it has not stalled)."""
    run = history.run
    same = [run]
    for earlier in reversed(history.earlier):
        if earlier.reps != run.reps:
            break
        same.append(earlier)
    days = (run.day - same[-1].day).days
    if len(same) < STALL_SESSIONS or days < STALL_DAYS:
        return 0
    return days // 7


def _slower_tempo(history: BlockHistory) -> Tempo | None:
    """A slower tempo this block was done at lately, when today's reps came faster."""
    now = history.run.key.tempo
    recent = [
        r
        for r in history.other_tempos
        if (history.run.day - r.day).days <= RETEST_AFTER_DAYS
        and r.key.tempo.eccentric_s > now.eccentric_s
    ]
    return recent[-1].key.tempo if recent else None


def _keep_reason(run: BlockRun) -> str:
    top = run.key.target.high
    flagged = sum(1 for ok in run.clean if not ok)
    if flagged:
        return f"Stay here until every set is clean ({flagged} of {len(run.reps)} had a form flag)."
    at_top = sum(r >= top for r in run.reps)
    if at_top:
        return f"{at_top} of {run.planned_sets} sets reached {top}: stay here until all of them do."
    return f"Stay here and add a rep where you can; move on when every set reaches {top}."


def _load_words(gain: float, extrapolated: bool) -> str:
    estimate = " (an extrapolated estimate)" if extrapolated else ""
    if abs(gain) < 0.005:
        return f"about the same weight on your hands{estimate}"
    return f"about {gain:.0%} more weight on your hands{estimate}"
