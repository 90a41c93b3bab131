"""The coach's numbers: the variations it names, and the days, reps and seconds it steps by."""

from __future__ import annotations

from app.domain.reps import RepTarget

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
REST_STEP_S = 30.0
# The longest rest between sets for a rep range's goal (DOMAIN.md, "Rest and rep ranges"):
# hypertrophy is 6-12 reps; past that, endurance.
HYPERTROPHY_UP_TO_REPS = 12
STRENGTH_LONGEST_REST_S = 300.0
HYPERTROPHY_LONGEST_REST_S = 180.0
ENDURANCE_LONGEST_REST_S = 60.0
FIRST_BOX_AFTER_NEGATIVES_CM = 60.0
FIRST_BOX_AFTER_WALL_CM = 60.0
COUNTER_CM = 90.0
STANDARD_HEIGHTS_CM = tuple(float(h) for h in range(5, 121, 5))
FLOOR_TEST = RepTarget(3, 5)
FLOOR_TEST_SETS = 2
