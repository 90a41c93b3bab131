"""What the commands print: UTF-8 for programs, errors named as the app's."""

from __future__ import annotations

import io
import sys

import pytest

from app.cli.output import print_error, safe_output, write_utf8


def test_errors_are_prefixed_with_the_program(capsys: pytest.CaptureFixture[str]) -> None:
    print_error("no data folder at /x")
    assert capsys.readouterr().err == "tempo-trainer: no data folder at /x\n"


def test_output_for_programs_is_utf8_whatever_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="latin-1"))
    write_utf8("Κάμψεις,12\n")
    assert raw.getvalue().decode("utf-8") == "Κάμψεις,12\n"


def test_text_the_terminal_cannot_show_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    latin = io.TextIOWrapper(raw, encoding="latin-1")
    monkeypatch.setattr(sys, "stdout", latin)
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(io.BytesIO(), encoding="latin-1"))
    safe_output()
    print("Κάμψεις", file=latin)
    latin.flush()
    assert raw.getvalue() == b"???????\n"
