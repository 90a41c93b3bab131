"""The shipped exercise-name rules (``resources/imports/exercise-names.toml``)."""

from __future__ import annotations

from app.domain.exercise_names import ExerciseNames, parse_exercise_names
from app.domain.problems import InputError
from app.storage.resources import resource_path
from app.storage.text_files import read_text

NAMES_RESOURCE = "imports/exercise-names.toml"


class NamesFileError(RuntimeError):
    """The shipped rules are broken: a bug in this installation."""


def load_exercise_names() -> ExerciseNames:
    path = resource_path(NAMES_RESOURCE)
    try:
        return parse_exercise_names(read_text(path))
    except InputError as error:
        raise NamesFileError("\n".join(error.lines(str(path)))) from None
