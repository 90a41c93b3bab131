"""Questions read on a helper thread: the answer is polled, closed input is said once."""

from __future__ import annotations

import time

import pytest

from app.headless.asker import END_OF_INPUT, Asker, EndOfInput


def answer_of(asker: Asker) -> str | EndOfInput:
    deadline = time.monotonic() + 10
    while (answer := asker.poll()) is None:
        assert time.monotonic() < deadline, "no answer read"
        time.sleep(0.001)
    return answer


def test_an_answer_is_picked_up_by_poll() -> None:
    prompts: list[str] = []

    def typed(prompt: str) -> str:
        prompts.append(prompt)
        return "12"

    asker = Asker(typed)
    assert asker.poll() is None
    asker.ask("Reps? ")
    assert asker.pending
    assert answer_of(asker) == "12" and not asker.pending
    assert prompts == ["Reps? "]


def test_closed_input_is_the_end_of_input() -> None:
    def closed(prompt: str) -> str:
        raise EOFError

    asker = Asker(closed)
    asker.ask("Reps? ")
    assert answer_of(asker) is END_OF_INPUT


def test_a_question_while_one_waits_only_shows_its_prompt(
    capsys: pytest.CaptureFixture[str],
) -> None:
    reads: list[str] = []

    def slow(prompt: str) -> str:
        reads.append(prompt)
        time.sleep(0.05)
        return ""

    asker = Asker(slow)
    asker.ask("first ")
    asker.ask("again ")
    assert answer_of(asker) == ""
    assert reads == ["first "]
    assert capsys.readouterr().out == "again "
