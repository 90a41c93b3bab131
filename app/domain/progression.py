"""The progression coach: from recent sets, the next prescription for each variation.

Pure: it is given the sets (rehearsals already left out), the catalog, the equipment profile
and nothing else. The rules, checked in this order for each variation trained recently:

1. Two sessions in a row with a set 2 or more reps below the range: one step easier.
2. The kneeling push up is never prescribed: the hands-elevated push up that puts about the
   same weight on the hands takes its place.
3. Floor push up with a clean set of 10: the loaded strength block (3-8 reps).
4. Double progression: every set of the last session at the top of the range, no form
   flags: one step harder. For a box, the highest surface lower than the current one whose
   load is at least 5% more (standard 10 cm steps, 5 cm above 50 cm, when no surface is
   set up); from 0 cm, the floor push up. The negative knee push up first lengthens its
   lowering from 3 s to 5 s, then moves to the box closest to a knee push up's load.
5. Otherwise: the same again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from app.domain.equipment import EquipmentProfile
from app.domain.load_model import KNEE_SHARE, VALIDATED_UP_TO_CM, box_share, support_share
from app.domain.plan import Block, SessionPlan
from app.domain.reps import RepTarget, parse_rep_target
from app.domain.tempo import Tempo, TempoError, parse_tempo
from app.domain.units import format_height
from app.domain.variation import Variation

FLOOR = "floor-push-up"
LOADED = "loaded-push-up"
KNEELING = "kneeling-push-up"
NEGATIVE_KNEE = "negative-knee-push-up"
HANDS_ELEVATED = "hands-elevated-push-up"

RECENT_DAYS = 28
MIN_HARDER = 1.05
MAX_EASIER = 0.95
REPS_SHORT_TO_STRUGGLE = 2
CLEAN_FLOOR_REPS_FOR_LOAD = 10
STRENGTH_REPS = "3-8"
NEGATIVE_START_S = 3.0
NEGATIVE_LONGEST_S = 5.0
STANDARD_STEPS_CM = (0.0, 10.0, 20.0, 30.0, 40.0, 50.0, *(float(h) for h in range(55, 121, 5)))


class Rule(StrEnum):
    """Which rule produced a suggestion (tests and the GUI's icon use it)."""

    KEEP = "keep"
    HARDER = "harder"
    EASIER = "easier"
    LONGER_LOWERING = "longer_lowering"
    LOADED_BLOCK = "loaded_block"
    ADD_LOAD = "add_load"
    OFF_THE_KNEES = "off_the_knees"


@dataclass(frozen=True, slots=True)
class TrainedSet:
    """One logged set as the coach needs it."""

    session_id: int
    ended_at: str
    variation_id: str
    box_height_cm: float | None
    tempo: str
    target_reps: str
    reps: int
    form_flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The next prescription for one variation, with the reason in one sentence."""

    from_variation: str
    variation: str
    box_height_cm: float | None
    sets: int
    reps: str
    tempo: str
    reason: str
    rule: Rule

    def to_json(self) -> dict[str, object]:
        """The ``suggest --json`` contract."""
        return {
            "from_variation": self.from_variation,
            "variation": self.variation,
            "box_height_cm": self.box_height_cm,
            "sets": self.sets,
            "reps": self.reps,
            "tempo": self.tempo,
            "reason": self.reason,
        }


def suggest(
    history: Sequence[TrainedSet],
    catalog: Mapping[str, Variation],
    profile: EquipmentProfile | None = None,
    *,
    recent_days: int = RECENT_DAYS,
) -> list[Suggestion]:
    """Advice for every variation trained within ``recent_days`` of the newest set.

    Newest variation first. Counting back from the newest set rather than from today means a
    person coming back after a break still gets advice for what they did last.
    """
    coach = _Coach(catalog, profile or EquipmentProfile())
    dated = sorted(
        ((datetime.fromisoformat(s.ended_at), s) for s in history if s.variation_id in catalog),
        key=lambda pair: (pair[0], pair[1].session_id),
    )
    if not dated:
        return []
    newest = dated[-1][0]
    sessions: dict[str, dict[int, list[TrainedSet]]] = {}
    last_seen: dict[str, datetime] = {}
    for moment, trained in dated:
        sessions.setdefault(trained.variation_id, {}).setdefault(trained.session_id, []).append(
            trained
        )
        last_seen[trained.variation_id] = moment
    advice: list[Suggestion] = []
    for variation_id in sorted(last_seen, key=lambda v: last_seen[v], reverse=True):
        if (newest - last_seen[variation_id]).days > recent_days:
            continue
        advice.append(coach.advise(catalog[variation_id], list(sessions[variation_id].values())))
    return advice


def plan_from_suggestions(
    suggestions: Sequence[Suggestion],
    catalog: Mapping[str, Variation],
    title: str = "Coach's choice",
) -> SessionPlan:
    """Today's session from the advice, one block per suggestion, in the same order."""
    blocks = []
    for s in suggestions:
        variation = catalog[s.variation]
        blocks.append(
            Block(
                variation_id=s.variation,
                sets=s.sets,
                reps=parse_rep_target(s.reps),
                tempo=parse_tempo(s.tempo),
                rest_s=variation.default_rest_s,
                box_height_cm=s.box_height_cm if variation.uses_box else None,
            )
        )
    return SessionPlan(title=title, blocks=tuple(blocks))


@dataclass(frozen=True, slots=True)
class _Step:
    variation: Variation
    box_height_cm: float | None
    share: float


class _Coach:
    def __init__(self, catalog: Mapping[str, Variation], profile: EquipmentProfile) -> None:
        self.catalog = catalog
        self.profile = profile

    # --- the rules --------------------------------------------------------------------------

    def advise(self, variation: Variation, sessions: list[list[TrainedSet]]) -> Suggestion:
        last = sessions[-1]
        target = _target(last[-1].target_reps, variation)
        tempo = _tempo(last[-1].tempo, variation)
        box = self._box(variation, last)
        here = _Step(variation, box, self.share(variation, box))
        keep = Suggestion(
            from_variation=variation.id,
            variation=variation.id,
            box_height_cm=box,
            sets=len(last),
            reps=str(target),
            tempo=str(tempo),
            reason="",
            rule=Rule.KEEP,
        )
        if len(sessions) >= 2 and all(_struggled(s, variation) for s in sessions[-2:]):
            return self.easier(here, keep, tempo)
        if variation.id == KNEELING:
            return self.off_the_knees(keep)
        clean = [s for s in last if not s.form_flags]
        if variation.id == FLOOR and LOADED in self.catalog:
            if any(s.reps >= CLEAN_FLOOR_REPS_FOR_LOAD for s in clean):
                return self.switch(
                    keep,
                    self.catalog[LOADED],
                    None,
                    rule=Rule.LOADED_BLOCK,
                    reason=f"You did {CLEAN_FLOOR_REPS_FOR_LOAD} clean floor push ups in one set: "
                    "time to add load and train strength in sets of 3 to 8.",
                    reps=STRENGTH_REPS,
                )
            return replace(
                keep,
                reason=f"Build up to one clean set of {CLEAN_FLOOR_REPS_FOR_LOAD} "
                "before adding load.",
            )
        top = target.high
        if len(clean) == len(last) and all(s.reps >= top for s in last):
            return self.harder(here, keep, tempo)
        return replace(keep, reason=_keep_reason(last, top))

    def harder(self, here: _Step, keep: Suggestion, tempo: Tempo) -> Suggestion:
        variation = here.variation
        why = f"Every set reached {keep.reps.split('-')[-1]} clean reps"
        if variation.uses_box and here.box_height_cm is not None:
            lower = self.lower_box(here.box_height_cm, here.share)
            if lower is None or lower <= 0:
                return self.to_floor(keep, here.box_height_cm, why)
            gain = box_share(lower, self.profile.stature_cm) / here.share - 1
            return replace(
                keep,
                box_height_cm=lower,
                rule=Rule.HARDER,
                reason=f"{why}: lower your hands to {self.where(lower)}, "
                f"about {gain:.0%} more weight on them.",
            )
        if variation.id == NEGATIVE_KNEE:
            if tempo.eccentric_s < NEGATIVE_LONGEST_S:
                longer = min(NEGATIVE_LONGEST_S, max(NEGATIVE_START_S, tempo.eccentric_s + 1))
                return replace(
                    keep,
                    tempo=str(replace(tempo, eccentric_s=longer)),
                    rule=Rule.LONGER_LOWERING,
                    reason=f"{why}: take {longer:g} s to lower instead of {tempo.eccentric_s:g} s.",
                )
            return self.to_knee_box(keep, f"{why} with a {NEGATIVE_LONGEST_S:g} s lowering")
        if variation.id == LOADED:
            return replace(
                keep,
                rule=Rule.ADD_LOAD,
                reason=f"{why}: add a little load, about 2 to 10% more.",
            )
        step = self.pick(variation.harder, here.share * MIN_HARDER, harder=True)
        if step is None:
            return replace(keep, reason=f"{why}: add a rep or slow the lowering down.")
        return self.switch(
            keep,
            step.variation,
            step.box_height_cm,
            rule=Rule.HARDER,
            reason=f"{why}: move on to {{name}}.",
        )

    def easier(self, here: _Step, keep: Suggestion, tempo: Tempo) -> Suggestion:
        why = "Two sessions in a row had a set well short of the range"
        variation = here.variation
        if variation.uses_box and here.box_height_cm is not None:
            higher = self.higher_box(here.box_height_cm, here.share)
            if higher is not None:
                return replace(
                    keep,
                    box_height_cm=higher,
                    rule=Rule.EASIER,
                    reason=f"{why}: raise your hands to {self.where(higher)} for now.",
                )
        if variation.id == NEGATIVE_KNEE and tempo.eccentric_s > NEGATIVE_START_S:
            shorter = max(NEGATIVE_START_S, tempo.eccentric_s - 1)
            return replace(
                keep,
                tempo=str(replace(tempo, eccentric_s=shorter)),
                rule=Rule.EASIER,
                reason=f"{why}: lower for {shorter:g} s instead of {tempo.eccentric_s:g} s.",
            )
        if variation.id == LOADED:
            return replace(keep, rule=Rule.EASIER, reason=f"{why}: take off some of the load.")
        step = self.pick(variation.easier, here.share * MAX_EASIER, harder=False)
        if step is None:
            return replace(
                keep,
                rule=Rule.EASIER,
                reason=f"{why}: aim for the bottom of the range and make each rep easier.",
            )
        return self.switch(
            keep,
            step.variation,
            step.box_height_cm,
            rule=Rule.EASIER,
            reason=f"{why}: step back to {{name}}.",
        )

    def off_the_knees(self, keep: Suggestion) -> Suggestion:
        return self.to_knee_box(
            keep,
            "A box keeps your body straight from head to heels",
            rule=Rule.OFF_THE_KNEES,
        )

    def to_floor(self, keep: Suggestion, box_height_cm: float, why: str) -> Suggestion:
        if FLOOR not in self.catalog:
            return replace(keep, reason=f"{why}: add a rep or slow the lowering down.")
        if box_height_cm <= 0:
            text = f"{why} with your hands at floor level: do them on the floor."
        else:
            text = f"{why} and there is no lower step: move on to the floor push up."
        return self.switch(keep, self.catalog[FLOOR], None, rule=Rule.HARDER, reason=text)

    def to_knee_box(self, keep: Suggestion, why: str, rule: Rule = Rule.HARDER) -> Suggestion:
        box = self.catalog.get(HANDS_ELEVATED)
        if box is None:
            return replace(keep, reason=f"{why}.")
        heights = self.heights(validated_only=True)
        height = min(heights, key=lambda h: abs(box_share(h, self.profile.stature_cm) - KNEE_SHARE))
        return self.switch(
            keep,
            box,
            height,
            rule=rule,
            reason=f"{why}: hands on {self.where(height)} carry about what a knee push up does.",
        )

    # --- steps --------------------------------------------------------------------------

    def switch(
        self,
        keep: Suggestion,
        variation: Variation,
        box_height_cm: float | None,
        *,
        rule: Rule,
        reason: str,
        reps: str | None = None,
    ) -> Suggestion:
        name = variation.name.lower()
        if box_height_cm is not None:
            name = f"{name} at {self.where(box_height_cm)}"
        return Suggestion(
            from_variation=keep.from_variation,
            variation=variation.id,
            box_height_cm=box_height_cm if variation.uses_box else None,
            sets=keep.sets,
            reps=reps or str(variation.default_reps),
            tempo=str(variation.default_tempo),
            reason=reason.replace("{name}", name),
            rule=rule,
        )

    def pick(self, neighbours: Sequence[str], bound: float, *, harder: bool) -> _Step | None:
        """The smallest step past ``bound`` among neighbours (never the kneeling push up)."""
        steps: list[_Step] = []
        for variation_id in neighbours:
            variation = self.catalog.get(variation_id)
            if variation is None or variation_id == KNEELING:
                continue
            if variation.uses_box:
                steps.extend(
                    _Step(variation, h, self.share(variation, h))
                    for h in self.heights(validated_only=True)
                )
            else:
                steps.append(_Step(variation, None, self.share(variation, None)))
        if harder:
            fitting = [s for s in steps if s.share >= bound]
            return min(fitting, key=lambda s: s.share, default=None) or next(iter(steps), None)
        fitting = [s for s in steps if s.share <= bound]
        no_harder = [s for s in steps if s.share <= bound / MAX_EASIER]
        return max(fitting, key=lambda s: s.share, default=None) or next(iter(no_harder), None)

    def lower_box(self, height_cm: float, share: float) -> float | None:
        if not self.profile.surfaces:
            return max((h for h in STANDARD_STEPS_CM if h < height_cm), default=None)
        stature = self.profile.stature_cm
        return max(
            (
                h
                for h in self.profile.heights_cm
                if h < height_cm and box_share(h, stature) >= share * MIN_HARDER
            ),
            default=None,
        )

    def higher_box(self, height_cm: float, share: float) -> float | None:
        if not self.profile.surfaces:
            return min((h for h in STANDARD_STEPS_CM if h > height_cm), default=None)
        stature = self.profile.stature_cm
        return min(
            (
                h
                for h in self.profile.heights_cm
                if h > height_cm and box_share(h, stature) <= share * MAX_EASIER
            ),
            default=None,
        )

    def heights(self, *, validated_only: bool) -> tuple[float, ...]:
        if self.profile.surfaces:
            return self.profile.heights_cm
        top = VALIDATED_UP_TO_CM if validated_only else max(STANDARD_STEPS_CM)
        return tuple(h for h in STANDARD_STEPS_CM if 0 < h <= top)

    def share(self, variation: Variation, box_height_cm: float | None) -> float:
        return support_share(
            variation.support, variation.uses_box, box_height_cm, self.profile.stature_cm
        )

    def where(self, height_cm: float) -> str:
        text = format_height(height_cm, self.profile.units)
        surface = self.profile.surface_at(height_cm)
        return f"the {surface.name} ({text})" if surface else text

    def _box(self, variation: Variation, last: list[TrainedSet]) -> float | None:
        if not variation.uses_box:
            return None
        heights = [s.box_height_cm for s in last if s.box_height_cm is not None]
        return heights[-1] if heights else variation.default_box_height_cm


def _target(text: str, variation: Variation) -> RepTarget:
    try:
        target = parse_rep_target(text)
    except ValueError:
        return variation.default_reps
    return variation.default_reps if target.is_max else target


def _tempo(text: str, variation: Variation) -> Tempo:
    try:
        return parse_tempo(text)
    except TempoError:
        return variation.default_tempo


def _struggled(session: list[TrainedSet], variation: Variation) -> bool:
    low = _target(session[-1].target_reps, variation).low
    return any(s.reps <= low - REPS_SHORT_TO_STRUGGLE for s in session)


def _keep_reason(last: list[TrainedSet], top: int) -> str:
    flagged = sorted({flag for s in last for flag in s.form_flags})
    if flagged:
        return f"Stay here until every set is clean (last time: {', '.join(flagged).lower()})."
    at_top = sum(s.reps >= top for s in last)
    return (
        f"{at_top} of {len(last)} sets reached {top}: stay here until all of them do."
        if at_top
        else f"Stay here and add a rep where you can; move on when every set reaches {top}."
    )
