"""Validation problems that point at a line of the text they came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input, and where (1-based line; None when unknown)."""

    message: str
    line: int | None = None

    def format(self, source: str) -> str:
        """Render as ``SOURCE:LINE: message`` (or ``SOURCE: message`` without a line)."""
        where = f"{source}:{self.line}" if self.line is not None else source
        return f"{where}: {self.message}"


class InputError(ValueError):
    """Raised when text does not describe a valid object; carries every problem found."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        if not self.problems:
            raise ValueError("InputError needs at least one problem")
        first = self.problems[0]
        super().__init__(
            first.message if first.line is None else f"line {first.line}: {first.message}"
        )

    def lines(self, source: str) -> list[str]:
        """Every problem as a ``SOURCE:LINE: message`` line."""
        return [p.format(source) for p in self.problems]
