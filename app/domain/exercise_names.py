"""Other apps' exercise names mapped to catalog variations, by rules read from a data file.

The rules live in ``resources/imports/exercise-names.toml`` (the file explains them); this
module only reads them and applies them, so that a new name is one line of data.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from app.domain.fields import Fields
from app.domain.problems import InputError, Problem
from app.domain.tempo import parse_tempo
from app.domain.toml_text import LineFinder, load_toml
from app.domain.variation import is_variation_id

NOT_A_PUSH_UP = "not a push up"
UNKNOWN_PUSH_UP = "no matching variation"
_NON_WORD = re.compile(r"[^0-9a-z]+")
_PUSH_UP_WORDS = {"pushup": ("push", "up"), "pushups": ("push", "up"), "ups": ("up",)}
_RULE_KEYS = frozenset({"words", "skip", "variation", "loaded", "tempo"})
_PLAIN_KEYS = frozenset({"variation", "loaded", "modifiers", "tempo"})


@dataclass(frozen=True, slots=True)
class NameMatch:
    """What an exercise name becomes: a variation, or a reason to leave its sets out."""

    variation: str | None
    loaded_variation: str | None
    tempo: str
    skip_reason: str | None

    @property
    def is_push_up(self) -> bool:
        return self.skip_reason != NOT_A_PUSH_UP


@dataclass(frozen=True, slots=True)
class _Rule:
    groups: tuple[frozenset[str], ...]
    match: NameMatch


@dataclass(frozen=True, slots=True)
class ExerciseNames:
    """The mapping rules, in order, then the plain floor push up with its modifier words."""

    rules: tuple[_Rule, ...]
    plain_modifiers: frozenset[str]
    plain: NameMatch
    default_tempo: str

    def match(self, name: str) -> NameMatch:
        words = name_words(name)
        if not _has_push_up(words):
            return NameMatch(None, None, self.default_tempo, NOT_A_PUSH_UP)
        present = set(words)
        for rule in self.rules:
            if any(group <= present for group in rule.groups):
                return rule.match
        if present - {"push", "up"} <= self.plain_modifiers:
            return self.plain
        return NameMatch(None, None, self.default_tempo, UNKNOWN_PUSH_UP)


def name_words(name: str) -> tuple[str, ...]:
    """Lower-case words of a name, with every spelling of "push up" made ``push up``."""
    words: list[str] = []
    for word in _NON_WORD.split(name.lower()):
        if word:
            words.extend(_PUSH_UP_WORDS.get(word, (word,)))
    return tuple(words)


def _has_push_up(words: tuple[str, ...]) -> bool:
    return any(a == "push" and b == "up" for a, b in itertools.pairwise(words))


def parse_exercise_names(text: str) -> ExerciseNames:
    """Read the rules file; InputError lists every problem with its line."""
    data = load_toml(text)
    finder = LineFinder(text)
    problems: list[Problem] = []
    top = Fields(data, finder, problems)
    top.reject_unknown({"tempo", "rule", "plain"})
    default_tempo = _tempo(top, "1-0-X-0")
    rules: list[_Rule] = []
    for index, raw in enumerate(top.tables("rule", min_items=1, max_items=50)):
        fields = Fields(raw, finder, problems, "rule", index)
        fields.reject_unknown(_RULE_KEYS)
        groups = fields.text_list("words", min_items=1, max_items=100, max_len=60)
        rules.append(
            _Rule(
                tuple(frozenset(name_words(group)) for group in groups),
                _target(fields, raw, default_tempo, skippable=True),
            )
        )
    plain_raw = data.get("plain")
    if not isinstance(plain_raw, dict):
        problems.append(Problem("a [plain] table is required", None))
        plain_raw = {}
    plain_fields = Fields(plain_raw, finder, problems)
    plain_fields.reject_unknown(_PLAIN_KEYS)
    modifiers = plain_fields.text_list("modifiers", min_items=0, max_items=100, max_len=30)
    plain = _target(plain_fields, plain_raw, default_tempo, skippable=False)
    if problems:
        raise InputError(problems)
    return ExerciseNames(tuple(rules), frozenset(modifiers), plain, default_tempo)


def _tempo(fields: Fields, default: str) -> str:
    if not fields.has("tempo"):
        return default
    tempo = fields.parsed("tempo", parse_tempo, None)
    return default if tempo is None else str(tempo)


def _target(
    fields: Fields, raw: dict[str, Any], default_tempo: str, *, skippable: bool
) -> NameMatch:
    tempo = _tempo(fields, default_tempo)
    if skippable and fields.boolean("skip", default=False):
        return NameMatch(None, None, tempo, UNKNOWN_PUSH_UP)
    variation = fields.text("variation", required=True, max_len=60)
    loaded = fields.text("loaded", required=False, max_len=60) or None
    for key, value in (("variation", variation), ("loaded", loaded)):
        if value and not is_variation_id(value):
            fields.problem(key, f"{key} {value!r} is not a variation id")
    return NameMatch(variation, loaded, tempo, None)
