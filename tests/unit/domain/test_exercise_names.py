from __future__ import annotations

import pytest

from app.domain.exercise_names import (
    NOT_A_PUSH_UP,
    UNKNOWN_PUSH_UP,
    ExerciseNames,
    name_words,
    parse_exercise_names,
)
from app.domain.problems import InputError
from app.storage.imports.names_file import load_exercise_names


@pytest.fixture(scope="module")
def names() -> ExerciseNames:
    return load_exercise_names()


@pytest.mark.parametrize(
    ("name", "variation"),
    [
        ("Push Up", "floor-push-up"),
        ("Pushups", "floor-push-up"),
        ("Push-up", "floor-push-up"),
        ("push ups", "floor-push-up"),
        ("Perfect Pushups", "floor-push-up"),
        ("Wide Push Ups", "floor-push-up"),
        ("Diamond-Push Ups", "floor-push-up"),
        ("Tricep Push Up", "floor-push-up"),
        ("Triceps Push Up", "floor-push-up"),
        ("Push Up Close Hands", "floor-push-up"),
        ("Incline Push Ups", "hands-elevated-push-up"),
        ("Incline Tricep Push Up", "hands-elevated-push-up"),
        ("Kneeling Push Up", "kneeling-push-up"),
        ("Push Up on Knees", "kneeling-push-up"),
        ("Push Up (Knees)", "kneeling-push-up"),
        ("Negative Knee Push Up", "negative-knee-push-up"),
        ("Eccentric Push-ups", "eccentric-push-up"),
        ("Negative Push Up", "eccentric-push-up"),
        ("Wall Push Up", "wall-push-up"),
    ],
)
def test_push_ups_map_to_their_variation(names: ExerciseNames, name: str, variation: str) -> None:
    match = names.match(name)
    assert (match.variation, match.skip_reason) == (variation, None)


def test_a_floor_push_up_with_a_real_load_may_become_a_loaded_one(names: ExerciseNames) -> None:
    assert names.match("Push Up").loaded_variation == "loaded-push-up"
    assert names.match("Push Up (Weighted)").loaded_variation == "loaded-push-up"
    assert names.match("Kneeling Push Up").loaded_variation is None


@pytest.mark.parametrize(
    "name",
    [
        "Pike Push Up",
        "Decline Push-up",
        "Archer Pushups",
        "Plank Pushup",
        "Burpees - Pushup",
        "Incline Pushup Twist",
        "Handstand Push Up",
        "Push Up (Band)",
        "Clap Push Ups",
        "Downward Dog Push Up",
        "Push Up Pyramid ",
        "Sideways Push Up",
    ],
)
def test_push_ups_with_no_honest_match_are_left_out(names: ExerciseNames, name: str) -> None:
    match = names.match(name)
    assert match.is_push_up
    assert (match.variation, match.skip_reason) == (None, UNKNOWN_PUSH_UP)


@pytest.mark.parametrize("name", ["Triceps Pushdown", "Push Press", "Pull Up", "Bench Press", ""])
def test_other_exercises_are_not_push_ups(names: ExerciseNames, name: str) -> None:
    match = names.match(name)
    assert not match.is_push_up
    assert match.skip_reason == NOT_A_PUSH_UP


def test_sets_are_stored_self_paced_and_negatives_with_a_slow_lowering(
    names: ExerciseNames,
) -> None:
    assert names.match("Push Up").tempo == "1-0-X-0"
    assert names.match("Negative Knee Push Up").tempo == "3-0-R-0"


def test_name_words_spell_every_push_up_the_same() -> None:
    assert name_words("PUSH-UPS (Wide)") == ("push", "up", "wide")
    assert name_words("pushup") == ("push", "up")


def test_rules_are_data_tried_in_order() -> None:
    names = parse_exercise_names(
        'tempo = "2-0-2-0"\n'
        '[[rule]]\nwords = ["slow knee"]\nvariation = "negative-knee-push-up"\n'
        '[[rule]]\nwords = ["knee"]\nvariation = "kneeling-push-up"\ntempo = "1-0-1-0"\n'
        '[plain]\nvariation = "floor-push-up"\nmodifiers = ["wide"]\n'
    )
    assert names.match("Slow Knee Push Up").variation == "negative-knee-push-up"
    assert names.match("Slow Knee Push Up").tempo == "2-0-2-0"
    assert names.match("Knee Push Up").tempo == "1-0-1-0"
    assert names.match("Wide Push Up").variation == "floor-push-up"
    assert names.match("Wide Push Up").loaded_variation is None
    assert names.match("Odd Push Up").skip_reason == UNKNOWN_PUSH_UP


def test_a_broken_rules_file_names_each_problem_with_its_line() -> None:
    with pytest.raises(InputError) as raised:
        parse_exercise_names(
            '[[rule]]\nwords = ["knee"]\nvariation = "Kneeling Push Up"\n'
            '[[rule]]\nword = ["x"]\nskip = true\n'
        )
    messages = [(p.line, p.message) for p in raised.value.problems]
    assert (3, "rule 1: variation 'Kneeling Push Up' is not a variation id") in messages
    assert any(line == 5 and "word" in message for line, message in messages)
    assert (None, "a [plain] table is required") in messages
